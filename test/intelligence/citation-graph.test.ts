// The citation graph (issue "Document intelligence" §7) on the seeds, registered under the units
// that issued them: KL 226 (Ban Bí thư) → QĐ 534 (Thủ tướng Chính phủ) → provincial plans
// (498/KH-UBND of Đồng Tháp, seed 002; 2347/QĐ-UBND of Thái Nguyên) → the commune plan
// 153a/KH-UBND of Cẩm Giàng (seed 004, a commune of Thái Nguyên). References resolve by number
// and issuer (the citing unit, its upper levels, or the unit named as issuer), by date when the
// citation gives one; a document registered after the texts citing it is found by them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { createDoc, kl226Text, putText, seedText, type Headers } from "./text-setup.js";

type GraphDoc = { id: number; number: string; readable: boolean };
type Citations = { implements: Array<{ number: string; document: GraphDoc | null }>; implementedBy: GraphDoc[]; implementedByHidden: number };

/**
 * QĐ 534/QĐ-TTg is not among the seeds: this stand-in holds only its header and the sentence
 * that names what it implements (the real decision's wording), so that its own reference exists.
 */
const QD534_STAND_IN = `THỦ TƯỚNG CHÍNH PHỦ

Số: 534/QĐ-TTg

Hà Nội, ngày 31 tháng 3 năm 2026

QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về việc chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư.
`;

let t: TestApp;
let admin: Headers;
let communeOfficer: Headers;
let dongThapOfficer: Headers;
let secretariatOfficer: Headers;
const doc: Record<string, number> = {};

