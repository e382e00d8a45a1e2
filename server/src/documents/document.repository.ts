// The only code that reads and writes the document register. Lists run one index probe per
// unit (a LATERAL join over the unit ids) so that every page reads ~pageSize rows per unit
// from (org_id, issued_on, id) or (org_id, number, issued_on) instead of sorting a province.
import { sql, type RawBuilder } from "kysely";
import type { Db } from "../db/database.js";
import type { DocumentRow, NewDocument, DocumentUpdate } from "../db/schema.js";
import { documentSearchText } from "../domain/text.js";
import type { KeysetPosition, PageWindow } from "../registers/paging.js";
import { splitByWholeMonths } from "../registers/month-split.js";
import type { DocumentSort } from "./document.schema.js";

/** What a list may be narrowed by; dates are inclusive "YYYY-MM-DD". */
export type DocumentFilter = {
  orgIds: number[];
  from?: string | undefined;
  to?: string | undefined;
  typeCode?: string | undefined;
  /** ILIKE pattern (already escaped) matched against number, subject and signer */
  pattern?: string | undefined;
  digitized?: boolean | undefined;
  sentElectronically?: boolean | undefined;
  secret?: boolean | undefined;
  legalNormative?: boolean | undefined;
  breach?: "not_digitized" | "not_sent" | undefined;
  /** D5 — only documents whose text's last copy check found more than this percent copied */
  copiedAbove?: number | undefined;
};

const COLUMNS = sql`id, org_id, number, type_code, issued_on, subject, legal_normative, secret, sent_electronically,
  digitized, signer, import_id, created_at, updated_at`;

/** Flag conditions shared by the register and the monthly rollup (same column names). */
function flagConditions(f: DocumentFilter): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.typeCode !== undefined) out.push(sql`type_code = ${f.typeCode}`);
  if (f.digitized !== undefined) out.push(sql`digitized = ${f.digitized}`);
  if (f.sentElectronically !== undefined) out.push(sql`sent_electronically = ${f.sentElectronically}`);
  if (f.secret !== undefined) out.push(sql`secret = ${f.secret}`);
  if (f.legalNormative !== undefined) out.push(sql`legal_normative = ${f.legalNormative}`);
  // D3/D4 — secret documents are outside the denominator, so never a breach
  if (f.breach === "not_digitized") out.push(sql`not secret and not digitized`);
  if (f.breach === "not_sent") out.push(sql`not secret and not sent_electronically`);
  return out;
}

function textCondition(f: DocumentFilter): RawBuilder<unknown>[] {
  if (f.pattern === undefined) return [];
  return [sql`search_text like ${f.pattern}`];
}

/** Documents over a copied share: few, so the semi-join starts from the checks (index on copied_share). */
function copiedCondition(f: DocumentFilter): RawBuilder<unknown>[] {
  if (f.copiedAbove === undefined) return [];
  return [sql`id in (select document_id from document_copy_checks where copied_share > ${f.copiedAbove}::numeric / 100)`];
}

/** Day bounds on issued_on: inclusive from, exclusive `toExclusive`. */
function dayConditions(from: string | undefined, toExclusive: string | undefined, toInclusive?: string): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (from !== undefined) out.push(sql`issued_on >= ${from}::date`);
  if (toExclusive !== undefined) out.push(sql`issued_on < ${toExclusive}::date`);
  if (toInclusive !== undefined) out.push(sql`issued_on <= ${toInclusive}::date`);
  return out;
}

const and = (conds: RawBuilder<unknown>[]) => (conds.length === 0 ? sql`true` : sql.join(conds, sql` and `));

/** Sort column, direction and keyset condition of each sort order (fixed SQL, no user text). */
function sortParts(sort: DocumentSort, after: KeysetPosition | null) {
  const desc = sort.startsWith("-");
  const column = sort.endsWith("issuedOn") ? sql.ref("issued_on") : sql.ref("number");
  const cast = sort.endsWith("issuedOn") ? sql`::date` : sql`::text`;
  const dir = desc ? sql`desc` : sql`asc`;
  let keyset: RawBuilder<unknown> = sql`true`;
  if (after !== null) {
    // written as a bound plus a tie-break so the index range scan starts at the cursor
    keyset = desc
      ? sql`${column} <= ${after.key}${cast} and (${column} < ${after.key}${cast} or id < ${after.id})`
      : sql`${column} >= ${after.key}${cast} and (${column} > ${after.key}${cast} or id > ${after.id})`;
  }
  return { column, dir, keyset };
}

