import { sql, type Kysely, type Transaction, type Updateable } from "kysely";
import type { Database, UserRow, UsersTable } from "../db/schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** The account with this username (usernames are stored lower-case). */
export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username.trim().toLowerCase()).executeTakeFirst();
}

/** The account with this id. */
export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Accounts of the given units, by username. */
export async function listUsersOfOrgs(db: Executor, orgIds: number[]): Promise<UserRow[]> {
  if (orgIds.length === 0) return [];
  return db.selectFrom("users").selectAll().where("org_id", "in", orgIds).orderBy("username").execute();
}

/** What a new account is made of (the password already hashed). */
export type NewUserValues = { username: string; passwordHash: string; fullName: string; role: UserRow["role"]; orgId: number };

/** Inserts an account; returns undefined when the username is taken (no exception, so a
 * transaction on PostgreSQL is not aborted by the unique violation). */
export async function insertUser(db: Executor, v: NewUserValues): Promise<UserRow | undefined> {
  return db
    .insertInto("users")
    .values({ username: v.username, password_hash: v.passwordHash, full_name: v.fullName, role: v.role, org_id: v.orgId })
    .onConflict((oc) => oc.column("username").doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Columns an update may change. */
export type UserChanges = Partial<Pick<Updateable<UsersTable>, "full_name" | "role" | "org_id" | "disabled" | "password_hash">>;

/** Applies the changes and stamps updated_at with the database clock. */
export async function updateUser(db: Executor, id: number, changes: UserChanges): Promise<UserRow> {
  return db
    .updateTable("users")
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Any account with the admin role, enabled or not (the bootstrap's "is there an admin?"). */
export async function findAnyAdmin(db: Executor): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("role", "=", "admin").orderBy("id").limit(1).executeTakeFirst();
}
