// SQL of the orgs import: staged units are upserted by code one depth at a time (a parent named
// by a later row of the file exists before its children), then predecessor links are replaced.
import type { BulkSession } from "../db/bulk.js";

const CREATE_STAGING = [
  `create temp table import_orgs (row_no integer not null, depth integer not null, code text not null, name text not null,
    parent_code text, level text not null, bloc text not null, valid_from date, valid_to date) on commit drop`,
  `create temp table import_org_links (org_code text not null, predecessor_code text not null, kind text not null,
    share double precision not null) on commit drop`,
  // (unit, kind) pairs whose links the file states: links of that kind not listed are removed
  `create temp table import_org_link_owners (org_code text not null, kind text not null) on commit drop`,
];

export const ORG_STAGING_COLUMNS = ["row_no", "depth", "code", "name", "parent_code", "level", "bloc", "valid_from", "valid_to"] as const;
export const LINK_STAGING_COLUMNS = ["org_code", "predecessor_code", "kind", "share"] as const;
export const LINK_OWNER_STAGING_COLUMNS = ["org_code", "kind"] as const;

/** Creates the staging tables (dropped at commit or rollback). */
export async function createOrgStaging(s: BulkSession): Promise<void> {
  for (const statement of CREATE_STAGING) await s.query(statement);
}

/** Stages rows given as CSV lines in the order of the *_STAGING_COLUMNS. */
export async function stageOrgs(s: BulkSession, csv: { orgs: string; links: string; owners: string }): Promise<void> {
  if (csv.orgs) await s.copyCsv("import_orgs", ORG_STAGING_COLUMNS, csv.orgs);
  if (csv.links) await s.copyCsv("import_org_links", LINK_STAGING_COLUMNS, csv.links);
  if (csv.owners) await s.copyCsv("import_org_link_owners", LINK_OWNER_STAGING_COLUMNS, csv.owners);
}

const UPSERT_DEPTH = `with written as (
    insert into org_units as t (code, name, parent_id, level, bloc, valid_from, valid_to)
    select s.code, s.name, p.id, s.level, s.bloc, s.valid_from, s.valid_to
      from import_orgs s left join org_units p on p.code = s.parent_code
     where s.depth = $1
     order by s.row_no
    on conflict (code) do update set name = excluded.name, parent_id = excluded.parent_id, level = excluded.level,
      bloc = excluded.bloc, valid_from = excluded.valid_from, valid_to = excluded.valid_to, updated_at = now()
    where (t.name, t.parent_id, t.level, t.bloc, t.valid_from, t.valid_to)
      is distinct from (excluded.name, excluded.parent_id, excluded.level, excluded.bloc, excluded.valid_from, excluded.valid_to)
    returning (xmax = 0) as is_new)
  select (count(*) filter (where is_new))::integer as inserted, (count(*) filter (where not is_new))::integer as updated from written`;

/** Upserts the staged units of one depth (0 = parent outside the file or none). */
export async function upsertOrgsAtDepth(s: BulkSession, depth: number): Promise<{ inserted: number; updated: number }> {
  const [row] = await s.query<{ inserted: number; updated: number }>(UPSERT_DEPTH, [depth]);
  return { inserted: Number(row?.inserted ?? 0), updated: Number(row?.updated ?? 0) };
}

const DELETE_STALE_LINKS = `with removed as (
    delete from org_predecessors p
     using import_org_link_owners w join org_units o on o.code = w.org_code
     where p.org_id = o.id and p.kind = w.kind
       and not exists (select 1 from import_org_links l join org_units q on q.code = l.predecessor_code
                        where l.org_code = w.org_code and q.id = p.predecessor_id)
    returning 1)
  select count(*)::integer as n from removed`;

const UPSERT_LINKS = `with written as (
    insert into org_predecessors as p (org_id, predecessor_id, kind, share)
    select o.id, q.id, l.kind, l.share
      from import_org_links l join org_units o on o.code = l.org_code join org_units q on q.code = l.predecessor_code
    on conflict (org_id, predecessor_id) do update set kind = excluded.kind, share = excluded.share
    where (p.kind, p.share) is distinct from (excluded.kind, excluded.share)
    returning 1)
  select count(*)::integer as n from written`;

/** Replaces the predecessor links the file states; returns how many were removed and written. */
export async function replaceStagedLinks(s: BulkSession): Promise<{ removed: number; written: number }> {
  const [removed] = await s.query<{ n: number }>(DELETE_STALE_LINKS);
  const [written] = await s.query<{ n: number }>(UPSERT_LINKS);
  return { removed: Number(removed?.n ?? 0), written: Number(written?.n ?? 0) };
}
