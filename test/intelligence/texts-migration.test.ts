// The fingerprint storage design (migration 0010-texts, not yet in the migrator): it applies and
// reverts on the test engine (PGlite by default, PostgreSQL with LELOI_TEST_DB=postgres), and a
// document's fingerprints round-trip through bytea into an index that finds the document.
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

describe("migration 0010-texts (design)", () => {
  it("stores a document's text and fingerprints; they rebuild an index that finds it", async () => {
    await m0010.up(db);
    const org = await sql<{ id: number }>`select id from org_units limit 1`.execute(db);
    let orgId = org.rows[0]?.id;
    if (orgId === undefined) {
      const made = await sql<{ id: number }>`insert into org_units (code, name, level, bloc) values ('T0010', 'Đơn vị thử', 'province', 'state') returning id`.execute(db);
      orgId = made.rows[0]!.id;
    }
    const doc = await sql<{ id: string }>`insert into documents (org_id, number, type_code, issued_on, search_text) values (${orgId}, '1/KH-T', 'KH', '2026-05-01', '') returning id`.execute(db);
    const id = doc.rows[0]!.id;
    const stream = matchStream(TEXT);
    const fps = documentFingerprints(stream);
    await sql`insert into document_texts (document_id, text, format, char_count, match_codes, fingerprints, fold_version)
      values (${id}, ${TEXT}, 'text', ${TEXT.length}, ${Buffer.from(stream.codes)}, ${Buffer.from(fps.buffer, fps.byteOffset, fps.byteLength)}, 1)`.execute(db);
    const row = await sql<{ fingerprints: Uint8Array }>`select fingerprints from document_texts where document_id = ${id}`.execute(db);
    const bytes = row.rows[0]!.fingerprints;
    const loaded = new Uint32Array(new Uint8Array(bytes).buffer.slice(0));
    expect([...loaded]).toEqual([...fps]);
    const b = new CopyIndexBuilder();
    b.add(loaded);
    expect(b.build().candidates(gramHashes(matchStream(TEXT).codes, 12))).toEqual([{ doc: 0, hits: loaded.length }]);
    await sql`insert into document_copy_checks (document_id, copied_share, counted_chars, copied_chars, sources_compared, fold_version) values (${id}, 0.42, 100, 42, 3, 1)`.execute(db);
    await expect(sql`insert into document_copy_checks (document_id, copied_share, counted_chars, copied_chars, sources_compared, fold_version) values (${id}, 1.5, 1, 1, 1, 1)`.execute(db)).rejects.toThrow();
    await m0010.down(db);
    const left = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name in ('document_texts', 'document_copy_checks')`.execute(db);
    expect(left.rows[0]!.n).toBe(0);
  });
});
