import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/database.js";
import type { SessionUser } from "./policy.js";
import { SessionCache } from "./session-cache.js";

export const SESSION_COOKIE = "leloi_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Sessions cached for the embedded database (see session-cache.ts); a commune's laptop has a
 * handful of accounts, a province's server does not use it. */
const SESSION_CACHE_CAPACITY = 5_000;
const cache = new SessionCache(SESSION_CACHE_CAPACITY);

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(db: Db, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({ token_hash: hashToken(token), user_id: userId, expires_at: new Date(now.getTime() + SESSION_TTL_MS) })
    .execute();
  return token;
}

/** The user of a valid session. `cached`: answer from (and fill) the in-process cache — only for
 * PGlite, whose one connection an import holds for minutes; every change of a session or a
 * user evicts it (the delete functions below, forgetCachedSessionsOf). */
export async function findSessionUser(db: Db, token: string, now: Date, options: { cached?: boolean } = {}): Promise<SessionUser | undefined> {
  const tokenHash = hashToken(token);
  if (options.cached) {
    const hit = cache.find(tokenHash, now);
    if (hit) return hit;
  }
  const generation = cache.generation;
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.username", "users.full_name", "users.role", "users.org_id", "sessions.expires_at"])
    .where("sessions.token_hash", "=", tokenHash)
    .where("sessions.expires_at", ">", now)
    .where("users.disabled", "=", false)
    .executeTakeFirst();
  if (!row) return undefined;
  const user: SessionUser = { id: row.id, username: row.username, fullName: row.full_name, role: row.role, orgId: row.org_id };
  if (options.cached) cache.remember(tokenHash, { user, expiresAt: new Date(row.expires_at) }, generation);
  return user;
}

/** Evicts a user's cached sessions: call after any change to the user's row (role, unit, lock). */
export function forgetCachedSessionsOf(userId: number): void {
  cache.forgetUser(userId);
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
  cache.forgetToken(tokenHash);
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  cache.forgetUser(userId);
}

/** Signs a user out everywhere except the session of `keepToken` (after a password change). */
export async function deleteOtherUserSessions(db: Db, userId: number, keepToken: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).where("token_hash", "<>", hashToken(keepToken)).execute();
  cache.forgetUser(userId);
}
