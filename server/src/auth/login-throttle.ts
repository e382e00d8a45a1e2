/** Failed-login limits: per IP and username, and a looser ceiling per IP across usernames so one
 * address cannot spray guesses over many accounts. Security limits, not KL 226 settings. */
export const LOGIN_LIMITS = { maxFailures: 5, windowMs: 15 * 60_000, maxFailuresPerIp: 50, maxKeys: 10_000 } as const;

type Window = { count: number; startedAt: number };
/** Limits of a {@link LoginThrottle}; tests pass small ones. */
export type ThrottleLimits = { maxFailures: number; windowMs: number; maxFailuresPerIp: number; maxKeys: number };

/**
 * Counts only FAILED logins (a fixed window from the first failure). @fastify/rate-limit counts
 * every request on a route and has no "skip successful" option, so it would lock out a user who
 * simply logs in often; this small in-memory counter is per process (behind several server
 * processes each counts its own, which only loosens the limit by that factor).
 */
export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limits: ThrottleLimits = LOGIN_LIMITS) {}

  /** Seconds until the caller may try again, or 0 when not blocked. */
  retryAfterSeconds(ip: string, username: string, now: Date): number {
    const t = now.getTime();
    const checks: Array<[string, number]> = [
      [pairKey(ip, username), this.limits.maxFailures],
      [ipKey(ip), this.limits.maxFailuresPerIp],
    ];
    let wait = 0;
    for (const [key, max] of checks) {
      const w = this.live(key, t);
      if (w && w.count >= max) wait = Math.max(wait, Math.ceil((w.startedAt + this.limits.windowMs - t) / 1000));
    }
    return wait;
  }

  /** Records one failed attempt. */
  recordFailure(ip: string, username: string, now: Date): void {
    const t = now.getTime();
    for (const key of [pairKey(ip, username), ipKey(ip)]) {
      const w = this.live(key, t);
      if (w) w.count += 1;
      else this.windows.set(key, { count: 1, startedAt: t });
    }
    this.evict(t);
  }

  /** A successful login clears that username's failures from this IP (not the IP ceiling). */
  recordSuccess(ip: string, username: string): void {
    this.windows.delete(pairKey(ip, username));
  }

  private live(key: string, t: number): Window | undefined {
    const w = this.windows.get(key);
    if (w && t - w.startedAt >= this.limits.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  // bounded memory: drop expired windows, then the oldest ones (Map keeps insertion order)
  private evict(t: number): void {
    if (this.windows.size <= this.limits.maxKeys) return;
    for (const key of [...this.windows.keys()]) this.live(key, t);
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.limits.maxKeys) break;
      this.windows.delete(key);
    }
  }
}

const pairKey = (ip: string, username: string) => `${ip}\u0000${username.trim().toLowerCase()}`;
const ipKey = (ip: string) => `${ip}\u0000*`;
