import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";

type Finding = { rule: string; severity: string; field: string; limit: number; actual: number; message: string; source: string };
type Meeting = { id: number; orgCode: string; title: string; category: string; scope: string; format: string; start: string; end: string; sessions: number; openingMin: number | null; exceptionDecision: string | null; communeParticipants: boolean | null; findings?: Finding[] };
type Headers = Record<string, string>;
type Org = { id: number; code: string };

let t: TestApp;
let province: Org;
let communeA: Org;
let communeB: Org;
let officerA: { headers: Headers };
let officerB: { headers: Headers };
let viewerA: { headers: Headers };

beforeAll(async () => {
  t = await startTestApp();
  province = await buildOrg(t.ctx, { level: "province" });
  communeA = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
  communeB = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
  officerA = await buildUser(t.ctx, communeA.id, "officer");
  officerB = await buildUser(t.ctx, communeB.id, "officer");
  viewerA = await buildUser(t.ctx, communeA.id, "viewer");
}, 60_000);

afterAll(async () => {
  await t.close();
});

let seq = 0;
function body(orgCode: string, overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    orgCode, title: `Hội nghị thử ${seq}`, category: "chuyen_mon", scope: "noi_bo", format: "truc_tuyen",
    start: "02/03/2026 08:00", end: "02/03/2026 11:00", ...overrides,
  };
}

const post = (headers: Headers, payload: Record<string, unknown>, url = "/api/meetings") => t.app.inject({ method: "POST", url, headers, payload });
const patch = (headers: Headers, id: number, payload: Record<string, unknown>) => t.app.inject({ method: "PATCH", url: `/api/meetings/${id}`, headers, payload });

