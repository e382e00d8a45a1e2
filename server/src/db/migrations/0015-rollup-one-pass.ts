import { sql, type Kysely } from "kysely";

// The statement triggers of documents (0001, 0009) grouped every written row twice: once by unit,
// month, type and flags for document_monthly, once by unit and month, with nine filtered counts,
// for document_tally. An import of a million rows spent a fifth of its database time in them.
// Here the rows are grouped once (document_monthly's grain) and document_tally is summed from
// those groups — a few hundred per 20,000-row chunk. Same counts, same triggers, same names.

const GROUPS = (rows: string) => `g as (
      select org_id, date_trunc('month', issued_on)::date as month, type_code, legal_normative, secret,
             digitized, sent_electronically, count(*) as n
        from ${rows} group by 1, 2, 3, 4, 5, 6, 7)`;

/** document_tally's columns and the groups each sums: the D2 buckets of d2BucketOf()
 * (domain/document-types.ts) for administrative documents, then the open-document counts. */
const TALLY: Array<[column: string, groups: string]> = [
  ["admin_nq", "not legal_normative and type_code = 'NQ'"],
  ["admin_qd", "not legal_normative and type_code = 'QĐ'"],
  ["admin_cv", "not legal_normative and type_code = 'CV'"],
  ["admin_kh", "not legal_normative and type_code = 'KH'"],
  ["admin_tb", "not legal_normative and type_code = 'TB'"],
  ["admin_other", "not legal_normative and type_code not in ('NQ', 'QĐ', 'CV', 'KH', 'TB')"],
  ["non_secret", "not secret"],
  ["digitized", "not secret and digitized"],
  ["sent", "not secret and sent_electronically"],
];
const COUNTS = TALLY.map(([column]) => column);
const TALLY_OF_GROUPS = `select org_id, month,
      ${TALLY.map(([column, where]) => `coalesce(sum(n) filter (where ${where}), 0)::bigint as ${column}`).join(",\n      ")}
      from g group by 1, 2`;

const MONTHLY_KEY = "org_id, month, type_code, legal_normative, secret, digitized, sent_electronically";

const ADD = (rows: string) => `
    with ${GROUPS(rows)},
    monthly as (
      insert into document_monthly as m (${MONTHLY_KEY}, n) select * from g
      on conflict (${MONTHLY_KEY}) do update set n = m.n + excluded.n)
    insert into document_tally as t (org_id, month, ${COUNTS.join(", ")})
    ${TALLY_OF_GROUPS}
    on conflict (org_id, month) do update set ${COUNTS.map((c) => `${c} = t.${c} + excluded.${c}`).join(", ")};`;

const SUBTRACT = (rows: string) => `
    with ${GROUPS(rows)},
    monthly as (
      update document_monthly as m set n = m.n - g.n from g
       where ${MONTHLY_KEY.split(", ").map((c) => `m.${c} = g.${c}`).join(" and ")})
    update document_tally as t set ${COUNTS.map((c) => `${c} = t.${c} - o.${c}`).join(", ")}
      from (${TALLY_OF_GROUPS}) as o
     where t.org_id = o.org_id and t.month = o.month;`;

const fn = (name: string, body: string) =>
  `create or replace function ${name}() returns trigger language plpgsql as $$
  begin${body}
    return null;
  end $$`;

/** One grouping of the written rows feeds both rollups. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    fn("document_monthly_add", ADD("new_rows")),
    fn("document_monthly_remove", SUBTRACT("old_rows")),
    fn("document_monthly_change", SUBTRACT("old_rows") + ADD("new_rows")),
  ]) {
    await sql.raw(statement).execute(db);
  }
}

/** Back to 0009's functions, which group the rows once per rollup. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const tallyOfRows = (rows: string) => `select org_id, date_trunc('month', issued_on)::date as month,
      ${TALLY.map(([column, where]) => `count(*) filter (where ${where}) as ${column}`).join(",\n      ")}
      from ${rows} group by 1, 2`;
  const monthlyAdd = `
    insert into document_monthly as m (${MONTHLY_KEY}, n)
    select org_id, date_trunc('month', issued_on)::date, type_code, legal_normative, secret, digitized, sent_electronically, count(*)
      from new_rows group by 1, 2, 3, 4, 5, 6, 7
    on conflict (${MONTHLY_KEY}) do update set n = m.n + excluded.n;`;
  const monthlySubtract = `
    update document_monthly as m set n = m.n - o.n
      from (select org_id, date_trunc('month', issued_on)::date as month, type_code, legal_normative, secret,
                   digitized, sent_electronically, count(*) as n
              from old_rows group by 1, 2, 3, 4, 5, 6, 7) as o
     where ${MONTHLY_KEY.split(", ").map((c) => `m.${c} = o.${c}`).join(" and ")};`;
  const tallyAdd = `
    insert into document_tally as t (org_id, month, ${COUNTS.join(", ")})
    ${tallyOfRows("new_rows")}
    on conflict (org_id, month) do update set ${COUNTS.map((c) => `${c} = t.${c} + excluded.${c}`).join(", ")};`;
  const tallySubtract = `
    update document_tally as t set ${COUNTS.map((c) => `${c} = t.${c} - o.${c}`).join(", ")}
      from (${tallyOfRows("old_rows")}) as o
     where t.org_id = o.org_id and t.month = o.month;`;
  for (const statement of [
    fn("document_monthly_add", monthlyAdd + tallyAdd),
    fn("document_monthly_remove", monthlySubtract + tallySubtract),
    fn("document_monthly_change", monthlySubtract + tallySubtract + monthlyAdd + tallyAdd),
  ]) {
    await sql.raw(statement).execute(db);
  }
}
