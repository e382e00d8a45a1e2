import { sql, type Kysely } from "kysely";

// M9 calendar (issue 7 §2): iCalendar feeds a mail client subscribes to. A client cannot send our
// session cookie, so the feed's URL carries a secret token; only its SHA-256 is stored (like
// sessions), so a leaked database does not leak working URLs. A feed is revoked, never deleted,
// so the audit trail keeps what existed.
const UP: string[] = [
  `create table calendar_feeds (
    id integer generated always as identity primary key,
    token_hash text not null unique,
    user_id integer not null references users(id) on delete cascade,
    kind text not null check (kind in ('unit','person')),
    org_id integer not null references org_units(id),
    created_at timestamptz not null default now(),
    revoked_at timestamptz
  )`,
  `create index calendar_feeds_user on calendar_feeds (user_id)`,
];

const DOWN: string[] = [`drop table calendar_feeds`];

/** Calendar feed tokens (hashed) per user: one unit's calendar, or the user's own. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
