import { sql, type Kysely } from "kysely";

// Measured on the bench province (2 M documents, 331 units): the year sheet spent most of its
// time summing document_monthly (≈ 45,000 rows for two years: unit × month × type × 4 flags)
// and reading the heap behind the D3/D4 breach lists; the import spent ≈ 40 % of its write
// phase computing the generated search_text in SQL, row by row.
//
// 1. document_tally: one row per unit and month with exactly the counts the sheet needs —
//    administrative documents per D2 bucket (NQ, QĐ, CV, KH, TB, other: the buckets of
//    d2BucketOf in domain/document-types.ts) and the non-secret, digitised and e-sent counts:
//    ≈ 20× fewer rows to sum. The same statement triggers keep it, beside document_monthly
//    (which the registers' counts still read for their type and flag filters).
// 2. The breach lists' partial indexes carry `id`, so a list is read from the index alone.
// 3. documents.search_text becomes a plain NOT NULL column written by the application
//    (documentSearchText() in domain/text.ts, the same fold as the search pattern): folding in
//    Node costs a fraction of the SQL function per row, and a write that forgets it fails.

/** Each count column of document_tally and what it counts. The admin_* columns are the D2
 * buckets of d2BucketOf() (domain/document-types.ts); a test checks that the two agree. */
const OWN_BUCKETS = ["NQ", "QĐ", "CV", "KH", "TB"];
const TALLY: Array<[column: string, rows: string]> = [
  ["admin_nq", "not legal_normative and type_code = 'NQ'"],
  ["admin_qd", "not legal_normative and type_code = 'QĐ'"],
  ["admin_cv", "not legal_normative and type_code = 'CV'"],
  ["admin_kh", "not legal_normative and type_code = 'KH'"],
  ["admin_tb", "not legal_normative and type_code = 'TB'"],
  ["admin_other", `not legal_normative and type_code not in (${OWN_BUCKETS.map((b) => `'${b}'`).join(", ")})`],
  ["non_secret", "not secret"],
  ["digitized", "not secret and digitized"],
  ["sent", "not secret and sent_electronically"],
];
const COUNTS = TALLY.map(([column]) => column);

/** org_id, month and the count columns of document_tally over a set of document rows. */
const tallySelect = (rows: string) => `select org_id, date_trunc('month', issued_on)::date as month,
      ${TALLY.map(([column, where]) => `count(*) filter (where ${where}) as ${column}`).join(",\n      ")}
      from ${rows} group by 1, 2`;

const tallyAdd = (rows: string) => `
    insert into document_tally as t (org_id, month, ${COUNTS.join(", ")})
    ${tallySelect(rows)}
    on conflict (org_id, month) do update set ${COUNTS.map((c) => `${c} = t.${c} + excluded.${c}`).join(", ")};`;

const tallySubtract = (rows: string) => `
    update document_tally as t set ${COUNTS.map((c) => `${c} = t.${c} - o.${c}`).join(", ")}
      from (${tallySelect(rows)}) as o
     where t.org_id = o.org_id and t.month = o.month;`;

const MONTHLY_ADD = `
    insert into document_monthly as m (org_id, month, type_code, legal_normative, secret, digitized, sent_electronically, n)
    select org_id, date_trunc('month', issued_on)::date, type_code, legal_normative, secret, digitized, sent_electronically, count(*)
      from new_rows group by 1, 2, 3, 4, 5, 6, 7
    on conflict (org_id, month, type_code, legal_normative, secret, digitized, sent_electronically)
      do update set n = m.n + excluded.n;`;

const MONTHLY_SUBTRACT = `
    update document_monthly as m set n = m.n - o.n
      from (select org_id, date_trunc('month', issued_on)::date as month, type_code, legal_normative, secret,
                   digitized, sent_electronically, count(*) as n
              from old_rows group by 1, 2, 3, 4, 5, 6, 7) as o
     where m.org_id = o.org_id and m.month = o.month and m.type_code = o.type_code
       and m.legal_normative = o.legal_normative and m.secret = o.secret
       and m.digitized = o.digitized and m.sent_electronically = o.sent_electronically;`;

const fn = (name: string, body: string) =>
  `create or replace function ${name}() returns trigger language plpgsql as $$
  begin${body}
    return null;
  end $$`;

const UP: string[] = [
  `create table document_tally (
    org_id integer not null,
    month date not null,
    ${COUNTS.map((c) => `${c} bigint not null default 0`).join(",\n    ")},
    primary key (org_id, month)
  )`,
  `insert into document_tally (org_id, month, ${COUNTS.join(", ")}) ${tallySelect("documents")}`,
  fn("document_monthly_add", MONTHLY_ADD + tallyAdd("new_rows")),
  fn("document_monthly_remove", MONTHLY_SUBTRACT + tallySubtract("old_rows")),
  fn("document_monthly_change", MONTHLY_SUBTRACT + tallySubtract("old_rows") + MONTHLY_ADD + tallyAdd("new_rows")),
  `create index documents_not_digitized_id on documents (org_id, issued_on, id) where not secret and not digitized`,
  `drop index documents_not_digitized`,
  `create index documents_not_sent_id on documents (org_id, issued_on, id) where not secret and not sent_electronically`,
  `drop index documents_not_sent`,
  `alter table documents alter column search_text drop expression`,
  `alter table documents alter column search_text set not null`,
];

const DOWN: string[] = [
  `alter table documents drop column search_text`,
  `alter table documents add column search_text text generated always as
     (leloi_fold(number || ' ' || subject || ' ' || coalesce(signer, ''))) stored`,
  `create index documents_not_sent on documents (org_id, issued_on) where not secret and not sent_electronically`,
  `drop index documents_not_sent_id`,
  `create index documents_not_digitized on documents (org_id, issued_on) where not secret and not digitized`,
  `drop index documents_not_digitized_id`,
  fn("document_monthly_add", MONTHLY_ADD),
  fn("document_monthly_remove", MONTHLY_SUBTRACT),
  fn("document_monthly_change", MONTHLY_SUBTRACT + MONTHLY_ADD),
  `drop table document_tally`,
];

/** The sheet's rollup (document_tally), index-only breach lists, search_text written by the app. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