async function citations(headers: Headers, id: number): Promise<Citations> {
  const res = await t.app.inject({ method: "GET", url: `/api/documents/${id}/citations`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Citations;
}

const resolved = (c: Citations, number: string): number | null => c.implements.find((r) => r.number === number)?.document?.id ?? null;

beforeAll(async () => {
  t = await startTestApp();
  const vn = await buildOrg(t.ctx, { code: "VN", name: "Việt Nam", level: "central" });
  const bbt = await buildOrg(t.ctx, { name: "Ban Bí thư", parentId: vn.id, level: "central", bloc: "party" });
  const ttg = await buildOrg(t.ctx, { name: "Thủ tướng Chính phủ", parentId: vn.id, level: "central" });
  const thaiNguyen = await buildOrg(t.ctx, { name: "Ủy ban nhân dân tỉnh Thái Nguyên", parentId: vn.id, level: "province" });
  const camGiang = await buildOrg(t.ctx, { name: "Ủy ban nhân dân xã Cẩm Giàng", parentId: thaiNguyen.id, level: "commune" });
  const dongThap = await buildOrg(t.ctx, { name: "Ủy ban nhân dân tỉnh Đồng Tháp", parentId: vn.id, level: "province" });
  const tuyenQuang = await buildOrg(t.ctx, { name: "Tỉnh ủy Tuyên Quang", parentId: vn.id, level: "province", bloc: "party" });
  const dienBien = await buildOrg(t.ctx, { name: "Tỉnh ủy Điện Biên", parentId: vn.id, level: "province", bloc: "party" });
  admin = (await buildUser(t.ctx, vn.id, "admin")).headers;
  communeOfficer = (await buildUser(t.ctx, camGiang.id, "officer")).headers;
  dongThapOfficer = (await buildUser(t.ctx, dongThap.id, "officer")).headers;
  secretariatOfficer = (await buildUser(t.ctx, bbt.id, "officer")).headers;

  // the commune plan first: its references must resolve to documents registered after it
  doc.p004 = await createDoc(t, admin, { orgCode: camGiang.code, number: "153a/KH-UBND", type: "KH", issuedOn: "2026-05-13" });
  await putText(t, admin, doc.p004, seedText("004"));
  doc.kl226 = await createDoc(t, admin, { orgCode: bbt.code, number: "226-KL/TW", type: "KL", issuedOn: "2025-12-11" });
  await putText(t, admin, doc.kl226, kl226Text());
  doc.qd534 = await createDoc(t, admin, { orgCode: ttg.code, number: "534/QĐ-TTg", type: "QĐ", issuedOn: "2026-03-31" });
  await putText(t, admin, doc.qd534, QD534_STAND_IN);
  doc.qd2347 = await createDoc(t, admin, { orgCode: thaiNguyen.code, number: "2347/QĐ-UBND", type: "QĐ", issuedOn: "2025-12-17" });
  doc.kh181 = await createDoc(t, admin, { orgCode: camGiang.code, number: "181/KH-UBND", type: "KH", issuedOn: "2026-04-29" });
  // the same number a year earlier in the commune: a citation dated 29/4/2026 is not it
  doc.kh181old = await createDoc(t, admin, { orgCode: camGiang.code, number: "181/KH-UBND", type: "KH", issuedOn: "2025-04-29" });
  doc.p000 = await createDoc(t, admin, { orgCode: thaiNguyen.code, number: "426/UBND-NC", type: "CV", issuedOn: "2026-01-14" });
  await putText(t, admin, doc.p000, seedText("000"));
  doc.p002 = await createDoc(t, admin, { orgCode: dongThap.code, number: "498/KH-UBND", type: "KH", issuedOn: "2026-04-24" });
  await putText(t, admin, doc.p002, seedText("002"));
  doc.p001 = await createDoc(t, admin, { orgCode: tuyenQuang.code, number: "63-KH/TU", type: "KH", issuedOn: "2026-01-16" });
  await putText(t, admin, doc.p001, seedText("001"));
  doc.p003 = await createDoc(t, admin, { orgCode: dienBien.code, number: "237-CV/TU", type: "CV", issuedOn: "2025-12-15" });
  await putText(t, admin, doc.p003, seedText("003").slice(0, seedText("003").length - kl226Text().length));
}, 180_000);

afterAll(async () => t.close());

describe("citation graph of the seeds", () => {
  it("resolves the commune plan's references to the chain above it, by number, issuer and date", async () => {
    const c = await citations(admin, doc.p004!);
    expect(resolved(c, "534/QĐ-TTg")).toBe(doc.qd534);
    expect(resolved(c, "226-KL/TW")).toBe(doc.kl226);
    expect(resolved(c, "2347/QĐ-UBND")).toBe(doc.qd2347);
    expect(resolved(c, "181/KH-UBND")).toBe(doc.kh181);
    expect(resolved(c, "76/NQ-CP")).toBeNull(); // not registered
  });

  it("walks KL 226 → QĐ 534 → provincial plans → the commune plan", async () => {
    const qd = await citations(admin, doc.qd534!);
    expect(resolved(qd, "226-KL/TW")).toBe(doc.kl226);
    expect(qd.implementedBy.map((d) => d.id).sort()).toEqual([doc.p002, doc.p004].sort());

    const kl = await citations(admin, doc.kl226!);
    expect(kl.implements).toEqual(expect.arrayContaining([expect.objectContaining({ number: "151-TTr/VPTW", document: null })]));
    expect(kl.implementedBy.map((d) => d.id).sort()).toEqual([doc.qd534, doc.p000, doc.p001, doc.p002, doc.p003, doc.p004].sort());

    const province = await citations(admin, doc.p002!);
    expect(resolved(province, "534/QĐ-TTg")).toBe(doc.qd534);
    expect(resolved(province, "226-KL/TW")).toBe(doc.kl226);

    const decision = await citations(admin, doc.qd2347!);
    expect(decision.implementedBy.map((d) => d.id)).toEqual([doc.p004]);
    expect((await citations(admin, doc.kh181old!)).implementedBy).toEqual([]);
  });

  it("shows a commune user what his plan implements (upper documents not openable) and hides what he may not read", async () => {
    const c = await citations(communeOfficer, doc.p004!);
    expect(c.implements.find((r) => r.number === "534/QĐ-TTg")?.document).toMatchObject({ id: doc.qd534, number: "534/QĐ-TTg", readable: false });
    expect(c.implements.find((r) => r.number === "181/KH-UBND")?.document).toMatchObject({ readable: true });
    expect((await t.app.inject({ method: "GET", url: `/api/documents/${doc.qd534}/citations`, headers: communeOfficer })).statusCode).toBe(403);
    // a province sees the plans below it only: QĐ 534 is read by the admin; Đồng Tháp reads its own plan's graph
    const own = await citations(dongThapOfficer, doc.p002!);
    expect(resolved(own, "534/QĐ-TTg")).toBe(doc.qd534);
    expect(own.implementedBy).toEqual([]);
    expect(own.implementedByHidden).toBe(0);
    // the Secretariat's clerk reads KL 226: the texts implementing it lie outside his subtree
    const secretariat = await citations(secretariatOfficer, doc.kl226!);
    expect(secretariat.implementedBy).toEqual([]);
    expect(secretariat.implementedByHidden).toBe(6);
  });
});