async function countIn(orgId: number): Promise<number> {
  const r = await t.ctx.handle.db.selectFrom("meetings").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", orgId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The M3/M4/M5 findings: this file tests those; the planning ones (M6, M8, M9, papers ahead)
 * are tested in meeting-planning.test.ts. */
const preventive = (findings: Finding[] = []) => findings.filter((f) => ["M3", "M4", "M5"].includes(f.rule));

const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown>;

describe("conference register API", () => {
  it("answers 401 without a session on every route", async () => {
    for (const [method, url] of [["GET", "/api/meetings"], ["GET", "/api/meetings/1"], ["POST", "/api/meetings"], ["POST", "/api/meetings/check"], ["PATCH", "/api/meetings/1"], ["DELETE", "/api/meetings/1"]] as const) {
      const res = await t.app.inject({ method, url, payload: method === "POST" || method === "PATCH" ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("creates a conference from local times, counts its sessions and audits it", async () => {
    const res = await post(officerA.headers, body(communeA.code, { category: "Chuyên môn", format: "ket_hop", openingMin: 5, communeParticipants: "có" }));
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as Meeting;
    expect(m).toMatchObject({
      orgCode: communeA.code, category: "chuyen_mon", format: "ket_hop", scope: "noi_bo",
      start: "2026-03-02T01:00:00.000Z", end: "2026-03-02T04:00:00.000Z", sessions: 1, openingMin: 5, communeParticipants: true,
    });
    expect(preventive(m.findings)).toEqual([]);
    const got = await t.app.inject({ method: "GET", url: `/api/meetings/${m.id}`, headers: viewerA.headers });
    expect(got.statusCode).toBe(200);
    // the record as stored, with the findings the form's check gives it (the same as on create)
    expect(got.json()).toEqual(m);
    const audit = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "meetings").where("entity_id", "=", String(m.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", org_id: communeA.id });
    expect(json(audit[0]?.after)).toMatchObject({ title: m.title, sessions: 1 });
  });

  it("saves a 2-session quán triệt conference with an M4 warning naming the rule, the limit and KL 226 §2.2", async () => {
    const res = await post(officerA.headers, body(communeA.code, { category: "quan_triet", start: "2026-03-03T08:00:00+07:00", end: "2026-03-03T16:30:00+07:00" }));
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as Meeting;
    expect(m.sessions).toBe(2);
    expect(preventive(m.findings)).toHaveLength(1);
    const f = preventive(m.findings)[0];
    expect(f).toMatchObject({ rule: "M4", severity: "warning", field: "end", limit: 1, actual: 2, source: "KL 226 §2.2" });
    expect(f?.message).toContain("Hội nghị quán triệt không quá 1/2 ngày");
    expect(f?.message).toContain("KL 226 §2.2");
    expect((await t.app.inject({ method: "GET", url: `/api/meetings/${m.id}`, headers: officerA.headers })).statusCode).toBe(200);
  });

  it("saves a conference with a 15-minute opening speech with an M5 warning", async () => {
    const res = await post(officerA.headers, body(communeA.code, { openingMin: 15 }));
    expect(res.statusCode, res.body).toBe(201);
    const findings = preventive((res.json() as Meeting).findings);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "M5", severity: "warning", field: "openingMin", limit: 10, actual: 15 });
    expect(findings[0]?.message).toContain("Phát biểu khai mạc không quá 10 phút");
    expect(findings[0]?.message).toContain("KL 226 §2.2");
  });

  it("refuses invalid fields with 400 naming each field", async () => {
    const bad = await post(officerA.headers, body(communeA.code, { category: "hop_mat", start: "32/13/2026 08:00", end: "" }));
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { message: string }).message).toContain("category:");
    const times = await post(officerA.headers, body(communeA.code, { start: "31/02/2026 08:00", end: "hôm nay" }));
    expect(times.statusCode).toBe(400);
    const msg = (times.json() as { message: string }).message;
    expect(msg).toContain("start:");
    expect(msg).toContain("end:");
    const reversed = await post(officerA.headers, body(communeA.code, { start: "02/03/2026 10:00", end: "02/03/2026 09:00" }));
    expect(reversed.statusCode).toBe(400);
    expect((reversed.json() as { message: string }).message).toBe("end: phải sau thời điểm bắt đầu");
    const minutes = await post(officerA.headers, body(communeA.code, { openingMin: -3 }));
    expect(minutes.statusCode).toBe(400);
    expect((minutes.json() as { message: string }).message).toContain("openingMin:");
  });

  it("answers 409 for the same title and start in the same unit", async () => {
    const b = body(communeA.code, { title: "Hội nghị sơ kết quý I" });
    expect((await post(officerA.headers, b)).statusCode).toBe(201);
    const dup = await post(officerA.headers, b);
    expect(dup.statusCode).toBe(409);
    expect((dup.json() as { message: string }).message).toBe(`Hội nghị "Hội nghị sơ kết quý I" bắt đầu lúc 02/03/2026 08:00 của đơn vị ${communeA.code} đã có trong sổ hội nghị`);
  });

  it("keeps another commune's officer out and a viewer from writing", async () => {
    const m = (await post(officerA.headers, body(communeA.code))).json() as Meeting;
    expect((await t.app.inject({ method: "GET", url: `/api/meetings/${m.id}`, headers: officerB.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/meetings?org=${communeA.code}`, headers: officerB.headers })).statusCode).toBe(403);
    expect((await post(officerB.headers, body(communeA.code))).statusCode).toBe(403);
    expect((await post(officerB.headers, body(communeA.code), "/api/meetings/check")).statusCode).toBe(403);
    expect((await patch(officerB.headers, m.id, { title: "x" })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/meetings/${m.id}`, headers: officerB.headers })).statusCode).toBe(403);
    expect((await patch(officerA.headers, m.id, { orgCode: communeB.code })).statusCode).toBe(403);
    expect((await post(viewerA.headers, body(communeA.code))).statusCode).toBe(403);
    expect((await patch(viewerA.headers, m.id, { title: "x" })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/meetings/${m.id}`, headers: viewerA.headers })).statusCode).toBe(403);
    const still = (await t.app.inject({ method: "GET", url: `/api/meetings/${m.id}`, headers: officerA.headers })).json() as Meeting;
    expect(still.title).toBe(m.title);
  });

  it("updates with before/after audit, re-counting sessions, and deletes", async () => {
    const m = (await post(officerA.headers, body(communeA.code))).json() as Meeting;
    const res = await patch(officerA.headers, m.id, { end: "02/03/2026 17:00", category: "quan_trong" });
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json() as Meeting;
    expect(updated).toMatchObject({ sessions: 2, category: "quan_trong", start: m.start });
    expect(preventive(updated.findings)).toEqual([]);
    const del = await t.app.inject({ method: "DELETE", url: `/api/meetings/${m.id}`, headers: officerA.headers });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: `/api/meetings/${m.id}`, headers: officerA.headers })).statusCode).toBe(404);
    const audit = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "meetings").where("entity_id", "=", String(m.id)).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
    expect(json(audit[1]?.before)).toMatchObject({ sessions: 1, category: "chuyen_mon" });
    expect(json(audit[1]?.after)).toMatchObject({ sessions: 2, category: "quan_trong" });
    expect(json(audit[2]?.before)).toMatchObject({ id: m.id, category: "quan_trong" });
  });
});

describe("M3 quota of province-wide and commune-wide conferences", () => {
  let p: Org;
  let pCommune: Org;
  let pOffice: Org;
  let provincial: { headers: Headers };
  let communal: { headers: Headers };

  beforeAll(async () => {
    p = await buildOrg(t.ctx, { level: "province" });
    const dept = await buildOrg(t.ctx, { parentId: p.id, level: "department" });
    pCommune = await buildOrg(t.ctx, { parentId: p.id, level: "commune" });
    pOffice = await buildOrg(t.ctx, { parentId: pCommune.id, level: "office" });
    provincial = await buildUser(t.ctx, p.id, "officer");
    communal = await buildUser(t.ctx, pCommune.id, "officer");
    // two toàn tỉnh conferences in 2026, one by the province, one by a department below it
    expect((await post(provincial.headers, body(p.code, { scope: "toan_tinh", start: "10/01/2026 08:00", end: "10/01/2026 11:00" }))).statusCode).toBe(201);
    expect((await post(provincial.headers, body(dept.code, { scope: "toan_tinh", start: "10/02/2026 08:00", end: "10/02/2026 11:00" }))).statusCode).toBe(201);
  });

  it("refuses a third toàn tỉnh conference in the year with 422 and saves nothing", async () => {
    const before = await countIn(pCommune.id);
    const res = await post(communal.headers, body(pCommune.code, { scope: "toan_tinh", start: "10/05/2026 08:00", end: "10/05/2026 11:00" }));
    expect(res.statusCode, res.body).toBe(422);
    const err = res.json() as { error: string; message: string; details: { findings: Finding[] } };
    expect(err.error).toBe("RULE_VIOLATION");
    expect(err.message).toContain("Đã đủ 2 hội nghị toàn tỉnh trong năm 2026");
    expect(err.details.findings).toEqual([expect.objectContaining({ rule: "M3", severity: "error", field: "exceptionDecision", limit: 2, actual: 3 })]);
    expect(await countIn(pCommune.id)).toBe(before);
  });

  it("accepts it with the standing committee's decision, exempts định kỳ and other years", async () => {
    const allowed = await post(provincial.headers, body(p.code, { scope: "toan_tinh", exceptionDecision: "QĐ 215-QĐ/TU ngày 02/3/2026", start: "11/05/2026 08:00", end: "11/05/2026 11:00" }));
    expect(allowed.statusCode, allowed.body).toBe(201);
    expect(preventive((allowed.json() as Meeting).findings)).toEqual([]);
    const regular = await post(provincial.headers, body(p.code, { scope: "toan_tinh", category: "dinh_ky", start: "12/05/2026 08:00", end: "12/05/2026 11:00" }));
    expect(regular.statusCode, regular.body).toBe(201);
    // local year: 31/12/2026 23:30 (+07) is still 2026, 01/01/2027 00:30 is 2027
    const lastNight = await post(provincial.headers, body(p.code, { scope: "toan_tinh", start: "31/12/2026 23:30", end: "31/12/2026 23:50" }));
    expect(lastNight.statusCode).toBe(422);
    const nextYear = await post(provincial.headers, body(p.code, { scope: "toan_tinh", start: "01/01/2027 00:30", end: "01/01/2027 02:00" }));
    expect(nextYear.statusCode, nextYear.body).toBe(201);
  });

  it("refuses an update that makes a conference take a third slot, and lets a counted one be edited", async () => {
    const internal = (await post(provincial.headers, body(p.code, { scope: "noi_bo", start: "15/06/2026 08:00", end: "15/06/2026 11:00" }))).json() as Meeting;
    const res = await patch(provincial.headers, internal.id, { scope: "toan_tinh" });
    expect(res.statusCode).toBe(422);
    const stored = (await t.app.inject({ method: "GET", url: `/api/meetings/${internal.id}`, headers: provincial.headers })).json() as Meeting;
    expect(stored.scope).toBe("noi_bo");
    const withDecision = await patch(provincial.headers, internal.id, { scope: "toan_tinh", exceptionDecision: "QĐ 300-QĐ/TU" });
    expect(withDecision.statusCode, withDecision.body).toBe(200);
    // removing the decision again would take a slot
    expect((await patch(provincial.headers, internal.id, { exceptionDecision: null })).statusCode).toBe(422);
    const counted = (await t.app.inject({ method: "GET", url: `/api/meetings?org=${p.code}&scope=toan_tinh&from=2026-01-01&to=2026-01-31`, headers: provincial.headers })).json() as { items: Meeting[] };
    const first = counted.items[0] as Meeting;
    expect((await patch(provincial.headers, first.id, { title: "Hội nghị toàn tỉnh (sửa tên)" })).statusCode).toBe(200);
  });

  it("counts toàn xã conferences against the commune (3 a year), anywhere in its subtree", async () => {
    for (const [i, org] of [pCommune, pOffice, pOffice].entries()) {
      const res = await post(communal.headers, body(org.code, { scope: "toan_xa", start: `0${i + 1}/04/2026 08:00`, end: `0${i + 1}/04/2026 10:00` }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const fourth = await post(communal.headers, body(pOffice.code, { scope: "toan_xa", start: "09/04/2026 08:00", end: "09/04/2026 10:00" }));
    expect(fourth.statusCode).toBe(422);
    expect((fourth.json() as { message: string }).message).toContain("Đã đủ 3 hội nghị toàn xã trong năm 2026");
  });

  it("checks without saving: warnings and the M3 error come back as findings", async () => {
    const before = await countIn(p.id);
    const res = await post(provincial.headers, body(p.code, { scope: "toan_tinh", category: "quan_triet", start: "20/07/2026 08:00", end: "20/07/2026 17:00", conclusionMin: 60 }), "/api/meetings/check");
    expect(res.statusCode, res.body).toBe(200);
    const { findings, sessions } = res.json() as { findings: Finding[]; sessions: number };
    expect(sessions).toBe(2);
    expect(preventive(findings).map((f) => `${f.rule}:${f.severity}`).sort()).toEqual(["M3:error", "M4:warning", "M5:warning"]);
    expect(await countIn(p.id)).toBe(before);
    // a conference being edited does not count against itself
    const list = (await t.app.inject({ method: "GET", url: `/api/meetings?org=${p.code}&scope=toan_tinh&from=2026-01-01&to=2026-01-31`, headers: provincial.headers })).json() as { items: Meeting[] };
    const own = list.items[0] as Meeting;
    const self = await post(provincial.headers, { ...body(p.code, { scope: "toan_tinh", start: "10/01/2026 08:00", end: "10/01/2026 11:00" }), id: own.id }, "/api/meetings/check");
    expect(preventive((self.json() as { findings: Finding[] }).findings)).toEqual([]);
  });
});

describe("conference list: filters, sort, paging", () => {
  let org: Org;
  let user: { headers: Headers };

  beforeAll(async () => {
    const root = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
    org = await buildOrg(t.ctx, { parentId: root.id, level: "office" });
    user = await buildUser(t.ctx, root.id, "officer");
    const rows: Array<Record<string, unknown>> = [
      { title: "Quán triệt nghị quyết", category: "quan_triet", start: "05/01/2026 08:00", end: "05/01/2026 16:00", format: "truc_tiep" },
      { title: "Giao ban tháng 1", category: "khac", start: "31/01/2026 23:00", end: "31/01/2026 23:30" },
      { title: "Giao ban tháng 2", category: "khac", start: "01/02/2026 06:30", end: "01/02/2026 07:30", openingMin: 20 },
      { title: "Kỳ họp HĐND", category: "dinh_ky", start: "10/03/2026 08:00", end: "11/03/2026 17:00", openingMin: 30, format: "ket_hop" },
      { title: "Tập huấn chuyển đổi số", category: "chuyen_mon", start: "20/04/2026 08:00", end: "21/04/2026 11:00", maxContributionMin: 12 },
    ];
    for (const r of rows) expect((await post(user.headers, { ...body(org.code), ...r })).statusCode).toBe(201);
  });

  const list = async (query: string) => {
    const res = await t.app.inject({ method: "GET", url: `/api/meetings?org=${org.code}&${query}`, headers: user.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Meeting[]; total: number; page: number | null; nextCursor: string | null };
  };

  it("filters by local dates, category, scope, format, text and breach", async () => {
    const cases: Array<[string, string[]]> = [
      ["from=2026-01-31&to=2026-01-31", ["Giao ban tháng 1"]],
      ["from=2026-02-01&to=2026-03-31", ["Kỳ họp HĐND", "Giao ban tháng 2"]],
      ["category=khac", ["Giao ban tháng 2", "Giao ban tháng 1"]],
      ["format=truc_tiep", ["Quán triệt nghị quyết"]],
      ["format=ket_hop&scope=noi_bo", ["Kỳ họp HĐND"]],
      ["scope=toan_xa", []],
      ["q=giao ban", ["Giao ban tháng 2", "Giao ban tháng 1"]],
      ["q=GIAO BAN THANG 2", ["Giao ban tháng 2"]],
      ["breach=m4", ["Tập huấn chuyển đổi số", "Quán triệt nghị quyết"]],
      ["breach=m5", ["Tập huấn chuyển đổi số", "Giao ban tháng 2"]],
    ];
    for (const [query, titles] of cases) {
      const page = await list(query);
      expect(page.items.map((m) => m.title), query).toEqual(titles);
      expect(page.total, query).toBe(titles.length);
    }
  });

  it("sorts by start and pages by offset and cursor", async () => {
    const asc = await list("sort=start");
    expect(asc.items.map((m) => m.title)[0]).toBe("Quán triệt nghị quyết");
    const desc = await list("");
    expect(desc.items.map((m) => m.id)).toEqual(asc.items.map((m) => m.id).reverse());
    const p2 = await list("sort=start&pageSize=2&page=2");
    expect(p2.items.map((m) => m.id)).toEqual(asc.items.slice(2, 4).map((m) => m.id));
    expect(p2.total).toBe(5);
    const walked: number[] = [];
    let cursor: string | null = null;
    do {
      const p = await list(`sort=start&pageSize=2${cursor ? `&cursor=${cursor}` : ""}`);
      walked.push(...p.items.map((m) => m.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(walked).toEqual(asc.items.map((m) => m.id));
  });
});
