// The only code that reads and writes calendar feed tokens (calendar_feeds). Tokens are looked
// up by their SHA-256; the token itself is never stored.
import type { Selectable, Transaction } from "kysely";
import type { Db } from "../db/database.js";
import type { CalendarFeedsTable, Database, UsersTable } from "../db/schema.js";

export type FeedRow = Selectable<CalendarFeedsTable>;

export async function insertFeed(trx: Transaction<Database>, values: { token_hash: string; user_id: number; kind: FeedRow["kind"]; org_id: number }): Promise<FeedRow> {
  return trx.insertInto("calendar_feeds").values(values).returningAll().executeTakeFirstOrThrow();
}

/** The user's feeds not revoked, newest first. */
export async function listActiveFeeds(db: Db, userId: number): Promise<FeedRow[]> {
  return db.selectFrom("calendar_feeds").selectAll().where("user_id", "=", userId).where("revoked_at", "is", null).orderBy("id", "desc").execute();
}

export async function countActiveFeeds(trx: Db | Transaction<Database>, userId: number): Promise<number> {
  const r = await trx.selectFrom("calendar_feeds").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", userId).where("revoked_at", "is", null).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** One of the user's active feeds, locked for the revoke. */
export async function findActiveFeedOf(trx: Transaction<Database>, userId: number, id: number): Promise<FeedRow | undefined> {
  return trx.selectFrom("calendar_feeds").selectAll().where("id", "=", id).where("user_id", "=", userId).where("revoked_at", "is", null).forUpdate().executeTakeFirst();
}

export async function revokeFeed(trx: Transaction<Database>, id: number, at: Date): Promise<FeedRow> {
  return trx.updateTable("calendar_feeds").set({ revoked_at: at }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** An active feed by its token's hash, with the user it belongs to (who must still be enabled). */
export type FeedWithUser = FeedRow & { user: Pick<Selectable<UsersTable>, "id" | "username" | "full_name" | "role" | "org_id"> };

export async function findActiveFeedByHash(db: Db, tokenHash: string): Promise<FeedWithUser | undefined> {
  const row = await db
    .selectFrom("calendar_feeds as f")
    .innerJoin("users as u", "u.id", "f.user_id")
    .selectAll("f")
    .select(["u.username", "u.full_name", "u.role", "u.org_id as user_org_id"])
    .where("f.token_hash", "=", tokenHash)
    .where("f.revoked_at", "is", null)
    .where("u.disabled", "=", false)
    .executeTakeFirst();
  if (!row) return undefined;
  const { username, full_name, role, user_org_id, ...feed } = row;
  return { ...feed, user: { id: feed.user_id, username, full_name, role, org_id: user_org_id } };
}
