import { sql, type Kysely } from "kysely";

// Rules M6–M9 (kl226-rules.md §2): conferences planned ahead. The annual conference plan (M7)
// and its planned conferences; on each held conference the chair(s) and invitations (M8), the
// upper conference or guiding document it relates to (M6), the papers sent ahead, and the
// conclusion notice — registered as a plan of type TB so that each conclusion is a task of
// the plans module with one lead, a due date and a product.
const UP: string[] = [
  `create table conference_plans (
    id integer generated always as identity primary key,
    org_id integer not null references org_units(id),
    year smallint not null check (year between 2000 and 2100),
    number text,
    issued_on date,
    note text not null default '',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (org_id, year)
  )`,
  `create table planned_conferences (
    id integer generated always as identity primary key,
    plan_id integer not null references conference_plans(id) on delete cascade,
    title text not null,
    category text not null check (category in ('quan_triet','chuyen_mon','quan_trong','dinh_ky','khac')),
    scope text not null check (scope in ('toan_tinh','toan_xa','nganh','noi_bo')),
    format text not null check (format in ('truc_tiep','truc_tuyen','ket_hop')),
    planned_month smallint check (planned_month between 1 and 12),
    planned_date date,
    expected_sessions smallint check (expected_sessions > 0),
    chair text not null default '',
    invited_blocs text[] not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (planned_month is not null or planned_date is not null)
  )`,
  `create index planned_conferences_plan on planned_conferences (plan_id)`,
  `alter table meetings
    add column planned_id integer references planned_conferences(id) on delete set null,
    add column chairs text[] not null default '{}',
    add column invited_blocs text[] not null default '{}',
    add column invited_org_ids integer[] not null default '{}',
    add column invitation_reason text,
    add column related_meeting_id bigint references meetings(id) on delete set null,
    add column related_document text,
    add column repeat_reason text,
    add column agenda text,
    add column papers_sent_at timestamptz,
    add column conclusion_plan_id integer references plans(id) on delete set null`,
  `create index meetings_planned on meetings (planned_id) where planned_id is not null`,
  `create index meetings_related on meetings (related_meeting_id) where related_meeting_id is not null`,
  `create index meetings_start on meetings (start_at)`,
  `create table meeting_papers (
    id integer generated always as identity primary key,
    meeting_id bigint not null references meetings(id) on delete cascade,
    title text not null,
    file_name text,
    content_type text,
    content bytea,
    created_at timestamptz not null default now(),
    check (content is null or octet_length(content) <= 10485760),
    check ((content is null) = (file_name is null))
  )`,
  `create index meeting_papers_meeting on meeting_papers (meeting_id)`,
];

const DOWN: string[] = [
  `drop table meeting_papers`,
  `drop index meetings_start`,
  `alter table meetings
    drop column conclusion_plan_id, drop column papers_sent_at, drop column agenda,
    drop column repeat_reason, drop column related_document, drop column related_meeting_id,
    drop column invitation_reason, drop column invited_org_ids, drop column invited_blocs,
    drop column chairs, drop column planned_id`,
  `drop table planned_conferences`,
  `drop table conference_plans`,
];

/** Annual conference plans, planned conferences, and the planning fields of a conference. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
