// The planning checks of a conference (issue 7): M6 repeats, M8 invitations, M9 clashes and the
// papers sent ahead — on the dry-run check, on create/update, and counted for the sheet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod } from "../../server/src/domain/period.js";
import { KL226_DEFAULTS } from "../../server/src/domain/settings.js";
import { computeMeetingPlanningIndicators } from "../../server/src/meetings/meeting-planning.indicators.js";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";

type FindingRecord = { kind: string; id?: number; code?: string; orgCode?: string; title?: string };
type Finding = { rule: string; severity: string; field: string; limit: number; actual: number; message: string; source: string; records?: FindingRecord[] };
type Meeting = {
  id: number; orgCode: string; title: string; chairs: string[]; invitedBlocs: string[]; invitedOrgCodes: string[]; invitationReason: string | null;
  relatedMeetingId: number | null; relatedDocument: string | null; repeatReason: string | null; agenda: string | null; papersSentAt: string | null;
  plannedId: number | null; findings?: Finding[];
};
type Headers = Record<string, string>;
type Org = { id: number; code: string; name: string };

const KL226_UPPER = "Hội nghị trực tuyến quán triệt, triển khai Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về việc chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị";
const KL226_LOWER = "Hội nghị quán triệt Kết luận của Ban Bí thư về chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị";

let t: TestApp;
let province: Org;
let department: Org;
let communeA: Org;
let officeA: Org;
let communeB: Org;
let otherProvince: Org;
let otherCommune: Org;
let provinceOfficer: { headers: Headers };
let officerA: { headers: Headers };
let officerB: { headers: Headers };
let upperId: number;

beforeAll(async () => {
  // now = 15/06/2026 10:00 (test-app.ts)
  t = await startTestApp();
  province = await buildOrg(t.ctx, { level: "province", name: "UBND tỉnh" });
  department = await buildOrg(t.ctx, { parentId: province.id, level: "department", name: "Sở Nội vụ" });
  communeA = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "UBND xã A" });
  officeA = await buildOrg(t.ctx, { parentId: communeA.id, level: "office", name: "Văn phòng xã A" });
  communeB = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "UBND xã B" });
  otherProvince = await buildOrg(t.ctx, { level: "province", name: "UBND tỉnh khác" });
  otherCommune = await buildOrg(t.ctx, { parentId: otherProvince.id, level: "commune", name: "UBND xã khác" });
  provinceOfficer = await buildUser(t.ctx, province.id, "officer");
  officerA = await buildUser(t.ctx, communeA.id, "officer");
  officerB = await buildUser(t.ctx, communeB.id, "officer");
  const upper = await post(provinceOfficer.headers, {
    orgCode: province.code, title: KL226_UPPER, category: "quan_triet", scope: "toan_tinh", format: "truc_tuyen",
    start: "10/05/2026 08:00", end: "10/05/2026 11:00", chairs: ["Chủ tịch UBND tỉnh"], papersSentAt: "01/05/2026 08:00",
  });
  expect(upper.statusCode, upper.body).toBe(201);
  upperId = (upper.json() as Meeting).id;
}, 60_000);

afterAll(async () => {
  await t.close();
});

let seq = 0;
function body(orgCode: string, overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    orgCode, title: `Hội nghị chuyên đề ${seq}`, category: "chuyen_mon", scope: "noi_bo", format: "truc_tuyen",
    start: `${String(seq).padStart(2, "0")}/08/2026 08:00`, end: `${String(seq).padStart(2, "0")}/08/2026 11:00`,
    chairs: [`Lãnh đạo số ${seq}`], invitedBlocs: ["state"], ...overrides,
  };
}

const post = (headers: Headers, payload: Record<string, unknown>, url = "/api/meetings") => t.app.inject({ method: "POST", url, headers, payload });
const patch = (headers: Headers, id: number, payload: Record<string, unknown>) => t.app.inject({ method: "PATCH", url: `/api/meetings/${id}`, headers, payload });
const rulesOf = (findings: Finding[] = []) => findings.map((f) => `${f.rule}:${f.field}`).sort();

