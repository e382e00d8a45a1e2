import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";

type Doc = { id: number; orgCode: string; number: string; type: string; issuedOn: string; subject: string; digitized: boolean; secret: boolean; sentElectronically: boolean; legalNormative: boolean; signer: string | null };
type DocPage = { items: Doc[]; total: number; totalExact: boolean; page: number | null; pageSize: number; nextCursor: string | null };

let t: TestApp;
let province: { id: number; code: string };
let communeA: { id: number; code: string };
let communeB: { id: number; code: string };
let officeA: { id: number; code: string };
let officerA: { headers: Record<string, string> };
let officerB: { headers: Record<string, string> };
let viewerA: { headers: Record<string, string> };
let provincial: { headers: Record<string, string> };

beforeAll(async () => {
  t = await startTestApp();
  province = await buildOrg(t.ctx, { level: "province" });
  communeA = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
  communeB = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
  officeA = await buildOrg(t.ctx, { parentId: communeA.id, level: "office" });
  officerA = await buildUser(t.ctx, communeA.id, "officer");
  officerB = await buildUser(t.ctx, communeB.id, "officer");
  viewerA = await buildUser(t.ctx, communeA.id, "viewer");
  provincial = await buildUser(t.ctx, province.id, "aggregator");
}, 60_000);

afterAll(async () => {
  await t.close();
});

let seq = 0;
/** A valid body with a unique number. */
function docBody(orgCode: string, overrides: Record<string, unknown> = {}) {
  seq += 1;
  return { orgCode, number: `${100 + seq}/UBND-VP`, type: "CV", issuedOn: "2026-03-05", subject: `Về việc thử nghiệm ${seq}`, ...overrides };
}

async function create(headers: Record<string, string>, body: Record<string, unknown>) {
  return t.app.inject({ method: "POST", url: "/api/documents", headers, payload: body });
}