/** One page of documents (fetches `limit + 1` rows: the extra one tells there is more). */
export async function listDocuments(db: Db, f: DocumentFilter, sort: DocumentSort, w: PageWindow<KeysetPosition>): Promise<DocumentRow[]> {
  if (f.orgIds.length === 0) return [];
  const { column, dir, keyset } = sortParts(sort, w.after);
  if (f.copiedAbove !== undefined) {
    // one flat query driven by the (few) checked documents over the share, not a probe per unit
    const where = and([sql`org_id = any(${f.orgIds}::int[])`, ...dayConditions(f.from, undefined, f.to), ...flagConditions(f), ...textCondition(f), ...copiedCondition(f), keyset]);
    const { rows } = await sql<DocumentRow>`
      select ${COLUMNS} from documents where ${where}
       order by ${column} ${dir}, id ${dir}
       limit ${w.limit + 1} offset ${w.offset}`.execute(db);
    return rows;
  }
  const where = and([...dayConditions(f.from, undefined, f.to), ...flagConditions(f), ...textCondition(f), keyset]);
  const perOrg = w.offset + w.limit + 1;
  const { rows } = await sql<DocumentRow>`
    select d.* from (select unnest(${f.orgIds}::int[]) as unit_id) as u
    cross join lateral (
      select ${COLUMNS} from documents
       where org_id = u.unit_id and ${where}
       order by ${column} ${dir}, id ${dir}
       limit ${perOrg}
    ) as d
    order by d.${column} ${dir}, d.id ${dir}
    limit ${w.limit + 1} offset ${w.offset}`.execute(db);
  return rows;
}

/** Largest count a text search reports exactly; past it the total is "at least this". */
export const TEXT_COUNT_CAP = 10_000;

/**
 * The number of documents matching `f`. Without a text search it is exact and cheap: whole
 * months come from the trigger-kept rollup (document_monthly) and only the partial months at
 * either end from the register. With a text search every row must be read, so the count
 * stops at {@link TEXT_COUNT_CAP} (exact: false).
 */
export async function countDocuments(db: Db, f: DocumentFilter): Promise<{ total: number; exact: boolean }> {
  if (f.orgIds.length === 0) return { total: 0, exact: true };
  const units = sql`org_id = any(${f.orgIds}::int[])`;
  if (f.pattern !== undefined || f.copiedAbove !== undefined) {
    const where = and([units, ...dayConditions(f.from, undefined, f.to), ...flagConditions(f), ...textCondition(f), ...copiedCondition(f)]);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from (select 1 from documents where ${where} limit ${TEXT_COUNT_CAP + 1}) as x`.execute(db);
    const n = rows[0]?.n ?? 0;
    return n > TEXT_COUNT_CAP ? { total: TEXT_COUNT_CAP, exact: false } : { total: n, exact: true };
  }
  const { months, edges } = splitByWholeMonths(f.from, f.to);
  const parts: Promise<number>[] = edges.map(async (e) => {
    const where = and([units, ...dayConditions(e.from, e.to), ...flagConditions(f)]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from documents where ${where}`.execute(db);
    return rows[0]?.n ?? 0;
  });
  if (months !== null) {
    const bounds: RawBuilder<unknown>[] = [];
    if (months.from !== undefined) bounds.push(sql`month >= ${months.from}::date`);
    if (months.to !== undefined) bounds.push(sql`month < ${months.to}::date`);
    const where = and([units, ...bounds, ...flagConditions(f)]);
    parts.push(
      sql<{ n: number }>`select coalesce(sum(n), 0)::bigint as n from document_monthly where ${where}`
        .execute(db)
        .then((r) => r.rows[0]?.n ?? 0),
    );
  }
  const counts = await Promise.all(parts);
  return { total: counts.reduce((a, b) => a + b, 0), exact: true };
}

/** A document by id; `lock` takes a row lock for the rest of the transaction. */
export async function findDocument(db: Db, id: number, lock = false): Promise<DocumentRow | undefined> {
  let q = db.selectFrom("documents").selectAll().where("id", "=", id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Inserts one document with its search text (the rollup trigger counts it in the same statement). */
export async function insertDocument(db: Db, values: Omit<NewDocument, "search_text">): Promise<DocumentRow> {
  const search_text = documentSearchText(values.number, values.subject ?? "", values.signer ?? null);
  return db.insertInto("documents").values({ ...values, search_text }).returningAll().executeTakeFirstOrThrow();
}

/** Sets the given columns, the search text of the row as it will be, and `updated_at`. */
export async function updateDocument(db: Db, old: DocumentRow, values: Omit<DocumentUpdate, "search_text">): Promise<DocumentRow> {
  const search_text = documentSearchText(values.number ?? old.number, values.subject ?? old.subject, values.signer === undefined ? old.signer : values.signer);
  return db
    .updateTable("documents")
    .set({ ...values, search_text, updated_at: sql<Date>`now()` })
    .where("id", "=", old.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes one document (the rollup trigger uncounts it). */
export async function deleteDocument(db: Db, id: number): Promise<void> {
  await db.deleteFrom("documents").where("id", "=", id).execute();
}

/** Documents by id, in no particular order. */
export async function findDocumentsFull(db: Db, ids: readonly number[]): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("documents").selectAll().where("id", "in", [...ids]).execute();
}

/** For each of `ids` that has a registered text: its copied share (null when not checked yet). */
export async function findTextInfo(db: Db, ids: readonly number[]): Promise<Map<number, number | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("document_texts as t")
    .leftJoin("document_copy_checks as c", "c.document_id", "t.document_id")
    .select(["t.document_id", "c.copied_share"])
    .where("t.document_id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.document_id, r.copied_share === null ? null : Number(r.copied_share)]));
}