describe("planning fields on the conference API", () => {
  it("saves the fields, answers invited units by code, and audits them", async () => {
    const res = await post(officerA.headers, body(communeA.code, {
      chairs: [" Nguyễn Văn An ", ""], invitedOrgCodes: [officeA.code, officeA.code], agenda: "1. Khai mạc\n2. Quán triệt", relatedDocument: "226-KL/TW",
      papersSentAt: "20/07/2026 08:00",
    }));
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as Meeting;
    expect(m).toMatchObject({
      chairs: ["Nguyễn Văn An"], invitedBlocs: ["state"], invitedOrgCodes: [officeA.code], agenda: "1. Khai mạc\n2. Quán triệt",
      relatedDocument: "226-KL/TW", papersSentAt: "2026-07-20T01:00:00.000Z", invitationReason: null, repeatReason: null, plannedId: null,
    });
    expect(m.findings).toEqual([]);
    const got = await t.app.inject({ method: "GET", url: `/api/meetings/${m.id}`, headers: officerA.headers });
    // the record as stored, with the findings of the form's check (the same as on create)
    expect(got.json()).toEqual(m);
    const audit = await t.ctx.handle.db.selectFrom("audit_log").select("after").where("entity", "=", "meetings").where("entity_id", "=", String(m.id)).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain(officeA.code);
  });

  it("check (dry run) shows M8 flags, the no-chair note, papers and saves nothing", async () => {
    const before = await t.ctx.handle.db.selectFrom("meetings").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const res = await post(officerA.headers, body(communeA.code, {
      chairs: ["Nguyễn Văn An", "Trần Thị Bình"], invitedBlocs: ["state", "party"], invitedOrgCodes: [department.code, officeA.code],
      start: "16/06/2026 08:00", end: "16/06/2026 11:00",
    }), "/api/meetings/check");
    expect(res.statusCode, res.body).toBe(200);
    const { findings } = res.json() as { findings: Finding[] };
    expect(rulesOf(findings)).toEqual(["M8:chairs", "M8:invitedBlocs", "M8:invitedOrgCodes", "PAPERS:papersSentAt"]);
    const units = findings.find((f) => f.field === "invitedOrgCodes");
    expect(units?.records).toEqual([{ kind: "org", code: department.code, name: "Sở Nội vụ" }]);
    expect(units?.message).toContain("ngoài phạm vi quản lý");
    expect(findings.find((f) => f.rule === "PAPERS")?.message).toContain("Chưa gửi chương trình, tài liệu");
    const after = await t.ctx.handle.db.selectFrom("meetings").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const reasoned = await post(officerA.headers, body(communeA.code, {
      chairs: [], invitedBlocs: ["party"], invitedOrgCodes: [department.code], invitationReason: "Hội nghị liên tịch", papersSentAt: "25/07/2026 08:00",
    }), "/api/meetings/check");
    const r = (reasoned.json() as { findings: Finding[] }).findings;
    expect(r.map((f) => `${f.rule}:${f.severity}:${f.field}`)).toEqual(["M8:info:chairs"]);
  });

  it("M6: a commune's dissemination of what the province held online down to it is flagged, unless a reason is given", async () => {
    const draft = body(communeA.code, { title: KL226_LOWER, category: "quan_triet", start: "20/06/2026 08:00", end: "20/06/2026 11:00", papersSentAt: "10/06/2026 08:00" });
    const res = await post(officerA.headers, draft, "/api/meetings/check");
    const { findings } = res.json() as { findings: Finding[] };
    expect(rulesOf(findings)).toEqual(["M6:repeatReason"]);
    expect(findings[0]?.records?.[0]).toMatchObject({ kind: "meeting", id: upperId, orgCode: province.code, title: KL226_UPPER });
    expect(findings[0]?.message).toContain("UBND tỉnh đã tổ chức hội nghị trực tuyến");
    expect(findings[0]?.message).toContain("ngày 10/05/2026");
    const saved = await post(officerA.headers, { ...draft, repeatReason: "Bổ sung nhiệm vụ riêng của xã" });
    expect(saved.statusCode, saved.body).toBe(201);
    expect((saved.json() as Meeting).findings).toEqual([]);
    // another subject: not flagged; the province's own dissemination is no repeat of itself
    const other = await post(officerA.headers, { ...draft, title: "Hội nghị quán triệt công tác chuyển đổi số năm 2026" }, "/api/meetings/check");
    // (the saved one now clashes with the draft: same unit, same time — M9, tested below)
    expect(rulesOf((other.json() as { findings: Finding[] }).findings)).toEqual(["M9:chairs"]);
    // linked by the user to the upper conference: flagged whatever the title
    const linked = await post(officerA.headers, { ...draft, title: "Hội nghị quán triệt công tác chuyển đổi số năm 2026", relatedMeetingId: upperId }, "/api/meetings/check");
    expect(rulesOf((linked.json() as { findings: Finding[] }).findings)).toEqual(["M6:repeatReason", "M9:chairs"]);
  });

  it("M9: the same chair (written differently) or the same invited unit at the same time is a clash", async () => {
    const first = await post(officerA.headers, body(communeA.code, {
      title: "Hội nghị giao ban tháng 9", chairs: ["Đ/c Lê Văn Cường"], invitedOrgCodes: [officeA.code], start: "10/09/2026 08:00", end: "10/09/2026 11:00", papersSentAt: "01/09/2026 08:00",
    }));
    expect(first.statusCode, first.body).toBe(201);
    const firstId = (first.json() as Meeting).id;
    // communeB cannot see communeA's records, but a clash on its own chair is still shown
    const sameChair = await post(officerB.headers, body(communeB.code, { chairs: ["lê văn cường"], start: "10/09/2026 10:00", end: "10/09/2026 11:30", papersSentAt: "01/09/2026 08:00" }), "/api/meetings/check");
    const f = (sameChair.json() as { findings: Finding[] }).findings;
    expect(rulesOf(f)).toEqual(["M9:chairs"]);
    expect(f[0]?.records?.[0]).toMatchObject({ kind: "meeting", id: firstId });
    expect(f[0]?.message).toContain("đồng chí lê văn cường chủ trì cả hai");
    // the office hosts its own conference while invited to communeA's
    const officeUser = await buildUser(t.ctx, officeA.id, "officer");
    const sameUnit = await post(officeUser.headers, body(officeA.code, { start: "10/09/2026 09:00", end: "10/09/2026 10:00", papersSentAt: "01/09/2026 08:00" }));
    expect(sameUnit.statusCode, sameUnit.body).toBe(201);
    const u = (sameUnit.json() as Meeting).findings ?? [];
    expect(rulesOf(u)).toEqual(["M9:start"]);
    expect(u[0]?.records).toEqual([expect.objectContaining({ kind: "meeting", id: firstId }), { kind: "org", code: officeA.code, name: "Văn phòng xã A" }]);
    // after: no overlap, no clash; editing the first does not clash with itself
    const later = await post(officerB.headers, body(communeB.code, { chairs: ["Lê Văn Cường"], start: "10/09/2026 11:00", end: "10/09/2026 12:00", papersSentAt: "01/09/2026 08:00" }), "/api/meetings/check");
    expect(rulesOf((later.json() as { findings: Finding[] }).findings)).toEqual([]);
    const edit = await patch(officerA.headers, firstId, { agenda: "Giao ban" });
    expect(rulesOf((edit.json() as Meeting).findings)).toEqual(["M9:start"]);
  });

  it("refuses units of another province, a related conference that is not an upper one, and another unit's planned item", async () => {
    const foreign = await post(officerA.headers, body(communeA.code, { invitedOrgCodes: [otherCommune.code, "KHONG_CO"] }));
    expect(foreign.statusCode).toBe(400);
    expect((foreign.json() as { message: string }).message).toBe(`invitedOrgCodes: không có đơn vị mã ${otherCommune.code}, KHONG_CO trong tỉnh của đơn vị chủ trì`);
    const own = (await post(officerB.headers, body(communeB.code))).json() as Meeting;
    const notUpper = await post(officerA.headers, body(communeA.code, { relatedMeetingId: own.id }), "/api/meetings/check");
    expect(notUpper.statusCode).toBe(400);
    expect((notUpper.json() as { message: string }).message).toContain("relatedMeetingId:");
    const db = t.ctx.handle.db;
    const planOf = async (orgId: number) => {
      const plan = await db.insertInto("conference_plans").values({ org_id: orgId, year: 2026 }).returning("id").executeTakeFirstOrThrow();
      return db.insertInto("planned_conferences").values({ plan_id: plan.id, title: "Hội nghị sơ kết", category: "quan_trong", scope: "noi_bo", format: "truc_tuyen", planned_month: 8 })
        .returning("id").executeTakeFirstOrThrow();
    };
    const itemB = await planOf(communeB.id);
    const itemA = await planOf(communeA.id);
    const wrong = await post(officerA.headers, body(communeA.code, { plannedId: itemB.id }));
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as { message: string }).message).toContain("plannedId:");
    const right = await post(officerA.headers, body(communeA.code, { plannedId: itemA.id }));
    expect(right.statusCode, right.body).toBe(201);
    expect((right.json() as Meeting).plannedId).toBe(itemA.id);
    // moving it to another unit re-checks the planned item it keeps
    const moved = await patch(provinceOfficer.headers, (right.json() as Meeting).id, { orgCode: communeB.code });
    expect(moved.statusCode).toBe(400);
    expect((moved.json() as { message: string }).message).toContain("plannedId:");
    const badTime = await post(officerA.headers, body(communeA.code, { papersSentAt: "31/02/2026 08:00" }));
    expect(badTime.statusCode).toBe(400);
    expect((badTime.json() as { message: string }).message).toContain("papersSentAt:");
  });

  it("PATCH changes only the planning fields sent; a reason clears the flag", async () => {
    const m = (await post(officerA.headers, body(communeA.code, { chairs: ["A", "B"], papersSentAt: "01/07/2026 08:00" }))).json() as Meeting;
    expect(rulesOf(m.findings)).toEqual(["M8:chairs"]);
    const res = await patch(officerA.headers, m.id, { invitationReason: "Hội nghị liên tịch" });
    expect(res.statusCode, res.body).toBe(200);
    const u = res.json() as Meeting;
    expect(u).toMatchObject({ chairs: ["A", "B"], invitationReason: "Hội nghị liên tịch", papersSentAt: "2026-07-01T01:00:00.000Z", findings: [] });
    const cleared = (await patch(officerA.headers, m.id, { papersSentAt: null, chairs: ["A"] })).json() as Meeting;
    expect(cleared).toMatchObject({ papersSentAt: null, chairs: ["A"], invitationReason: "Hội nghị liên tịch" });
  });
});

