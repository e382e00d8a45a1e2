// D5 in the system (issue "Document intelligence" §6): on registration a text is checked against
// the texts of its unit's ancestors and of the central units — not its own unit, siblings,
// secret documents, or documents issued after it; share and passages stored; documents that may
// have copied a newly registered text are checked again; every process's fingerprint index
// follows writes made by another (consistency rule, intelligence/text-index.ts); the register
// shows the share and filters "copied > threshold" (a setting, default 30 %); the side-by-side
// view returns both texts with passage offsets; D5 in the indicator sheet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../server/src/context.js";
import { looseKey } from "../../server/src/domain/texts/fold.js";
import { checkDocumentCopy } from "../../server/src/intelligence/document-copycheck.js";
import { computeTextIndicators } from "../../server/src/intelligence/text.indicators.js";
import { parsePeriod } from "../../server/src/domain/period.js";
import { OrgDirectory } from "../../server/src/orgs/org.directory.js";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { copyOf, createDoc, kl226Text, putText, seedText, type Headers } from "./text-setup.js";

let t: TestApp;
let admin: Headers;
let ids: { vn: number; bbt: { id: number; code: string }; p: { id: number; code: string }; a: { id: number; code: string }; b: { id: number; code: string } };
let officerP: Headers;
let officerA: Headers;
let officerB: Headers;
let kl: number;
let planP: number;
let planA: number;

const shareOf = async (id: number): Promise<number | null> => {
  const r = await t.ctx.handle.db.selectFrom("document_copy_checks").select("copied_share").where("document_id", "=", id).executeTakeFirst();
  return r ? Number(r.copied_share) : null;
};

beforeAll(async () => {
  t = await startTestApp();
  const vn = await buildOrg(t.ctx, { code: "VN", name: "Việt Nam", level: "central" });
  const bbt = await buildOrg(t.ctx, { name: "Ban Bí thư", parentId: vn.id, level: "central", bloc: "party" });
  const p = await buildOrg(t.ctx, { parentId: vn.id, level: "province", name: "Ủy ban nhân dân tỉnh Đồng Tháp" });
  const a = await buildOrg(t.ctx, { parentId: p.id, level: "commune" });
  const b = await buildOrg(t.ctx, { parentId: p.id, level: "commune" });
  ids = { vn: vn.id, bbt, p, a, b };
  admin = (await buildUser(t.ctx, vn.id, "admin")).headers;
  officerP = (await buildUser(t.ctx, p.id, "officer")).headers;
  officerA = (await buildUser(t.ctx, a.id, "officer")).headers;
  officerB = (await buildUser(t.ctx, b.id, "officer")).headers;
  kl = await createDoc(t, admin, { orgCode: bbt.code, number: "226-KL/TW", type: "KL", issuedOn: "2025-12-11", subject: "Chấn chỉnh lề lối làm việc" });
  await putText(t, admin, kl, kl226Text());
  planP = await createDoc(t, officerP, { orgCode: p.code, number: "498/KH-UBND", type: "KH", issuedOn: "2026-04-24" });
  await putText(t, officerP, planP, seedText("002"));
  planA = await createDoc(t, officerA, { orgCode: a.code, number: "153a/KH-UBND", type: "KH", issuedOn: "2026-05-13" });
}, 180_000);

afterAll(async () => t.close());