async function list(headers: Record<string, string>, query: string): Promise<DocPage> {
  const res = await t.app.inject({ method: "GET", url: `/api/documents?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DocPage;
}

async function monthlyCount(orgId: number, month: string): Promise<number> {
  const rows = await t.ctx.handle.db.selectFrom("document_monthly").select("n").where("org_id", "=", orgId).where("month", "=", month).execute();
  return rows.reduce((a, r) => a + Number(r.n), 0);
}

async function auditOf(entityId: number) {
  return t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "documents").where("entity_id", "=", String(entityId)).orderBy("id").execute();
}

const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown>;

describe("document register API", () => {
  it("answers 401 without a session on every route, even with an invalid body", async () => {
    for (const [method, url] of [["GET", "/api/documents"], ["GET", "/api/documents/1"], ["POST", "/api/documents"], ["PATCH", "/api/documents/1"], ["DELETE", "/api/documents/1"]] as const) {
      const res = await t.app.inject({ method, url, payload: method === "POST" || method === "PATCH" ? { bogus: 1 } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("creates a document, normalising type, date and flags the way an import does, with an audit row", async () => {
    const res = await create(officerA.headers, docBody(communeA.code, { number: "15/QĐ-UBND", type: "Quyết định", issuedOn: "05/03/2026", digitized: "có", sentElectronically: true, signer: "Nguyễn Văn A" }));
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json() as Doc;
    expect(doc).toMatchObject({ orgCode: communeA.code, number: "15/QĐ-UBND", type: "QĐ", issuedOn: "2026-03-05", digitized: true, sentElectronically: true, secret: false, legalNormative: false, signer: "Nguyễn Văn A" });
    const audit = await auditOf(doc.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", org_id: communeA.id, before: null });
    expect(json(audit[0]?.after)).toMatchObject({ number: "15/QĐ-UBND", type: "QĐ" });

    const got = await t.app.inject({ method: "GET", url: `/api/documents/${doc.id}`, headers: viewerA.headers });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(doc);
  });

  it("refuses invalid fields with 400 naming each field", async () => {
    const res = await create(officerA.headers, docBody(communeA.code, { type: "XYZ", issuedOn: "31/02/2026", number: "" }));
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: string; message: string };
    expect(body.error).toBe("VALIDATION");
    expect(body.message).toContain("type:");
    expect(body.message).toContain("issuedOn:");
    expect(body.message).toContain("number:");
    const unknownOrg = await create(officerA.headers, docBody("KHONG_CO"));
    expect(unknownOrg.statusCode).toBe(400);
    expect((unknownOrg.json() as { message: string }).message).toContain("orgCode:");
  });

  it("answers 409 with a Vietnamese message for a second document with the same number and day", async () => {
    const body = docBody(communeA.code, { number: "426/UBND-NC", issuedOn: "2026-04-10" });
    expect((await create(officerA.headers, body)).statusCode).toBe(201);
    const dup = await create(officerA.headers, { ...body, subject: "khác" });
    expect(dup.statusCode).toBe(409);
    expect((dup.json() as { message: string }).message).toBe(`Văn bản số 426/UBND-NC ngày 10/04/2026 của đơn vị ${communeA.code} đã có trong sổ văn bản`);
    // the same number on another day is another document (numbers restart every year)
    const lastYear = (await create(officerA.headers, { ...body, issuedOn: "2025-04-10" })).json() as Doc;
    expect(lastYear.issuedOn).toBe("2025-04-10");
    // and an update that would collide is refused the same way, naming the resulting key
    const clash = await t.app.inject({ method: "PATCH", url: `/api/documents/${lastYear.id}`, headers: officerA.headers, payload: { issuedOn: "10/04/2026" } });
    expect(clash.statusCode).toBe(409);
    expect((clash.json() as { message: string }).message).toBe(`Văn bản số 426/UBND-NC ngày 10/04/2026 của đơn vị ${communeA.code} đã có trong sổ văn bản`);
  });

  it("keeps a commune officer out of another commune's records and a viewer from writing", async () => {
    const mine = (await create(officerA.headers, docBody(communeA.code))).json() as Doc;
    expect((await t.app.inject({ method: "GET", url: `/api/documents/${mine.id}`, headers: officerB.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/documents?org=${communeA.code}`, headers: officerB.headers })).statusCode).toBe(403);
    expect((await create(officerB.headers, docBody(communeA.code))).statusCode).toBe(403);
    // a unit below one's own is inside one's subtree; below another commune it is not
    expect((await create(officerA.headers, docBody(officeA.code))).statusCode).toBe(201);
    expect((await create(officerB.headers, docBody(officeA.code))).statusCode).toBe(403);
    expect((await t.app.inject({ method: "PATCH", url: `/api/documents/${mine.id}`, headers: officerB.headers, payload: { subject: "x" } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/documents/${mine.id}`, headers: officerB.headers })).statusCode).toBe(403);
    // moving one's own document into another commune needs write there too
    expect((await t.app.inject({ method: "PATCH", url: `/api/documents/${mine.id}`, headers: officerA.headers, payload: { orgCode: communeB.code } })).statusCode).toBe(403);
    expect((await create(viewerA.headers, docBody(communeA.code))).statusCode).toBe(403);
    expect((await t.app.inject({ method: "PATCH", url: `/api/documents/${mine.id}`, headers: viewerA.headers, payload: { subject: "x" } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/documents/${mine.id}`, headers: viewerA.headers })).statusCode).toBe(403);
    const still = await t.app.inject({ method: "GET", url: `/api/documents/${mine.id}`, headers: officerA.headers });
    expect((still.json() as Doc).subject).toBe(mine.subject);
  });

  it("updates the fields sent, audits before/after, and lets the province move a record between its communes", async () => {
    const doc = (await create(officerA.headers, docBody(communeA.code, { digitized: false }))).json() as Doc;
    const res = await t.app.inject({ method: "PATCH", url: `/api/documents/${doc.id}`, headers: officerA.headers, payload: { digitized: true, subject: "Trích yếu mới" } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ digitized: true, subject: "Trích yếu mới", number: doc.number, type: doc.type });
    const audit = await auditOf(doc.id);
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(json(audit[1]?.before)).toMatchObject({ digitized: false, subject: doc.subject });
    expect(json(audit[1]?.after)).toMatchObject({ digitized: true, subject: "Trích yếu mới" });

    const moved = await t.app.inject({ method: "PATCH", url: `/api/documents/${doc.id}`, headers: provincial.headers, payload: { orgCode: communeB.code } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as Doc).orgCode).toBe(communeB.code);

    const empty = await t.app.inject({ method: "PATCH", url: `/api/documents/${doc.id}`, headers: provincial.headers, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect((await t.app.inject({ method: "PATCH", url: "/api/documents/99999999", headers: provincial.headers, payload: { subject: "x" } })).statusCode).toBe(404);
  });

  it("keeps the monthly rollup in step with a created and a deleted document", async () => {
    const org = await buildOrg(t.ctx, { parentId: communeA.id, level: "office" });
    expect(await monthlyCount(org.id, "2026-07-01")).toBe(0);
    const doc = (await create(officerA.headers, docBody(org.code, { issuedOn: "2026-07-20" }))).json() as Doc;
    expect(await monthlyCount(org.id, "2026-07-01")).toBe(1);
    const del = await t.app.inject({ method: "DELETE", url: `/api/documents/${doc.id}`, headers: officerA.headers });
    expect(del.statusCode).toBe(204);
    expect(await monthlyCount(org.id, "2026-07-01")).toBe(0);
    expect((await t.app.inject({ method: "GET", url: `/api/documents/${doc.id}`, headers: officerA.headers })).statusCode).toBe(404);
    const audit = await auditOf(doc.id);
    expect(audit.map((a) => a.action)).toEqual(["create", "delete"]);
    expect(json(audit[1]?.before)).toMatchObject({ id: doc.id, issuedOn: "2026-07-20" });
    expect(audit[1]?.after).toBeNull();
  });
});

