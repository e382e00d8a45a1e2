import { sql, type Kysely } from "kysely";

// Plans and their task tables (issue "Plans and tasks"; kl226-rules.md §5, T2, T3). A plan row
// is one document of the chain KL 226 → QĐ 534 → provincial plan → commune plan; its tasks are
// the rows of its "Phụ lục phân công nhiệm vụ". A row whose lead cell names a group is kept as
// a group task (lead_group set, no lead, no occurrences) and fanned out into one task per unit.
// Occurrence status is never stored: it is derived from due_on / started_on / completed_on.
const UP: string[] = [
  `create table plans (
    id integer generated always as identity primary key,
    org_id integer not null references org_units(id),
    number text not null,
    type_code text not null,
    issued_on date not null,
    title text not null,
    parent_plan_id integer references plans(id) on delete set null,
    targets jsonb,
    horizon_year smallint,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (org_id, number, issued_on),
    check (parent_plan_id is null or parent_plan_id <> id)
  )`,
  `create index plans_parent on plans (parent_plan_id)`,
  `create index plans_with_targets on plans (org_id) where targets is not null`,
  `create table plan_tasks (
    id integer generated always as identity primary key,
    plan_id integer not null references plans(id) on delete cascade,
    tt text not null default '',
    content text not null,
    lead_text text not null default '',
    lead_org_id integer references org_units(id) on delete set null,
    lead_manual boolean not null default false,
    lead_group text,
    coordinators_text text not null default '',
    product text not null default '',
    deadline_text text not null default '',
    schedule jsonb not null,
    review_cadence text check (review_cadence in ('month','quarter','half','year')),
    parent_task_id integer references plan_tasks(id) on delete set null,
    fanned_from_task_id integer references plan_tasks(id) on delete cascade,
    flags jsonb not null,
    source_row integer,
    source_cells jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (parent_task_id is null or parent_task_id <> id),
    check (lead_group is null or (lead_org_id is null and fanned_from_task_id is null))
  )`,
  `create index plan_tasks_plan on plan_tasks (plan_id)`,
  // idempotent re-import: a table row is identified by (plan, TT, lead cell); a fanned task by (group task, unit)
  `create unique index plan_tasks_row on plan_tasks (plan_id, tt, lead_text) where fanned_from_task_id is null`,
  `create unique index plan_tasks_fanned on plan_tasks (fanned_from_task_id, lead_org_id) where fanned_from_task_id is not null`,
  `create index plan_tasks_lead on plan_tasks (lead_org_id)`,
  `create index plan_tasks_parent on plan_tasks (parent_task_id)`,
  `create index plan_tasks_leadless on plan_tasks (plan_id) where lead_org_id is null and lead_group is null`,
  `create table task_occurrences (
    id integer generated always as identity primary key,
    task_id integer not null references plan_tasks(id) on delete cascade,
    period text not null,
    due_on date not null,
    started_on date,
    completed_on date,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (task_id, period)
  )`,
  `create index task_occurrences_open_due on task_occurrences (due_on) where completed_on is null`,
  `create index task_occurrences_due on task_occurrences (due_on)`,
  `create table task_updates (
    id integer generated always as identity primary key,
    occurrence_id integer not null references task_occurrences(id) on delete cascade,
    user_id integer references users(id) on delete set null,
    at timestamptz not null default now(),
    note text not null default '',
    evidence_document_id bigint references documents(id) on delete set null,
    evidence_file_name text,
    evidence_content_type text,
    evidence_file bytea,
    check (evidence_file is null or octet_length(evidence_file) <= 10485760),
    check ((evidence_file is null) = (evidence_file_name is null))
  )`,
  `create index task_updates_occurrence on task_updates (occurrence_id, at)`,
  `create table org_aliases (
    id integer generated always as identity primary key,
    scope_org_id integer not null references org_units(id) on delete cascade,
    alias text not null,
    alias_key text not null,
    org_id integer not null references org_units(id) on delete cascade,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (scope_org_id, alias_key)
  )`,
];

const DOWN: string[] = [
  `drop table org_aliases`,
  `drop table task_updates`,
  `drop table task_occurrences`,
  `drop table plan_tasks`,
  `drop table plans`,
];

/** Plans, their tasks (fanned out per lead unit), task occurrences, progress updates and the
 * "map once" aliases of unit names. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