describe("the form's pickers", () => {
  const get = (headers: Headers | undefined, url: string) => t.app.inject({ method: "GET", url, ...(headers ? { headers } : {}) });

  it("answers 401 without a session and 403 for a unit the user may not write", async () => {
    expect((await get(undefined, `/api/meetings/invitable-units?org=${communeA.code}`)).statusCode).toBe(401);
    expect((await get(undefined, `/api/meetings/upper?org=${communeA.code}`)).statusCode).toBe(401);
    expect((await get(officerB.headers, `/api/meetings/invitable-units?org=${communeA.code}`)).statusCode).toBe(403);
    expect((await get(officerB.headers, `/api/meetings/upper?org=${communeA.code}`)).statusCode).toBe(403);
    const viewer = await buildUser(t.ctx, communeA.id, "viewer");
    expect((await get(viewer.headers, `/api/meetings/invitable-units?org=${communeA.code}`)).statusCode).toBe(403);
  });

  it("lists the province's units to invite, the host's own first, never another province's", async () => {
    const res = await get(officerA.headers, `/api/meetings/invitable-units?org=${communeA.code}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Array<{ code: string; withinHostScope: boolean }> }).items;
    expect(items[0]).toMatchObject({ code: officeA.code, withinHostScope: true });
    expect(items.map((i) => i.code).sort()).toEqual([province.code, department.code, officeA.code, communeB.code].sort());
    expect(items.find((i) => i.code === department.code)?.withinHostScope).toBe(false);
  });

  it("lists the upper online conferences before a time, filtered by folded title", async () => {
    const res = await get(officerA.headers, `/api/meetings/upper?org=${communeA.code}&q=${encodeURIComponent("ket luan so 226")}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: unknown[] }).items).toEqual([
      { id: upperId, orgCode: province.code, orgName: "UBND tỉnh", title: KL226_UPPER, start: "2026-05-10T01:00:00.000Z", format: "truc_tuyen", reachedThisLevel: true },
    ]);
    const earlier = await get(officerA.headers, `/api/meetings/upper?org=${communeA.code}&before=2026-05-01T00:00:00Z`);
    expect((earlier.json() as { items: unknown[] }).items).toEqual([]);
    // the province has no upper level
    const top = await get(provinceOfficer.headers, `/api/meetings/upper?org=${province.code}`);
    expect((top.json() as { items: unknown[] }).items).toEqual([]);
  });
});