describe("document list: filters, sort, paging, totals", () => {
  let root: { id: number; code: string };
  let leaf: { id: number; code: string };
  let rootUser: { headers: Record<string, string> };
  const numbers: string[] = [];

  beforeAll(async () => {
    root = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
    leaf = await buildOrg(t.ctx, { parentId: root.id, level: "office" });
    rootUser = await buildUser(t.ctx, root.id, "officer");
    // 12 documents over Jan–Jun 2026 plus one in 2025, in two units
    const days = ["2025-12-31", "2026-01-01", "2026-01-15", "2026-01-31", "2026-02-01", "2026-02-14", "2026-02-28", "2026-03-10", "2026-04-01", "2026-04-30", "2026-05-15", "2026-06-30", "2026-06-30"];
    for (const [i, day] of days.entries()) {
      const number = `${String(10 + i)}/TB-UBND`;
      numbers.push(number);
      const res = await create(rootUser.headers, {
        orgCode: i % 3 === 0 ? leaf.code : root.code,
        number,
        type: i % 2 === 0 ? "TB" : "KH",
        issuedOn: day,
        subject: i === 5 ? "Về việc 100% số hóa hồ sơ" : `Kế hoạch năm ${i}`,
        digitized: i % 4 !== 0,
        sentElectronically: i % 5 !== 0,
        secret: i === 8,
        signer: i === 7 ? "Trần Thị Bình" : null,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it("lists the unit alone by default and the subtree with subtree=1", async () => {
    const own = await list(rootUser.headers, `org=${root.code}&pageSize=200`);
    expect(own.items.every((d) => d.orgCode === root.code)).toBe(true);
    expect(own.total).toBe(8);
    const all = await list(rootUser.headers, `org=${root.code}&subtree=1&pageSize=200`);
    expect(all.total).toBe(13);
    expect(all.totalExact).toBe(true);
    expect(all.items).toHaveLength(13);
    const mine = await list(rootUser.headers, "subtree=1");
    expect(mine.total).toBe(13);
  });

  it("filters by dates (inclusive, partial months counted exactly), type, flags, breach and text", async () => {
    const base = `org=${root.code}&subtree=1&pageSize=200`;
    const cases: Array<[string, number]> = [
      ["from=2026-01-01&to=2026-12-31", 12],
      ["from=2026-01-15&to=2026-02-14", 4],
      ["from=15/01/2026&to=14/02/2026", 4],
      ["from=2026-02-01&to=2026-02-28", 3],
      ["from=2026-01-31&to=2026-04-01", 6],
      ["to=2026-01-01", 2],
      ["from=2026-06-30", 2],
      ["from=2026-03-01&to=2026-02-01", 0],
      ["type=TB", 7],
      ["type=Kế hoạch", 6],
      ["digitized=0", 4],
      ["breach=not_digitized", 3],
      ["breach=not_sent", 3],
      ["secret=1", 1],
      ["q=số hóa", 1],
      ["q=so hoa", 1], // diacritics ignored: "so hoa" finds "số hóa"
      ["q=SỐ  HÓA", 1],
      ["q=tran thi", 1],
      ["q=100%25", 1],
      ["q=%25", 1],
      ["q=trần thị", 1],
      ["q=TB-UBND&from=2026-02-01", 9],
      ["q=_", 0],
    ];
    for (const [query, expected] of cases) {
      const page = await list(rootUser.headers, `${base}&${query}`);
      expect(page.total, query).toBe(expected);
      expect(page.items, query).toHaveLength(expected);
    }
  });

  it("sorts by issue date (newest first by default) and by number", async () => {
    const base = `org=${root.code}&subtree=1&pageSize=200`;
    const byDefault = await list(rootUser.headers, base);
    const days = byDefault.items.map((d) => d.issuedOn);
    expect(days).toEqual([...days].sort().reverse());
    const asc = await list(rootUser.headers, `${base}&sort=issuedOn`);
    expect(asc.items[0]?.issuedOn).toBe("2025-12-31");
    const byNumber = await list(rootUser.headers, `${base}&sort=number`);
    expect(byNumber.items.map((d) => d.number)).toEqual([...numbers].sort());
    const byNumberDesc = await list(rootUser.headers, `${base}&sort=-number`);
    expect(byNumberDesc.items.map((d) => d.number)).toEqual([...numbers].sort().reverse());
  });

  it("pages by offset and by cursor to the same rows in the same order", async () => {
    for (const sort of ["-issuedOn", "issuedOn", "number", "-number"]) {
      const base = `org=${root.code}&subtree=1&sort=${sort}`;
      const all = (await list(rootUser.headers, `${base}&pageSize=200`)).items.map((d) => d.id);
      const byOffset: number[] = [];
      for (let page = 1; page <= 5; page++) {
        const p = await list(rootUser.headers, `${base}&pageSize=3&page=${page}`);
        expect(p.page).toBe(page);
        expect(p.total).toBe(13);
        byOffset.push(...p.items.map((d) => d.id));
      }
      expect(byOffset, sort).toEqual(all);
      const byCursor: number[] = [];
      let cursor: string | null = null;
      do {
        const p: DocPage = await list(rootUser.headers, `${base}&pageSize=4${cursor ? `&cursor=${cursor}` : ""}`);
        if (cursor) expect(p.page).toBeNull();
        byCursor.push(...p.items.map((d) => d.id));
        cursor = p.nextCursor;
      } while (cursor);
      expect(byCursor, sort).toEqual(all);
    }
  });

  it("refuses a bad cursor, a cursor of another sort and an offset past the limit", async () => {
    const base = `org=${root.code}&subtree=1`;
    const first = await list(rootUser.headers, `${base}&pageSize=2`);
    const other = await t.app.inject({ method: "GET", url: `/api/documents?${base}&sort=number&cursor=${first.nextCursor}`, headers: rootUser.headers });
    expect(other.statusCode).toBe(400);
    expect((other.json() as { message: string }).message).toContain("cursor:");
    const junk = await t.app.inject({ method: "GET", url: `/api/documents?${base}&cursor=xyz`, headers: rootUser.headers });
    expect(junk.statusCode).toBe(400);
    const deep = await t.app.inject({ method: "GET", url: `/api/documents?${base}&page=1000&pageSize=200`, headers: rootUser.headers });
    expect(deep.statusCode).toBe(400);
    expect((deep.json() as { message: string }).message).toContain("page:");
    const badSort = await t.app.inject({ method: "GET", url: `/api/documents?${base}&sort=subject`, headers: rootUser.headers });
    expect(badSort.statusCode).toBe(400);
  });

  it("answers 404 for an unknown unit", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/documents?org=KHONG_TON_TAI", headers: rootUser.headers });
    expect(res.statusCode).toBe(404);
  });
});
