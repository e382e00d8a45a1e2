import { sql, type Kysely } from "kysely";

// Periodic reports (issue "Periodic reports and ratings"; kl226-rules.md §4). A report is one
// unit's report for one period; while a draft (or returned) its figures are computed live from
// the registers, and each submission freezes them into a new report_versions row, which keeps
// the deadline in force and whether it was met. Accepted versions are never changed: a
// correction makes the next version. Comments anchor to a figure or a section; events record
// every step of the workflow (the audit log records them too, in the same transaction).
const UP: string[] = [
  `create table reports (
    id integer generated always as identity primary key,
    org_id integer not null references org_units(id) on delete cascade,
    period text not null,
    recipient_org_id integer references org_units(id) on delete set null,
    status text not null default 'draft' check (status in ('draft','submitted','accepted','returned')),
    narrative jsonb not null default '{}',
    explanations jsonb not null default '{}',
    meta jsonb not null default '{}',
    first_submitted_at timestamptz,
    accepted_version integer,
    created_by integer references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (org_id, period)
  )`,
  `create index reports_recipient on reports (recipient_org_id, period)`,
  `create index reports_period on reports (period)`,
  `create table report_versions (
    id integer generated always as identity primary key,
    report_id integer not null references reports(id) on delete cascade,
    version integer not null check (version >= 1),
    recipient_org_id integer references org_units(id) on delete set null,
    figures jsonb not null,
    narrative jsonb not null,
    explanations jsonb not null,
    flags jsonb not null,
    meta jsonb not null,
    deadline_last_day date not null,
    deadline_text text not null,
    submitted_at timestamptz not null,
    submitted_by integer references users(id) on delete set null,
    on_time boolean not null,
    decision text check (decision in ('accepted','returned')),
    decided_at timestamptz,
    decided_by integer references users(id) on delete set null,
    decision_note text,
    unique (report_id, version),
    check ((decision is null) = (decided_at is null))
  )`,
  `create table report_comments (
    id integer generated always as identity primary key,
    report_id integer not null references reports(id) on delete cascade,
    version integer,
    user_id integer references users(id) on delete set null,
    at timestamptz not null default now(),
    anchor text not null,
    body text not null check (length(body) between 1 and 5000)
  )`,
  `create index report_comments_report on report_comments (report_id, at)`,
  `create table report_events (
    id integer generated always as identity primary key,
    report_id integer not null references reports(id) on delete cascade,
    version integer,
    step text not null check (step in ('create','edit','submit','accept','return','correct','comment')),
    user_id integer references users(id) on delete set null,
    at timestamptz not null default now(),
    note text
  )`,
  `create index report_events_report on report_events (report_id, at)`,
];

const DOWN: string[] = [`drop table report_events`, `drop table report_comments`, `drop table report_versions`, `drop table reports`];

/** Reports, their frozen versions, comments and workflow events. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
