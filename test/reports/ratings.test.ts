// Annual ratings (issue "Periodic reports" §6): scorecards from the registers, the four levels of
// Quy định 366-QĐ/TW, ranking among peers with the change of rank and its reason, XLSX export.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { account, buildTree, call, DOC_HEADER, documentRows, importCsv, type LoggedIn, type Tree } from "./reports-setup.js";

type Row = {
  code: string; peerGroup: string; rank: number | null; previousRank: number | null; rankChange: number | null; changeReason: string | null;
  score: number | null; rating: string | null; ratingLabel: string | null;
  criteria: Array<{ id: string; score: number | null; basis: string; refs: Array<{ kind: string; ids: string[] }> }>;
};

describe(`annual ratings (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: Tree;
  let provAgg: LoggedIn, x1Officer: LoggedIn;
  let rows: Row[] = [];
  const row = (code: string) => rows.find((r) => r.code === code) as Row;

  beforeAll(async () => {
    t = await startTestApp(new Date("2026-06-20T03:00:00Z"));
    tree = await buildTree(t);
    const admin = await account(t, tree.province.id, "admin");
    provAgg = await account(t, tree.province.id, "aggregator");
    x1Officer = await account(t, tree.x1.id, "officer");
    const good = "0,0,1,1";
    const poor = "0,0,0,0";
    await importCsv(t, admin.headers, "documents", [
      DOC_HEADER,
      // Xã Kiến Thiết: poor in 2025, good in 2026 (20 % fewer, all digitised and e-sent)
      ...documentRows(tree.x1.code, "2024-03-10", 100, "CV", good), ...documentRows(tree.x1.code, "2025-03-10", 100, "CV", poor), ...documentRows(tree.x1.code, "2026-03-10", 80, "CV", good),
      // Xã Tân Trào: the other way round
      ...documentRows(tree.x2.code, "2024-03-10", 100, "CV", good), ...documentRows(tree.x2.code, "2025-03-10", 80, "CV", good), ...documentRows(tree.x2.code, "2026-03-10", 100, "CV", poor),
      ...documentRows(tree.snv.code, "2025-03-10", 50, "KH", good), ...documentRows(tree.snv.code, "2026-03-10", 40, "KH", good),
    ]);
    const res = await call(t, "GET", `/api/ratings?org=${tree.province.code}&year=2026`, provAgg.headers);
    expect(res.statusCode, res.body).toBe(200);
    rows = (res.json() as { rows: Row[] }).rows;
  }, 180_000);
  afterAll(async () => t.close());

  it("rates the departments and communes of the subtree, each with its peers", async () => {
    expect(rows.map((r) => r.peerGroup)).toEqual(["commune", "commune", "department", "department", "department"]);
    expect(rows.slice(0, 2).map((r) => r.code)).toEqual([tree.x1.code, tree.x2.code]);
    expect(rows.slice(2).map((r) => r.code).sort()).toEqual([tree.partyDept.code, tree.snv.code, tree.syt.code].sort());
    // ranks run from 1 within each group, in order
    expect(rows.slice(2).map((r) => r.rank)).toEqual([...rows.slice(2).map((r) => r.rank)].sort());
    expect(rows.map((r) => r.code)).not.toContain(tree.x1Office.code);
  });

  it("scores each criterion from the records and maps the total to a level of Quy định 366", () => {
    const x1 = row(tree.x1.code);
    // 2026: D1 (20 %), D3, D4, M3, M4, M5, T2 met, and no conference flagged M6, M8, M9; R1 not
    // (three reports unsent: Q1, Q2, six months), M7 not (no annual conference plan issued)
    expect(x1.criteria.find((c) => c.id === "indicators")).toMatchObject({ score: 83.3, basis: "10/12 chỉ tiêu đạt; chưa đạt: R1, M7" });
    expect(x1.criteria.find((c) => c.id === "reports")).toMatchObject({ score: 0, basis: "0/3 báo cáo gửi đúng hạn", refs: [{ kind: "report", ids: [`${tree.x1.code}:2026Q1`, `${tree.x1.code}:2026Q2`, `${tree.x1.code}:2026S1`] }] });
    expect(x1.criteria.find((c) => c.id === "tasks")?.score).toBeNull();
    // (40 × 83,3 + 20 × 0 + 10 × 100) / 70
    expect(x1).toMatchObject({ score: 61.9, rating: "hoan_thanh", ratingLabel: "Hoàn thành nhiệm vụ" });
    const x2 = row(tree.x2.code);
    expect(x2.criteria.find((c) => c.id === "indicators")).toMatchObject({ score: 58.3, basis: "7/12 chỉ tiêu đạt; chưa đạt: D1, D3, D4, R1, M7" });
    // (40 × 58,3 + 20 × 0 + 10 × 100) / 70
    expect(x2).toMatchObject({ score: 47.6, rating: "khong_hoan_thanh" });
  });

  it("ranks within the peer group and explains the change since last year", () => {
    expect(row(tree.x1.code)).toMatchObject({ rank: 1, previousRank: 2, rankChange: 1, changeReason: "Tăng 1 bậc; thay đổi lớn nhất: Chỉ tiêu KL 226 đạt 70 → 83,3 điểm" });
    expect(row(tree.x2.code)).toMatchObject({ rank: 2, previousRank: 1, rankChange: -1, changeReason: "Giảm 1 bậc; thay đổi lớn nhất: Chỉ tiêu KL 226 đạt 100 → 58,3 điểm" });
  });

  it("exports the ranking and its basis as XLSX", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/ratings/export.xlsx?org=${tree.province.code}&year=2026`, headers: provAgg.headers });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Xếp loại", "Căn cứ"]);
    const values: unknown[][] = [];
    wb.getWorksheet("Xếp loại")?.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    expect(values.find((v) => v[4] === tree.x1.code)?.slice(0, 8)).toEqual(["Xã, phường", 1, 2, 1, tree.x1.code, "Xã Kiến Thiết", 61.9, "Hoàn thành nhiệm vụ"]);
    const basis: unknown[][] = [];
    wb.getWorksheet("Căn cứ")?.eachRow((r) => basis.push((r.values as unknown[]).slice(1)));
    expect(basis.find((v) => v[0] === tree.x2.code && String(v[2]).startsWith("Báo cáo"))?.[7]).toBe(`report: ${tree.x2.code}:2026Q1, ${tree.x2.code}:2026Q2, ${tree.x2.code}:2026S1`);
  });

  it("needs a session and a unit in the user's subtree", async () => {
    expect((await t.app.inject({ method: "GET", url: `/api/ratings?org=${tree.province.code}&year=2026` })).statusCode).toBe(401);
    expect((await call(t, "GET", `/api/ratings?org=${tree.province.code}&year=2026`, x1Officer.headers)).statusCode).toBe(403);
  });
});
