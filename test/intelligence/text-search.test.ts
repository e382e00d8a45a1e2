// Full-text search over registered texts (issue "Document intelligence" §8): diacritic- and
// OCR-insensitive, ranked, within the user's units, with a snippet cut from the original text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { createDoc, putText, seedText, type Headers } from "./text-setup.js";

type Result = {
  items: Array<{ document: { id: number; number: string; hasText: boolean }; rank: number; snippet: { text: string; highlights: Array<{ start: number; end: number }> } }>;
  total: number;
  totalExact: boolean;
};

let t: TestApp;
let province: { id: number; code: string };
let officerP: Headers;
let officerA: Headers;
const doc: Record<string, number> = {};

async function search(headers: Headers, query: string): Promise<Result> {
  const res = await t.app.inject({ method: "GET", url: `/api/documents/search?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Result;
}

beforeAll(async () => {
  t = await startTestApp();
  province = await buildOrg(t.ctx, { level: "province" });
  const a = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
  const b = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
  officerP = (await buildUser(t.ctx, province.id, "officer")).headers;
  officerA = (await buildUser(t.ctx, a.id, "officer")).headers;
  const officerB = (await buildUser(t.ctx, b.id, "officer")).headers;
  doc.ocr = await createDoc(t, officerP, { orgCode: province.code, number: "426/UBND-NC", type: "CV", issuedOn: "2026-01-14" });
  await putText(t, officerP, doc.ocr, seedText("000"));
  doc.clean = await createDoc(t, officerA, { orgCode: a.code, number: "153a/KH-UBND", type: "KH", issuedOn: "2026-05-13", subject: "Kế hoạch chấn chỉnh lề lối làm việc" });
  await putText(t, officerA, doc.clean, seedText("004"));
  doc.brief = await createDoc(t, officerA, { orgCode: a.code, number: "9/TB-UBND", type: "TB", issuedOn: "2026-05-20" });
  await putText(t, officerA, doc.brief, "Thông báo lịch tiếp công dân tháng 6. Trong tháng có nhắc tới lề lối làm việc một lần.");
  doc.other = await createDoc(t, officerB, { orgCode: b.code, number: "5/KH-UBND", type: "KH", issuedOn: "2026-05-02" });
  await putText(t, officerB, doc.other, seedText("004"));
}, 180_000);

afterAll(async () => t.close());

describe("full-text search", () => {
  it("finds texts without diacritics, in clean and OCR'd texts alike, best first", async () => {
    const r = await search(officerP, "q=chan+chinh+le+loi+lam+viec&subtree=1");
    const found = r.items.map((i) => i.document.id);
    expect(found).toEqual(expect.arrayContaining([doc.ocr, doc.clean, doc.other]));
    // the brief notice mentions "lề lối làm việc" once, without "chấn chỉnh": not all words, not found
    expect(found).not.toContain(doc.brief);
    expect(r.total).toBe(3);
    expect(r.totalExact).toBe(true);
    for (let i = 1; i < r.items.length; i++) expect(r.items[i - 1]!.rank).toBeGreaterThanOrEqual(r.items[i]!.rank);
    // with diacritics, the same
    const accented = await search(officerP, `q=${encodeURIComponent("chấn chỉnh lề lối làm việc")}&subtree=1`);
    expect(accented.items.map((i) => i.document.id)).toEqual(found);
  });

  it("ranks a text naming the words in its subject and often above one naming them once", async () => {
    const r = await search(officerA, "q=le+loi+lam+viec");
    expect(r.items.map((i) => i.document.id)).toEqual([doc.clean, doc.brief]);
  });

  it("cuts a snippet from the original text with the words highlighted", async () => {
    const r = await search(officerP, "q=ket+luan+226&subtree=1");
    const ocr = r.items.find((i) => i.document.id === doc.ocr)!;
    expect(seedText("000")).toContain(ocr.snippet.text);
    expect(ocr.snippet.highlights.length).toBeGreaterThan(0);
    const clean = r.items.find((i) => i.document.id === doc.clean)!;
    const words = clean.snippet.highlights.map((h) => clean.snippet.text.slice(h.start, h.end).toLowerCase());
    expect(words).toEqual(expect.arrayContaining(["kết", "luận", "226"]));
  });

  it("stays within the user's units, refuses an empty query, and finds a phrase only as a phrase", async () => {
    const mine = await search(officerA, "q=ke+hoach");
    expect(mine.items.map((i) => i.document.id)).not.toContain(doc.other);
    expect((await t.app.inject({ method: "GET", url: `/api/documents/search?q=ke&org=${province.code}`, headers: officerA })).statusCode).toBe(403);
    const empty = await t.app.inject({ method: "GET", url: "/api/documents/search?q=%21%21", headers: officerA });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/^q: /);
    const phrase = await search(officerA, `q=${encodeURIComponent('"tiếp công dân"')}`);
    expect(phrase.items.map((i) => i.document.id)).toEqual([doc.brief]);
    const shuffled = await search(officerA, `q=${encodeURIComponent('"công dân tiếp"')}`);
    expect(shuffled.items).toEqual([]);
  });
});
