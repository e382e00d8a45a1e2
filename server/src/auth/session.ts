import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/database.js";
import type { SessionUser } from "./policy.js";

export const SESSION_COOKIE = "leloi_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

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

export async function findSessionUser(db: Db, token: string, now: Date): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.username", "users.full_name", "users.role", "users.org_id"])
    .where("sessions.token_hash", "=", hashToken(token))
    .where("sessions.expires_at", ">", now)
    .where("users.disabled", "=", false)
    .executeTakeFirst();
  return row && { id: row.id, username: row.username, fullName: row.full_name, role: row.role, orgId: row.org_id };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** Signs a user out everywhere except the session of `keepToken` (after a password change). */
export async function deleteOtherUserSessions(db: Db, userId: number, keepToken: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).where("token_hash", "<>", hashToken(keepToken)).execute();
}