describe("copy check against the upper levels", () => {
  it("finds the passages a commune plan shares with its province's plan and with KL 226, offsets in both texts", async () => {
    const res = await putText(t, officerA, planA, seedText("004"));
    expect(res.copyCheck?.copiedShare).toBeGreaterThan(0.3);
    expect(res.copyCheck).toMatchObject({ overThreshold: true, thresholdPercent: 30, sourcesCompared: 2 });
    const view = await copyOf(t, officerA, planA);
    expect(view.document.text).toBe(seedText("004"));
    const sources = new Set(view.passages.map((p) => p.sourceDocumentId));
    expect(sources.has(planP)).toBe(true);
    expect([...sources].every((s) => s === planP || s === kl)).toBe(true);
    expect(view.sources.find((s) => s.id === planP)).toMatchObject({ number: "498/KH-UBND", orgCode: ids.p.code, text: seedText("002") });
    // the two ends of the passages read alike (matching view: OCR classes, no spaces; 5-grams, as
    // the OCR'd source is noisy): each clearly above unrelated text, all together mostly shared
    let sharedAll = 0;
    let gramsAll = 0;
    for (const p of view.passages) {
      const src = view.sources.find((s) => s.id === p.sourceDocumentId)!.text!;
      const mine = looseKey(view.document.text.slice(p.start, p.end));
      const theirs = looseKey(src.slice(p.sourceStart, p.sourceEnd));
      const grams = new Set<string>();
      for (let i = 0; i + 5 <= theirs.length; i++) grams.add(theirs.slice(i, i + 5));
      let shared = 0;
      for (let i = 0; i + 5 <= mine.length; i++) if (grams.has(mine.slice(i, i + 5))) shared++;
      expect(shared / Math.max(1, mine.length - 4), `passage ${p.start}-${p.end}`).toBeGreaterThan(0.25);
      sharedAll += shared;
      gramsAll += Math.max(1, mine.length - 4);
    }
    expect(sharedAll / gramsAll).toBeGreaterThan(0.6);
  });

  it("never compares with a sibling unit, the unit itself, or a document issued later", async () => {
    const copyInB = await createDoc(t, officerB, { orgCode: ids.b.code, number: "77/KH-UBND", type: "KH", issuedOn: "2026-05-20" });
    const res = await putText(t, officerB, copyInB, seedText("004"));
    const view = await copyOf(t, officerB, copyInB);
    expect(view.passages.some((p) => p.sourceDocumentId === planA)).toBe(false);
    expect(res.copyCheck?.sourcesCompared).toBe(2);
    const ownAgain = await createDoc(t, officerA, { orgCode: ids.a.code, number: "154/KH-UBND", type: "KH", issuedOn: "2026-05-30" });
    const own = await putText(t, officerA, ownAgain, seedText("004"));
    expect((await copyOf(t, officerA, ownAgain)).passages.some((p) => p.sourceDocumentId === planA)).toBe(false);
    expect(own.copyCheck?.copiedShare).toBe(res.copyCheck?.copiedShare);
    const early = await createDoc(t, officerA, { orgCode: ids.a.code, number: "1/KH-UBND", type: "KH", issuedOn: "2026-01-05" });
    await putText(t, officerA, early, seedText("004"));
    const earlyView = await copyOf(t, officerA, early);
    expect(earlyView.passages.every((p) => p.sourceDocumentId === kl)).toBe(true);
    expect(earlyView.copyCheck.sourcesCompared).toBe(1);
  });

  it("leaves a secret upper document out, and the documents that took passages from it are checked again", async () => {
    const before = (await shareOf(planA))!;
    const patch = await t.app.inject({ method: "PATCH", url: `/api/documents/${planP}`, headers: officerP, payload: { secret: true } });
    expect(patch.statusCode, patch.body).toBe(200);
    const after = (await shareOf(planA))!;
    expect(after).toBeLessThan(before);
    expect((await copyOf(t, officerA, planA)).passages.every((p) => p.sourceDocumentId === kl)).toBe(true);
    await t.app.inject({ method: "PATCH", url: `/api/documents/${planP}`, headers: officerP, payload: { secret: false } });
    const again = await t.app.inject({ method: "POST", url: `/api/documents/${planA}/text/check`, headers: officerA });
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as { copyCheck: { copiedShare: number } }).copyCheck.copiedShare).toBe(before);
  });

  it("checks again the documents below that may have copied a text registered after them", async () => {
    const p2 = await buildOrg(t.ctx, { parentId: ids.vn, level: "province" });
    const c2 = await buildOrg(t.ctx, { parentId: p2.id, level: "commune" });
    const officerC2 = (await buildUser(t.ctx, c2.id, "officer")).headers;
    const officerP2 = (await buildUser(t.ctx, p2.id, "officer")).headers;
    const commune = await createDoc(t, officerC2, { orgCode: c2.code, number: "153a/KH-UBND", type: "KH", issuedOn: "2026-05-13" });
    const first = await putText(t, officerC2, commune, seedText("004"));
    expect(first.copyCheck!.copiedShare).toBeLessThan(0.1);
    const upper = await createDoc(t, officerP2, { orgCode: p2.code, number: "498/KH-UBND", type: "KH", issuedOn: "2026-04-24" });
    const registered = await putText(t, officerP2, upper, seedText("002"));
    expect(registered.rechecked).toBeGreaterThanOrEqual(1);
    expect(await shareOf(commune)).toBeGreaterThan(0.3);
    // its text removed: the commune's check falls back
    expect((await t.app.inject({ method: "DELETE", url: `/api/documents/${upper}/text`, headers: officerP2 })).statusCode).toBe(204);
    expect(await shareOf(commune)).toBe(first.copyCheck!.copiedShare);
  });

  it("keeps a second process's index in step with writes made by the first (revision count and sum)", async () => {
    // another server process on the same database: its own handle object, hence its own index
    const second: AppContext = { handle: { ...t.ctx.handle }, orgs: new OrgDirectory(t.ctx.handle.db), now: t.ctx.now };
    const doc = { id: -1, orgId: ids.a.id, issuedOn: "2026-12-31" };
    const sourcesOf = async () => new Set((await checkDocumentCopy(second, doc, seedText("004"))).passages.map((p) => p.sourceDocumentId));
    expect(await sourcesOf()).toContain(planP);
    const p3 = await createDoc(t, officerP, { orgCode: ids.p.code, number: "499/KH-UBND", type: "KH", issuedOn: "2026-04-25" });
    await putText(t, officerP, p3, seedText("002"));
    expect((await checkDocumentCopy(second, doc, seedText("004"))).sourcesCompared).toBe(3);
    // a removal by the first process
    await t.app.inject({ method: "DELETE", url: `/api/documents/${p3}/text`, headers: officerP });
    expect((await checkDocumentCopy(second, doc, seedText("004"))).sourcesCompared).toBe(2);
    // a move of the source out of the ancestors (date change bumps its revision too)
    await t.app.inject({ method: "PATCH", url: `/api/documents/${planP}`, headers: admin, payload: { orgCode: ids.b.code } });
    expect(await sourcesOf()).not.toContain(planP);
    expect((await checkDocumentCopy(second, doc, seedText("004"))).sourcesCompared).toBe(1);
    await t.app.inject({ method: "PATCH", url: `/api/documents/${planP}`, headers: admin, payload: { orgCode: ids.p.code } });
    expect(await sourcesOf()).toContain(planP);
  });
});

