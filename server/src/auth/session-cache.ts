// Sessions already looked up, for the embedded database (PGlite) only. Its one connection is
// held for the whole of an import transaction, so the session hook could not read `sessions`
// and a progress poll would wait until the import ends. An embedded database is used by one
// process, so evicting here whenever a session or a user changes is complete; on PostgreSQL
// (several server processes may share it) every request reads the tables, as before.
import type { SessionUser } from "./policy.js";

/** A session as cached: who it signs in, and until when. */
export type CachedSession = { user: SessionUser; expiresAt: Date };

/** A bounded map token hash → session, least recently used out first. */
export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  private evictions = 0;

  constructor(private readonly capacity: number) {}

  /** Counts evictions: read it before a database lookup and hand it to `remember`. */
  get generation(): number {
    return this.evictions;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The user of a cached, unexpired session. */
  find(tokenHash: string, now: Date): SessionUser | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    this.entries.delete(tokenHash);
    if (entry.expiresAt.getTime() <= now.getTime()) return undefined;
    this.entries.set(tokenHash, entry); // most recently used last
    return entry.user;
  }

  /** Stores a session read from the database — unless something was evicted since that read
   * began: the read may have seen the rows from before the change. */
  remember(tokenHash: string, entry: CachedSession, generationAtRead: number): void {
    if (generationAtRead !== this.evictions) return;
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets one session (signed out). */
  forgetToken(tokenHash: string): void {
    this.evictions += 1;
    this.entries.delete(tokenHash);
  }

  /** Forgets every session of a user (role, unit, lock or password changed). */
  forgetUser(userId: number): void {
    this.evictions += 1;
    for (const [hash, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(hash);
  }
}
