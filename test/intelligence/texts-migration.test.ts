// Migration 0010-texts on the test engine (PGlite by default, PostgreSQL with LELOI_TEST_DB=postgres):
// it is applied by openDatabase, reverts and applies again; a document's fingerprints round-trip
// through bytea into an index that finds the document; the share's range is checked; the search
// vector and the passages' GIN index answer their queries.
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as m0010 from "../../server/src/db/migrations/0010-texts.js";
import { CopyIndexBuilder } from "../../server/src/domain/texts/copy-index.js";
import { documentFingerprints, gramHashes, matchStream } from "../../server/src/domain/texts/fingerprints.js";
import { openTestDatabase } from "../helpers/test-db.js";
import type { TestDatabase } from "../helpers/test-db.js";

let t: TestDatabase;
let db: Kysely<unknown>;

beforeAll(async () => {
  t = await openTestDatabase();
  db = t.handle.db as unknown as Kysely<unknown>;
});
afterAll(async () => t.drop());

const TEXT = "Không ban hành văn bản hành chính để chỉ đạo những nội dung đã được quy định cụ thể trong văn bản quy phạm pháp luật hoặc văn bản chỉ đạo của cấp trên.";
const TABLES = ["document_texts", "document_references", "document_copy_checks"];

async function tableCount(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name in (${sql.join(TABLES)})`.execute(db);
  return r.rows[0]!.n;
}

describe("migration 0010-texts", () => {
  it("is applied on open, reverts and applies again", async () => {
    expect(await tableCount()).toBe(3);
    await m0010.down(db);
    expect(await tableCount()).toBe(0);
    await m0010.up(db);
    expect(await tableCount()).toBe(3);
  });

  it("stores a document's text and fingerprints; they rebuild an index that finds it", async () => {
    const made = await sql<{ id: number }>`insert into org_units (code, name, level, bloc) values ('T0010', 'Đơn vị thử', 'province', 'state') returning id`.execute(db);
    const orgId = made.rows[0]!.id;
    const doc = await sql<{ id: string }>`insert into documents (org_id, number, type_code, issued_on, search_text) values (${orgId}, '1/KH-T', 'KH', '2026-05-01', '') returning id`.execute(db);
    const id = doc.rows[0]!.id;
    const stream = matchStream(TEXT);
    const fps = documentFingerprints(stream);
    await sql`insert into document_texts (document_id, text, format, char_count, match_codes, fingerprints, fold_version, search_vector)
      values (${id}, ${TEXT}, 'text', ${TEXT.length}, ${Buffer.from(stream.codes)}, ${Buffer.from(fps.buffer, fps.byteOffset, fps.byteLength)}, 1,
              to_tsvector('simple', ${"khong ban hanh van ban hanh chinh"}))`.execute(db);
    const row = await sql<{ fingerprints: Uint8Array; revision: number }>`select fingerprints, revision from document_texts where document_id = ${id}`.execute(db);
    const bytes = row.rows[0]!.fingerprints;
    expect(row.rows[0]!.revision).toBeGreaterThan(0);
    const loaded = new Uint32Array(new Uint8Array(bytes).buffer.slice(0));
    expect([...loaded]).toEqual([...fps]);
    const b = new CopyIndexBuilder();
    b.add(loaded);
    expect(b.build().candidates(gramHashes(matchStream(TEXT).codes, 12))).toEqual([{ doc: 0, hits: loaded.length }]);

    const found = await sql<{ n: number }>`select count(*)::int as n from document_texts where search_vector @@ websearch_to_tsquery('simple', 'van ban hanh chinh')`.execute(db);
    expect(found.rows[0]!.n).toBe(1);

    const passages = JSON.stringify([{ start: 0, end: 10, sourceDocumentId: 77, sourceStart: 0, sourceEnd: 10, similarity: 1 }]);
    await sql`insert into document_copy_checks (document_id, copied_share, counted_chars, copied_chars, passages, sources_compared, fold_version) values (${id}, 0.42, 100, 42, ${passages}::jsonb, 3, 1)`.execute(db);
    const bySource = await sql<{ n: number }>`select count(*)::int as n from document_copy_checks where passages @> ${JSON.stringify([{ sourceDocumentId: 77 }])}::jsonb`.execute(db);
    expect(bySource.rows[0]!.n).toBe(1);
    await expect(sql`insert into document_copy_checks (document_id, copied_share, counted_chars, copied_chars, sources_compared, fold_version) values (${id}, 1.5, 1, 1, 1, 1)`.execute(db)).rejects.toThrow();
  });
});
