import { sql, type Kysely } from "kysely";

// The year sheet's conference indicators (M3, M6, M8, M9) without reading every conference of
// the year from the table (bench run F: the province sheet went over its 100 ms target when
// M6–M9 joined it). Each partial index holds only the few conferences one reading of
// indicators/ or meetings/ needs, instead of that reading filtering every conference of the year:
// - M3: province-/commune-wide conferences that count (not regular sessions, no exception);
// - M6: dissemination conferences without a repeat reason;
// - M8: conferences inviting someone or naming several chairs, without an invitation reason;
// - M9: the clash sweep reads invited units and chairs only of conferences that have some.
// The predicates are written exactly as the queries write them, so the planner can prove the
// query's rows are in the index.
const UP: string[] = [
  `create index meetings_wide on meetings (org_id, start_at)
     where scope in ('toan_tinh', 'toan_xa') and category <> 'dinh_ky' and exception_decision is null`,
  `create index meetings_dissemination on meetings (start_at)
     where category = 'quan_triet' and (repeat_reason is null or btrim(repeat_reason) = '')`,
  `create index meetings_inviting on meetings (start_at)
     where (invitation_reason is null or btrim(invitation_reason) = '')
       and (cardinality(invited_blocs) > 0 or cardinality(invited_org_ids) > 0 or cardinality(chairs) > 1)`,
  `create index meetings_invited_units on meetings (start_at) where cardinality(invited_org_ids) > 0`,
  `create index meetings_chaired on meetings (start_at) where cardinality(chairs) > 0`,
];

const DOWN: string[] = [
  `drop index meetings_chaired`,
  `drop index meetings_invited_units`,
  `drop index meetings_inviting`,
  `drop index meetings_dissemination`,
  `drop index meetings_wide`,
];

/** Indexes behind the sheet's conference indicators (M3, M6, M8, M9). */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
