import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { buildConference, buildConferencePlan, type Headers } from "./calendar-setup.js";

type Unit = { id: number; code: string; name: string };
type Clash = { other: { id: number; orgCode: string; title: string }; sharedChairs: string[]; sharedUnits: Unit[] };
type Conference = { id: number; orgId: number; orgCode: string; orgName: string; start: string; end: string; chairs: string[]; invitedUnits: Unit[]; isPlanned: boolean; role: string; clashes: Clash[] };
type Bunching = { orgCode: string; year: number; total: number; isJudged: boolean; edges: Array<{ edge: string; count: number }>; findings: Array<{ rule: string; edge: string; count: number; total: number; sharePercent: number; message: string }> };
type View = { org: Unit; conferences: Conference[]; bunching: Bunching[] };

let t: TestApp;
let province: Unit;
let communeA: Unit;
let communeB: Unit;
let communeC: Unit;
let provinceUser: Headers;
let officerA: Headers;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp(new Date("2026-02-20T03:00:00Z"));
  province = await buildOrg(t.ctx, { level: "province", name: "UBND tỉnh Thử" });
  communeA = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "UBND xã An" });
  communeB = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "UBND xã Bình" });
  communeC = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "UBND xã Cường" });
  provinceUser = (await buildUser(t.ctx, province.id, "aggregator")).headers;
  officerA = (await buildUser(t.ctx, communeA.id, "viewer")).headers;

  // the same chair, written differently, in two communes at once
  ids.chairA = await buildConference(t, { orgId: communeA.id, start: "2026-03-02T08:00", end: "2026-03-02T11:00", chairs: ["Nguyễn Văn An"] });
  ids.chairB = await buildConference(t, { orgId: communeB.id, start: "2026-03-02T09:00", end: "2026-03-02T10:30", chairs: ["Đ/c nguyễn văn an"] });
  // commune A invited by the province while it holds its own
  ids.invitingA = await buildConference(t, { orgId: province.id, start: "2026-03-03T08:00", end: "2026-03-03T11:00", chairs: ["Trần Thị Bình"], invitedOrgIds: [communeA.id] });
  ids.hostA = await buildConference(t, { orgId: communeA.id, start: "2026-03-03T09:00", end: "2026-03-03T10:00", chairs: ["Lê Văn Cường"] });
  // the afternoon: no clash with the morning, though the chair is the same
  ids.afternoon = await buildConference(t, { orgId: communeB.id, start: "2026-03-03T14:00", end: "2026-03-03T16:00", chairs: ["Trần Thị Bình"] });

  // commune B: 3 of its 7 conferences of 2026 in the first two weeks → bunched (M9)
  for (const day of ["02", "06", "13"]) await buildConference(t, { orgId: communeB.id, start: `2026-01-${day}T08:00`, end: `2026-01-${day}T10:00` });
  await buildConference(t, { orgId: communeB.id, start: "2026-06-10T08:00", end: "2026-06-10T10:00" });
  await buildConference(t, { orgId: communeB.id, start: "2026-09-10T08:00", end: "2026-09-10T10:00" });

  // commune C: 3 held mid-year, one of them under its plan; the plan's two dated January
  // conferences not held yet and one planned for May → 2 of 6 in the first two weeks
  const [heldPlan, ...rest] = await buildConferencePlan(t, communeC.id, 2026, [{ month: 4 }, { date: "2026-01-05" }, { date: "2026-01-08" }, { month: 5 }]);
  expect(rest).toHaveLength(3);
  ids.plannedC = await buildConference(t, { orgId: communeC.id, start: "2026-04-10T08:00", end: "2026-04-10T10:00", plannedId: heldPlan ?? null });
  await buildConference(t, { orgId: communeC.id, start: "2026-07-10T08:00", end: "2026-07-10T10:00" });
  await buildConference(t, { orgId: communeC.id, start: "2026-08-10T08:00", end: "2026-08-10T10:00" });
}, 120_000);

afterAll(async () => {
  await t.close();
});

const get = (headers: Headers | undefined, query: string) => t.app.inject({ method: "GET", url: `/api/calendar?${query}`, headers });
const byId = (v: View, id: number | undefined) => v.conferences.find((c) => c.id === id);

