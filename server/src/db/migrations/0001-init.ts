import { sql, type Kysely } from "kysely";

// One statement per entry: PGlite's query() runs a single statement at a time.
const UP: string[] = [
  `create table org_units (
    id integer generated always as identity primary key,
    code text not null unique,
    name text not null,
    parent_id integer references org_units(id),
    level text not null check (level in ('central','province','department','commune','office')),
    bloc text not null check (bloc in ('party','state','front')),
    valid_from date,
    valid_to date,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
  )`,
  `create index org_units_parent on org_units (parent_id)`,
  `create table org_predecessors (
    org_id integer not null references org_units(id) on delete cascade,
    predecessor_id integer not null references org_units(id) on delete cascade,
    kind text not null check (kind in ('merge','split')),
    share double precision not null default 1 check (share > 0 and share <= 1),
    primary key (org_id, predecessor_id),
    check (org_id <> predecessor_id)
  )`,
  `create table users (
    id integer generated always as identity primary key,
    username text not null unique,
    password_hash text not null,
    full_name text not null,
    role text not null check (role in ('admin','aggregator','officer','viewer')),
    org_id integer not null references org_units(id),
    disabled boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table sessions (
    token_hash text primary key,
    user_id integer not null references users(id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create index sessions_user on sessions (user_id)`,
  `create table documents (
    id bigint generated always as identity primary key,
    org_id integer not null references org_units(id),
    number text not null,
    type_code text not null,
    issued_on date not null,
    subject text not null default '',
    legal_normative boolean not null default false,
    secret boolean not null default false,
    sent_electronically boolean not null default false,
    digitized boolean not null default false,
    signer text,
    import_id bigint,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (org_id, number, issued_on)
  )`,
  `create index documents_org_issued on documents (org_id, issued_on)`,
  `-- D3/D4 breach lists read only the offending rows
  create index documents_not_digitized on documents (org_id, issued_on) where not secret and not digitized`,
  `create index documents_not_sent on documents (org_id, issued_on) where not secret and not sent_electronically`,
  `create table document_monthly (
    org_id integer not null,
    month date not null,
    type_code text not null,
    legal_normative boolean not null,
    secret boolean not null,
    digitized boolean not null,
    sent_electronically boolean not null,
    n bigint not null,
    primary key (org_id, month, type_code, legal_normative, secret, digitized, sent_electronically)
  )`,
  `create function document_monthly_add() returns trigger language plpgsql as $$
  begin
    insert into document_monthly as m (org_id, month, type_code, legal_normative, secret, digitized, sent_electronically, n)
    select org_id, date_trunc('month', issued_on)::date, type_code, legal_normative, secret, digitized, sent_electronically, count(*)
      from new_rows group by 1, 2, 3, 4, 5, 6, 7
    on conflict (org_id, month, type_code, legal_normative, secret, digitized, sent_electronically)
      do update set n = m.n + excluded.n;
    return null;
  end $$`,
  `create function document_monthly_remove() returns trigger language plpgsql as $$
  begin
    update document_monthly as m set n = m.n - o.n
      from (select org_id, date_trunc('month', issued_on)::date as month, type_code, legal_normative, secret,
                   digitized, sent_electronically, count(*) as n
              from old_rows group by 1, 2, 3, 4, 5, 6, 7) as o
     where m.org_id = o.org_id and m.month = o.month and m.type_code = o.type_code
       and m.legal_normative = o.legal_normative and m.secret = o.secret
       and m.digitized = o.digitized and m.sent_electronically = o.sent_electronically;
    return null;
  end $$`,
  `create function document_monthly_change() returns trigger language plpgsql as $$
  begin
    update document_monthly as m set n = m.n - o.n
      from (select org_id, date_trunc('month', issued_on)::date as month, type_code, legal_normative, secret,
                   digitized, sent_electronically, count(*) as n
              from old_rows group by 1, 2, 3, 4, 5, 6, 7) as o
     where m.org_id = o.org_id and m.month = o.month and m.type_code = o.type_code
       and m.legal_normative = o.legal_normative and m.secret = o.secret
       and m.digitized = o.digitized and m.sent_electronically = o.sent_electronically;
    insert into document_monthly as m (org_id, month, type_code, legal_normative, secret, digitized, sent_electronically, n)
    select org_id, date_trunc('month', issued_on)::date, type_code, legal_normative, secret, digitized, sent_electronically, count(*)
      from new_rows group by 1, 2, 3, 4, 5, 6, 7
    on conflict (org_id, month, type_code, legal_normative, secret, digitized, sent_electronically)
      do update set n = m.n + excluded.n;
    return null;
  end $$`,
  `create trigger documents_monthly_insert after insert on documents
  referencing new table as new_rows for each statement execute function document_monthly_add()`,
  `create trigger documents_monthly_delete after delete on documents
  referencing old table as old_rows for each statement execute function document_monthly_remove()`,
  `create trigger documents_monthly_update after update on documents
  referencing old table as old_rows new table as new_rows for each statement execute function document_monthly_change()`,
  `create table meetings (
    id bigint generated always as identity primary key,
    org_id integer not null references org_units(id),
    title text not null,
    category text not null check (category in ('quan_triet','chuyen_mon','quan_trong','dinh_ky','khac')),
    scope text not null check (scope in ('toan_tinh','toan_xa','nganh','noi_bo')),
    format text not null check (format in ('truc_tiep','truc_tuyen','ket_hop')),
    start_at timestamptz not null,
    end_at timestamptz not null,
    sessions smallint not null,
    opening_min smallint check (opening_min >= 0),
    conclusion_min smallint check (conclusion_min >= 0),
    max_contribution_min smallint check (max_contribution_min >= 0),
    exception_decision text,
    commune_participants boolean,
    import_id bigint,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (org_id, title, start_at),
    check (end_at > start_at)
  )`,
  `create index meetings_org_start on meetings (org_id, start_at)`,
  `create table tthc_stats (
    org_id integer not null references org_units(id),
    month date not null,
    received integer not null check (received >= 0),
    processed_digitally integer not null check (processed_digitally >= 0 and processed_digitally <= received),
    import_id bigint,
    updated_at timestamptz not null default now(),
    primary key (org_id, month)
  )`,
  `create table jurisdiction_settings (
    org_id integer primary key references org_units(id) on delete cascade,
    settings jsonb not null,
    updated_at timestamptz not null default now()
  )`,
  `create table audit_log (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    user_id integer references users(id) on delete set null,
    action text not null,
    entity text not null,
    entity_id text,
    org_id integer,
    before jsonb,
    after jsonb
  )`,
  `create index audit_log_org_at on audit_log (org_id, at desc)`,
  `create table import_jobs (
    id bigint generated always as identity primary key,
    kind text not null check (kind in ('orgs','documents','meetings','tthc')),
    user_id integer references users(id) on delete set null,
    file_name text not null,
    status text not null check (status in ('running','succeeded','failed')),
    rows_done integer not null default 0,
    inserted integer not null default 0,
    updated integer not null default 0,
    errors jsonb,
    started_at timestamptz not null default now(),
    finished_at timestamptz
  )`,
];

const DOWN: string[] = [
  `drop table import_jobs`,
  `drop table audit_log`,
  `drop table jurisdiction_settings`,
  `drop table tthc_stats`,
  `drop table meetings`,
  `drop table documents`,
  `drop table document_monthly`,
  `drop function document_monthly_add()`,
  `drop function document_monthly_remove()`,
  `drop function document_monthly_change()`,
  `drop table sessions`,
  `drop table users`,
  `drop table org_predecessors`,
  `drop table org_units`,
];

/** The first schema: org tree, accounts, the three registers with the monthly document rollup,
 * settings, audit and import jobs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
