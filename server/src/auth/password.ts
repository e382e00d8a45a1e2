import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

/** Passwords are at least 8 characters; the upper bound keeps a huge body from costing a hash. */
export const ZNewPassword = z.string().min(8, "Mật khẩu phải có ít nhất 8 ký tự").max(200, "Mật khẩu tối đa 200 ký tự");

/** argon2id with the library defaults ($argon2id$v=19$m=19456,t=2,p=1 — argon2id is
 * @node-rs/argon2's default algorithm; test/auth checks the prefix of stored hashes). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/** True when `password` matches `storedHash`. With no stored hash (unknown user) it still spends
 * the time of one verification, so response time does not tell which usernames exist. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hash(randomBytes(16).toString("hex"));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  // a malformed stored hash is a failed login, never a 500 that reveals the account exists
  return verify(storedHash, password).catch(() => false);
}

/** A random password of 24 URL-safe characters (144 bits) for generated accounts. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
