import { sql, type Kysely } from "kysely";

// The foreign key documents.org_id → org_units checked every inserted row with its own query and
// row lock: ≈ 13 % of an import's database time (EXPLAIN ANALYZE of a 20,000-row chunk: 262 ms of
// 1,974). The same guarantee, checked once per statement over its transition table: a write
// naming no unit, or a unit deleted while it still has documents, fails with the foreign-key
// error code (23503). What the statement check gives up is the row lock that serialises a
// document insert with a concurrent delete of its unit; units with records are never deleted
// (the API refuses it, orgs/org.service.ts), and the delete trigger below still refuses it.
const UP: string[] = [
  `create function documents_check_org() returns trigger language plpgsql as $$
  begin
    if exists (select 1 from new_rows n where not exists (select 1 from org_units o where o.id = n.org_id)) then
      raise exception using errcode = 'foreign_key_violation', message = 'documents.org_id: không có đơn vị này';
    end if;
    return null;
  end $$`,
  `create trigger documents_org_insert after insert on documents
  referencing new table as new_rows for each statement execute function documents_check_org()`,
  `create trigger documents_org_update after update on documents
  referencing new table as new_rows for each statement execute function documents_check_org()`,
  `create function org_units_keep_documents() returns trigger language plpgsql as $$
  begin
    if exists (select 1 from old_rows o where exists (select 1 from documents d where d.org_id = o.id)) then
      raise exception using errcode = 'foreign_key_violation', message = 'org_units: đơn vị còn văn bản';
    end if;
    return null;
  end $$`,
  `create trigger org_units_documents_delete after delete on org_units
  referencing old table as old_rows for each statement execute function org_units_keep_documents()`,
  `alter table documents drop constraint documents_org_id_fkey`,
];

const DOWN: string[] = [
  `alter table documents add constraint documents_org_id_fkey foreign key (org_id) references org_units(id)`,
  `drop trigger org_units_documents_delete on org_units`,
  `drop function org_units_keep_documents()`,
  `drop trigger documents_org_update on documents`,
  `drop trigger documents_org_insert on documents`,
  `drop function documents_check_org()`,
];

/** documents.org_id checked per statement instead of per row. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