describe("computeMeetingPlanningIndicators — M6, M8, M9 for the sheet", () => {
  it("counts the province's conferences of the year carrying each flag, with their ids", async () => {
    const flagged = await post(officerB.headers, body(communeB.code, { invitedBlocs: ["front"], papersSentAt: "01/07/2026 08:00" }));
    expect(rulesOf((flagged.json() as Meeting).findings)).toEqual(["M8:invitedBlocs"]);
    const r = await computeMeetingPlanningIndicators(t.ctx, { orgIds: t.ctx.orgs.subtreeIds(province.id), period: parsePeriod("2026"), settings: KL226_DEFAULTS });
    // compare with what the form's checks say of every stored conference of the province
    const rows = await t.ctx.handle.db.selectFrom("meetings").select(["id", "org_id"]).where("org_id", "in", t.ctx.orgs.subtreeIds(province.id)).execute();
    const expected: Record<"M6" | "M8" | "M9", number[]> = { M6: [], M8: [], M9: [] };
    for (const row of rows) {
      const res = await t.app.inject({ method: "GET", url: `/api/meetings/${row.id}`, headers: provinceOfficer.headers });
      const m = res.json() as Meeting & Record<string, unknown>;
      const { id, createdAt: _c, updatedAt: _u, sessions: _s, ...fields } = m;
      const check = await post(provinceOfficer.headers, { ...fields, id }, "/api/meetings/check");
      expect(check.statusCode, check.body).toBe(200);
      const findings = (check.json() as { findings: Finding[] }).findings.filter((f) => f.severity === "warning");
      for (const rule of ["M6", "M8", "M9"] as const) if (findings.some((f) => f.rule === rule)) expected[rule].push(Number(id));
    }
    for (const rule of ["M6", "M8", "M9"] as const) {
      const ids = expected[rule].sort((a, b) => a - b);
      expect(r[rule], rule).toMatchObject({ value: ids.length, violationCount: ids.length, violations: ids.map(String), target: 0, met: ids.length === 0 });
    }
    expect(r.M9.value).toBeGreaterThanOrEqual(2);
    expect(r.M8.value).toBeGreaterThanOrEqual(1);
    expect(r.M9.source).toBe("KL 226 §2.2; KH 153a/KH-UBND §4.a");
  });

  it("sees an M6 repeat and a folded-chair clash written straight to the table, and nothing outside the period", async () => {
    const db = t.ctx.handle.db;
    const row = (orgId: number, title: string, start: string, extra: Record<string, unknown> = {}) => ({
      org_id: orgId, title, category: "quan_triet" as const, scope: "noi_bo" as const, format: "truc_tiep" as const,
      start_at: new Date(`${start}:00+07:00`), end_at: new Date(new Date(`${start}:00+07:00`).getTime() + 3 * 3_600_000), sessions: 1, ...extra,
    });
    const [repeat, c1, c2] = await db.insertInto("meetings").values([
      row(communeB.id, KL226_LOWER, "2026-11-02T08:00"),
      row(communeB.id, "Họp bàn 1", "2026-11-03T08:00", { category: "chuyen_mon", chairs: ["ĐỒNG CHÍ  Phạm   Thị Dung"] }),
      row(department.id, "Họp bàn 2", "2026-11-03T10:00", { category: "chuyen_mon", chairs: ["Phạm Thị Dung"] }),
    ]).returning("id").execute();
    const q4 = await computeMeetingPlanningIndicators(t.ctx, { orgIds: t.ctx.orgs.subtreeIds(province.id), period: parsePeriod("2026Q4"), settings: KL226_DEFAULTS });
    expect(q4.M6.violations).toEqual([String(repeat?.id)]);
    expect(q4.M9.violations).toEqual([String(c1?.id), String(c2?.id)].sort());
    // communeB alone: its own two, the department's clash is outside its units
    const b = await computeMeetingPlanningIndicators(t.ctx, { orgIds: [communeB.id], period: parsePeriod("2026Q4"), settings: KL226_DEFAULTS });
    expect(b.M9.violations).toEqual([String(c1?.id)]);
    const q1 = await computeMeetingPlanningIndicators(t.ctx, { orgIds: [communeB.id], period: parsePeriod("2026Q1"), settings: KL226_DEFAULTS });
    expect([q1.M6.value, q1.M8.value, q1.M9.value]).toEqual([0, 0, 0]);
    // a wider window setting no longer reaches back to May for a shorter one
    const narrow = { ...KL226_DEFAULTS, conferencePlanning: { ...KL226_DEFAULTS.conferencePlanning, repeatWindowDays: 30 } };
    expect((await computeMeetingPlanningIndicators(t.ctx, { orgIds: [communeB.id], period: parsePeriod("2026Q4"), settings: narrow })).M6.value).toBe(0);
    await db.deleteFrom("meetings").where("id", "in", [repeat?.id ?? 0, c1?.id ?? 0, c2?.id ?? 0]).execute();
  });
});
