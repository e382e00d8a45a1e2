// Plans (issue "Plans and tasks" §1, §8): the chain of plans, the targets a plan tightens for the
// units under it (seen on the indicator sheet), edits, deletion, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { auditRows, buildCommune, createPlan, headersOf, importTable, planView, type Commune, type Headers, type OrgRow } from "./plans-setup.js";

type Sheet = { indicators: Record<string, { target: number | null }> };

describe(`plans (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let central: OrgRow;
  let cg: Commune;
  let other: Commune;
  let centralAdmin: Headers;
  let provincial: Headers;
  let officer: Headers;
  let viewer: Headers;
  let officeOfficer: Headers;
  let otherOfficer: Headers;

  beforeAll(async () => {
    t = await startTestApp();
    central = await buildOrg(t.ctx, { name: "Ban Bí thư", level: "central", bloc: "party" });
    const province = await buildOrg(t.ctx, { name: "UBND tỉnh", parentId: central.id, level: "province" });
    cg = await buildCommune(t, province);
    other = await buildCommune(t, province);
    centralAdmin = await headersOf(t, central.id, "admin");
    provincial = await headersOf(t, province.id, "aggregator");
    officer = await headersOf(t, cg.commune.id, "officer");
    viewer = await headersOf(t, cg.commune.id, "viewer");
    officeOfficer = await headersOf(t, cg.vhxh.id, "officer");
    otherOfficer = await headersOf(t, other.commune.id, "officer");
  });
  afterAll(async () => t.close());

  const post = (headers: Headers, payload: Record<string, unknown>) => t.app.inject({ method: "POST", url: "/api/plans", headers, payload });
  const sheet = async (code: string, headers: Headers = provincial): Promise<Sheet> => {
    const res = await t.app.inject({ method: "GET", url: `/api/indicators?org=${code}&period=2026`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Sheet;
  };

  it("builds the chain KL 226 → QĐ 534 → provincial plan → commune plan", async () => {
    const kl = await createPlan(t, centralAdmin, central.code, { number: "226-KL/TW", type: "KL", issuedOn: "2025-12-11", title: "Kết luận của Ban Bí thư" });
    const qd = await createPlan(t, centralAdmin, central.code, { number: "534/QĐ-TTg", type: "QĐ", issuedOn: "2026-03-31", title: "Kế hoạch thực hiện Kết luận 226", parentPlanId: kl });
    const prov = await createPlan(t, provincial, cg.province.code, { number: "498/KH-UBND", issuedOn: "2026-04-10", parentPlanId: qd });
    const commune = await createPlan(t, officer, cg.commune.code, { parentPlanId: prov });
    const view = await planView(t, viewer, commune);
    expect(view.parentPlan?.id).toBe(prov);
    expect((await planView(t, provincial, prov)).parentPlan?.id).toBe(qd);

    // the upper plan must come from the issuer or an ancestor; a loop is refused
    const sibling = await createPlan(t, otherOfficer, other.commune.code);
    const res = await post(officer, { orgCode: cg.commune.code, number: "1/KH-UBND", type: "KH", issuedOn: "2026-05-01", title: "X", parentPlanId: sibling });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: "VALIDATION", message: expect.stringMatching(/^parentPlanId: /) });
    const loop = await t.app.inject({ method: "PATCH", url: `/api/plans/${kl}`, headers: centralAdmin, payload: { parentPlanId: qd } });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().message).toMatch(/vòng lặp/);
  });

  it("creates a plan with its targets (audited) and refuses a second one with the same number and day", async () => {
    const res = await post(officer, { orgCode: cg.commune.code, number: "153a/KH-UBND", type: "Kế hoạch", issuedOn: "13/05/2026", title: "Triển khai Kết luận 226-KL/TW", targets: { D3: 100 } });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json() as { id: number; type: string; issuedOn: string; targets: unknown; org: { code: string }; canEdit: boolean; horizonYear: number; summary: { tasks: number } };
    expect(plan).toMatchObject({ type: "KH", issuedOn: "2026-05-13", targets: { D3: 100 }, org: { code: cg.commune.code }, canEdit: true, horizonYear: 2027, summary: { tasks: 0 } });
    const audit = await auditRows(t, "plans", plan.id);
    expect(audit.map((a) => a.action)).toEqual(["create"]);
    const again = await post(officer, { orgCode: cg.commune.code, number: "153a/KH-UBND", type: "KH", issuedOn: "2026-05-13", title: "Lần hai" });
    expect(again.statusCode).toBe(409);
  });

  it("tightens D3 to 100 on the indicator sheet for the issuer and the units under it, not for others", async () => {
    expect((await sheet(cg.commune.code)).indicators.D3?.target).toBe(100);
    expect((await sheet(cg.vhxh.code)).indicators.D3?.target).toBe(100);
    expect((await sheet(other.commune.code)).indicators.D3?.target).toBe(95);
    expect((await sheet(cg.province.code)).indicators.D3?.target).toBe(95);
  });

  it("never loosens a target: a plan's M3 of 5 and D3 of 90 change nothing, M3 of 2 does", async () => {
    const loose = await createPlan(t, otherOfficer, other.commune.code, { targets: { D3: 90, M3Commune: 5 } });
    let s = await sheet(other.commune.code);
    expect(s.indicators.D3?.target).toBe(95);
    expect(s.indicators.M3?.target).toBe(3);
    const res = await t.app.inject({ method: "PATCH", url: `/api/plans/${loose}`, headers: otherOfficer, payload: { targets: { M3Commune: 2 } } });
    expect(res.statusCode, res.body).toBe(200);
    s = await sheet(other.commune.code);
    expect(s.indicators.M3?.target).toBe(2);
    const cleared = await t.app.inject({ method: "PATCH", url: `/api/plans/${loose}`, headers: otherOfficer, payload: { targets: null } });
    expect(cleared.json()).toMatchObject({ targets: null });
    expect((await sheet(other.commune.code)).indicators.M3?.target).toBe(3);
  });

  it("lists the plans a unit issued and those of its ancestors assigning it a task", async () => {
    const prov = await createPlan(t, provincial, cg.province.code, { number: "77/KH-UBND" });
    // both communes of the test are named "UBND xã Cẩm Giàng": the cell names the unit by code
    const tsv = `TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\tThời hạn\n1\tBan hành kế hoạch của xã\t${cg.commune.code}\tKhông\tKế hoạch\tQuý III/2026\n`;
    expect((await importTable(t, provincial, prov, "bang.tsv", tsv)).statusCode).toBe(200);
    const res = await t.app.inject({ method: "GET", url: `/api/plans?org=${cg.commune.code}`, headers: viewer });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Array<{ id: number; relation: string; summary: { tasks: number } }> }).items;
    expect(items.filter((p) => p.relation === "assigned").map((p) => p.id)).toEqual([prov]);
    expect(items.filter((p) => p.relation === "issued").length).toBeGreaterThanOrEqual(2);
    // the commune reads the provincial plan because it leads one of its tasks; a sibling does not
    expect((await t.app.inject({ method: "GET", url: `/api/plans/${prov}`, headers: viewer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: `/api/plans/${prov}`, headers: otherOfficer })).statusCode).toBe(403);
    expect((await planView(t, viewer, prov)).canEdit).toBe(false);
  });

  it("regenerates recurring dues when the horizon moves, and validates it", async () => {
    const id = await createPlan(t, officer, cg.commune.code);
    const tsv = "TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\tThời hạn\n1\tBáo cáo kết quả\tPhòng Kinh tế\tKhông\tBáo cáo\tHằng năm, bắt đầu từ 2026\n";
    expect((await importTable(t, officer, id, "bang.tsv", tsv)).statusCode).toBe(200);
    expect((await planView(t, viewer, id)).tasks[0]?.progress?.occurrences).toBe(2); // 2026, 2027
    const res = await t.app.inject({ method: "PATCH", url: `/api/plans/${id}`, headers: officer, payload: { horizonYear: 2030 } });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { horizonYear: number; tasks: Array<{ progress: { occurrences: number } }> }).tasks[0]?.progress.occurrences).toBe(5);
    const bad = await t.app.inject({ method: "PATCH", url: `/api/plans/${id}`, headers: officer, payload: { horizonYear: 2020 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^horizonYear: /);
    expect((await auditRows(t, "plans", id)).map((a) => a.action)).toEqual(["create", "import", "update"]);
  });

  it("deletes a plan with its tasks (write on the issuer), audited", async () => {
    const id = await createPlan(t, officer, cg.commune.code);
    const tsv = "TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\tThời hạn\n1\tViệc\tPhòng Kinh tế\tKhông\tBáo cáo\tNăm 2026\n";
    expect((await importTable(t, officer, id, "bang.tsv", tsv)).statusCode).toBe(200);
    expect((await t.app.inject({ method: "DELETE", url: `/api/plans/${id}`, headers: viewer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/plans/${id}`, headers: officer })).statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: `/api/plans/${id}`, headers: officer })).statusCode).toBe(404);
    const left = await t.ctx.handle.db.selectFrom("plan_tasks").select("id").where("plan_id", "=", id).execute();
    expect(left).toEqual([]);
    expect((await auditRows(t, "plans", id)).map((a) => a.action)).toEqual(["create", "import", "delete"]);
  });

  it("answers 401, 403, 400 and 404 on the plan routes", async () => {
    const id = await createPlan(t, officer, cg.commune.code);
    for (const [method, url] of [["GET", "/api/plans"], ["POST", "/api/plans"], ["GET", `/api/plans/${id}`], ["PATCH", `/api/plans/${id}`], ["DELETE", `/api/plans/${id}`]] as const) {
      const res = await t.app.inject({ method, url, payload: method === "POST" || method === "PATCH" ? { bogus: 1 } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    const body = { orgCode: cg.commune.code, number: "9/KH-UBND", type: "KH", issuedOn: "2026-05-01", title: "X" };
    expect((await post(viewer, body)).statusCode).toBe(403);
    expect((await post(officeOfficer, body)).statusCode).toBe(403);
    expect((await post(otherOfficer, body)).statusCode).toBe(403);
    const invalid = await post(officer, { ...body, issuedOn: "31/02/2026", targets: { D9: 1 }, type: "XYZ" });
    expect(invalid.statusCode).toBe(400);
    expect((invalid.json() as { issues: string[] }).issues.map((i) => i.split(":")[0])).toEqual(expect.arrayContaining(["issuedOn", "targets", "type"]));
    expect((await post(officer, { ...body, orgCode: "KHONG_CO" })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "PATCH", url: `/api/plans/${id}`, headers: officer, payload: {} })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "PATCH", url: `/api/plans/${id}`, headers: otherOfficer, payload: { title: "Y" } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/plans/${id}`, headers: otherOfficer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/plans/999999", headers: officer })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/api/plans/abc", headers: officer })).statusCode).toBe(400);
    const ok = await t.app.inject({ method: "PATCH", url: `/api/plans/${id}`, headers: officer, payload: { title: "Kế hoạch sửa" } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: "Kế hoạch sửa" });
  });
});
