// The only demo code that touches the database. Everything runs inside one bulk session
// (one transaction on one connection), so statements are built with Kysely and run through it.
import type { Compilable } from "kysely";
import type { Db } from "../db/database.js";
import type { BulkSession } from "../db/bulk.js";
import type { DemoAccount, DemoDocument, DemoMeeting, DemoOrg, DemoTthc } from "./demo.types.js";
import { toCsv } from "./demo-csv.js";
import { documentSearchText } from "../domain/text.js";

/** Rows per COPY statement: keeps each CSV text a few megabytes. */
const COPY_CHUNK = 50_000;

const DOCUMENT_COLUMNS = ["org_id", "number", "type_code", "issued_on", "subject", "legal_normative", "secret", "sent_electronically", "digitized", "signer", "search_text"] as const;
const MEETING_COLUMNS = ["org_id", "title", "category", "scope", "format", "start_at", "end_at", "sessions", "opening_min", "conclusion_min", "max_contribution_min", "exception_decision", "commune_participants"] as const;
const TTHC_COLUMNS = ["org_id", "month", "received", "processed_digitally"] as const;

/** Runs a Kysely-built statement on the bulk session. */
async function run<R>(s: BulkSession, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  return s.query<R>(compiled.sql, [...compiled.parameters]);
}

/** Up to two units already in the database: enough to tell an empty or bare-root database. */
export function listFirstOrgs(db: Db) {
  return db.selectFrom("org_units").select(["id", "code", "parent_id", "level"]).orderBy("id").limit(2).execute();
}

/** The units already in the database; locks the table so two loads cannot interleave. */
export async function lockAndListOrgs(s: BulkSession, db: Db) {
  await s.query("lock table org_units in share row exclusive mode");
  return run(s, db.selectFrom("org_units").select(["id", "code", "parent_id", "level"]));
}

/** Inserts the units parents first (a root of the demo goes under `rootParentId`) and the
 * merger links; returns code → id. */
export async function insertOrgs(s: BulkSession, db: Db, orgs: readonly DemoOrg[], rootParentId: number | null): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  let pending = [...orgs];
  while (pending.length > 0) {
    const ready = pending.filter((o) => o.parentCode === null || ids.has(o.parentCode));
    if (ready.length === 0) throw new Error(`demo org tree has no parent for ${pending.map((o) => o.code).join(", ")}`);
    const rows = await run(
      s,
      db
        .insertInto("org_units")
        .values(ready.map((o) => ({
          code: o.code, name: o.name, level: o.level, bloc: o.bloc, valid_from: o.validFrom, valid_to: o.validTo,
          parent_id: o.parentCode === null ? rootParentId : (ids.get(o.parentCode) ?? null),
        })))
        .returning(["id", "code"]),
    );
    for (const r of rows) ids.set(r.code, r.id);
    pending = pending.filter((o) => !ids.has(o.code));
  }
  const links = orgs.flatMap((o) => o.mergedFrom.map((from) => ({ org_id: idOf(ids, o.code), predecessor_id: idOf(ids, from), kind: "merge" as const, share: 1 })));
  if (links.length > 0) await run(s, db.insertInto("org_predecessors").values(links));
  return ids;
}

function idOf(ids: Map<string, number>, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`demo row names an unknown unit ${code}`);
  return id;
}

async function copyChunked<T>(s: BulkSession, table: string, columns: readonly string[], rows: readonly T[], fieldsOf: Parameters<typeof toCsv<T>>[1]): Promise<void> {
  for (let i = 0; i < rows.length; i += COPY_CHUNK) {
    await s.copyCsv(table, columns, toCsv(rows.slice(i, i + COPY_CHUNK), fieldsOf));
  }
}

/** COPY the document register; the rollup triggers fire per statement as for any insert. */
export function copyDocuments(s: BulkSession, ids: Map<string, number>, rows: readonly DemoDocument[]): Promise<void> {
  return copyChunked(s, "documents", DOCUMENT_COLUMNS, rows, (d) => [
    idOf(ids, d.orgCode), d.number, d.typeCode, d.issuedOn, d.subject, d.legalNormative, d.secret, d.sentElectronically, d.digitized, d.signer,
    documentSearchText(d.number, d.subject, d.signer),
  ]);
}

export function copyMeetings(s: BulkSession, ids: Map<string, number>, rows: readonly DemoMeeting[]): Promise<void> {
  return copyChunked(s, "meetings", MEETING_COLUMNS, rows, (m) => [
    idOf(ids, m.orgCode), m.title, m.category, m.scope, m.format, m.start, m.end, m.sessions,
    m.openingMin, m.conclusionMin, m.maxContributionMin, m.exceptionDecision, m.communeParticipants,
  ]);
}

export function copyTthc(s: BulkSession, ids: Map<string, number>, rows: readonly DemoTthc[]): Promise<void> {
  return copyChunked(s, "tthc_stats", TTHC_COLUMNS, rows, (t) => [idOf(ids, t.orgCode), t.month, t.received, t.processedDigitally]);
}

/** Inserts the demo accounts, leaving alone any username already taken. */
export async function insertUsers(s: BulkSession, db: Db, ids: Map<string, number>, users: ReadonlyArray<DemoAccount & { passwordHash: string }>): Promise<number> {
  if (users.length === 0) return 0;
  const rows = await run(
    s,
    db
      .insertInto("users")
      .values(users.map((u) => ({ username: u.username, password_hash: u.passwordHash, full_name: u.fullName, role: u.role, org_id: idOf(ids, u.orgCode) })))
      .onConflict((oc) => oc.column("username").doNothing())
      .returning("id"),
  );
  return rows.length;
}

/** The audit row of the load, in the same transaction. */
export async function insertLoadAudit(s: BulkSession, db: Db, orgId: number, after: unknown): Promise<void> {
  await run(s, db.insertInto("audit_log").values({ user_id: null, action: "import", entity: "demo", entity_id: null, org_id: orgId, before: null, after: JSON.stringify(after) }));
}