describe("GET /api/calendar", () => {
  it("answers 401 without a session", async () => {
    expect((await get(undefined, "from=2026-03-01&to=2026-03-31")).statusCode).toBe(401);
  });

  it("answers 403 for a commune outside the user's subtree", async () => {
    const res = await get(officerA, `org=${communeB.code}&from=2026-03-01&to=2026-03-31`);
    expect(res.statusCode).toBe(403);
  });

  it("marks two conferences sharing a chair at the same time, on both sides", async () => {
    const res = await get(provinceUser, `org=${province.code}&subtree=1&from=2026-03-01&to=2026-03-31`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as View;
    const a = byId(v, ids.chairA);
    expect(a).toMatchObject({ orgCode: communeA.code, orgName: "UBND xã An", chairs: ["Nguyễn Văn An"], role: "host", isPlanned: false, start: "2026-03-02T01:00:00.000Z" });
    expect(a?.clashes).toEqual([expect.objectContaining({ other: expect.objectContaining({ id: ids.chairB, orgCode: communeB.code }), sharedChairs: ["Nguyễn Văn An"], sharedUnits: [] })]);
    expect(byId(v, ids.chairB)?.clashes.map((c) => [c.other.id, c.sharedChairs])).toEqual([[ids.chairA, ["Đ/c nguyễn văn an"]]]);
  });

  it("marks a unit invited while it holds its own conference", async () => {
    const v = (await get(provinceUser, `org=${province.code}&subtree=1&from=2026-03-01&to=2026-03-31`)).json() as View;
    const inviting = byId(v, ids.invitingA);
    expect(inviting?.invitedUnits).toEqual([{ id: communeA.id, code: communeA.code, name: "UBND xã An" }]);
    expect(inviting?.clashes).toEqual([expect.objectContaining({ other: expect.objectContaining({ id: ids.hostA }), sharedChairs: [], sharedUnits: [{ id: communeA.id, code: communeA.code, name: "UBND xã An" }] })]);
    expect(byId(v, ids.hostA)?.clashes.map((c) => c.other.id)).toEqual([ids.invitingA]);
    expect(byId(v, ids.afternoon)?.clashes).toEqual([]);
  });

  it("shows a commune its own conferences and those it is invited to, with no clash it may not read", async () => {
    const res = await get(officerA, "from=2026-03-01&to=2026-03-31");
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as View;
    expect(v.org.code).toBe(communeA.code);
    expect(v.conferences.map((c) => [c.id, c.role])).toEqual([[ids.chairA, "host"], [ids.invitingA, "invited"], [ids.hostA, "host"]]);
    // the clash with commune B's conference is not shown to commune A: B is not A's to read
    expect(byId(v, ids.chairA)?.clashes).toEqual([]);
    expect(byId(v, ids.hostA)?.clashes.map((c) => c.other.id)).toEqual([ids.invitingA]);
  });

  it("gives the bunching finding of a unit that crowds the first weeks of the year", async () => {
    const v = (await get(provinceUser, `org=${province.code}&subtree=1&from=2026-01-01&to=2026-01-31`)).json() as View;
    const b = v.bunching.find((x) => x.orgCode === communeB.code);
    expect(b).toMatchObject({ year: 2026, total: 7, isJudged: true });
    expect(b?.findings).toEqual([expect.objectContaining({ rule: "M9", edge: "start", count: 3, total: 7, sharePercent: 42.9 })]);
    expect(b?.findings[0]?.message).toContain("2 tuần đầu năm (01/01–14/01)");
    // the province itself is always there, judged or not
    expect(v.bunching.find((x) => x.orgCode === province.code)).toMatchObject({ total: 1, isJudged: false, findings: [] });
    // commune A has no finding: not listed in a subtree view
    expect(v.bunching.some((x) => x.orgCode === communeA.code)).toBe(false);
  });

  it("counts an annual plan's conferences not held yet, and a held one once", async () => {
    const v = (await get(provinceUser, `org=${communeC.code}&from=2026-01-01&to=2026-12-31`)).json() as View;
    expect(v.bunching).toHaveLength(1);
    expect(v.bunching[0]).toMatchObject({ orgCode: communeC.code, total: 6, isJudged: true });
    expect(v.bunching[0]?.findings.map((f) => [f.edge, f.count])).toEqual([["start", 2]]);
    expect(v.conferences.find((c) => c.id === ids.plannedC)?.isPlanned).toBe(true);
  });

  it("refuses a subtree range longer than a month view, and a reversed one", async () => {
    const long = await get(provinceUser, `org=${province.code}&subtree=1&from=2026-03-01&to=2026-05-01`);
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toContain("tối đa 42 ngày");
    const reversed = await get(provinceUser, "from=2026-03-10&to=2026-03-01");
    expect(reversed.statusCode).toBe(400);
    // one unit alone may look at its year
    expect((await get(provinceUser, `org=${communeA.code}&subtree=0&from=2026-01-01&to=2026-12-31`)).statusCode).toBe(200);
  });

  it("shows a conference that began before the range and still runs in it", async () => {
    const id = await buildConference(t, { orgId: communeC.id, start: "2026-03-31T08:00", end: "2026-04-01T11:00" });
    const v = (await get(provinceUser, `org=${communeC.code}&from=2026-04-01&to=2026-04-30`)).json() as View;
    expect(v.conferences.map((c) => c.id)).toContain(id);
    const before = (await get(provinceUser, `org=${communeC.code}&from=2026-03-01&to=2026-03-30`)).json() as View;
    expect(before.conferences.map((c) => c.id)).not.toContain(id);
  });
});