describe("register, settings and D5", () => {
  it("lists the copied share and filters copied > threshold (the unit's setting, or a given percent)", async () => {
    await t.app.inject({ method: "POST", url: `/api/documents/${planA}/text/check`, headers: officerA });
    const share = (await shareOf(planA))!;
    expect(share).toBeGreaterThan(0.3);
    const list = async (query: string) => {
      const res = await t.app.inject({ method: "GET", url: `/api/documents?${query}`, headers: officerP });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Array<{ id: number; copiedShare: number | null; hasText: boolean }>; total: number; copyThresholdPercent: number };
    };
    const all = await list(`org=${ids.p.code}&subtree=1`);
    expect(all.copyThresholdPercent).toBe(30);
    expect(all.items.find((d) => d.id === planA)).toMatchObject({ copiedShare: share, hasText: true });
    const over = await list(`org=${ids.p.code}&subtree=1&copiedOver=1`);
    expect(over.items.map((d) => d.id)).toContain(planA);
    expect(over.items.every((d) => (d.copiedShare ?? 0) * 100 > 30)).toBe(true);
    expect(over.total).toBe(over.items.length);

    const put = await t.app.inject({ method: "PUT", url: `/api/settings?org=${ids.p.code}`, headers: admin, payload: { copyThresholdPercent: Math.ceil(share * 100) + 1 } });
    expect(put.statusCode, put.body).toBe(200);
    const stricter = await list(`org=${ids.p.code}&subtree=1&copiedOver=1`);
    expect(stricter.copyThresholdPercent).toBe(Math.ceil(share * 100) + 1);
    expect(stricter.items.map((d) => d.id)).not.toContain(planA);
    expect((await list(`org=${ids.p.code}&subtree=1&copiedAbove=5`)).items.map((d) => d.id)).toContain(planA);
    expect((await t.app.inject({ method: "GET", url: `/api/documents?copiedAbove=120`, headers: officerP })).statusCode).toBe(400);
    await t.app.inject({ method: "PUT", url: `/api/settings?org=${ids.p.code}`, headers: admin, payload: {} });
  });

  it("adds D5 to the indicator sheet: documents of P over the threshold, null when no text of P was checked", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/indicators?org=${ids.a.code}&period=2026`, headers: officerA });
    expect(res.statusCode, res.body).toBe(200);
    const d5 = (res.json() as { indicators: Record<string, Record<string, unknown>> }).indicators.D5!;
    expect(d5).toMatchObject({ target: 0, met: false, thresholdPercent: 30, source: "KL 226 §2.1" });
    expect(d5.violations).toContain(String(planA));
    expect(d5.value).toBe((d5.violations as string[]).length);
    expect(d5.checked).toBeGreaterThanOrEqual(d5.value as number);
    const quarter = await computeTextIndicators(t.ctx, { orgIds: [ids.a.id], period: parsePeriod("2026Q3"), threshold: 30 });
    expect(quarter.D5).toMatchObject({ value: null, met: null, checked: 0, violations: [] });
    const loose = await computeTextIndicators(t.ctx, { orgIds: [ids.a.id], period: parsePeriod("2026Q2"), threshold: 90 });
    expect(loose.D5).toMatchObject({ value: 0, met: true });
  });
});
