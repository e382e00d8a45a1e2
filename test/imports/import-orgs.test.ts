import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../server/src/errors.js";
import { importFile } from "../../server/src/imports/import.service.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { fixture, tempDir, writeCsv, writeXlsx } from "./import-files.js";

const HEADER = "code,name,parent_code,level,bloc,valid_from,valid_to,merged_from";

describe(`imports of org units (${TEST_ENGINE})`, () => {
  let t: TestApp;
  const dir = tempDir();
  let fileNo = 0;
  const csv = (lines: string[]) => writeCsv(join(dir, `orgs-${++fileNo}.csv`), lines);
  const links = async (code: string) => {
    const id = t.ctx.orgs.byCode(code)?.id ?? -1;
    const rows = await t.ctx.handle.db
      .selectFrom("org_predecessors as p")
      .innerJoin("org_units as o", "o.id", "p.predecessor_id")
      .select(["o.code", "p.kind", "p.share"])
      .where("p.org_id", "=", id)
      .orderBy("o.code")
      .execute();
    return rows.map((r) => `${r.code}:${r.kind}:${r.share}`);
  };
  const failure = async (path: string) => {
    const error = await importFile(t.ctx, { kind: "orgs", filePath: path, user: null }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("IMPORT_INVALID");
    return ((error as AppError).details as { errors: string[] }).errors;
  };
  const orgCount = async () => (await t.ctx.handle.db.selectFrom("org_units").select("id").execute()).length;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it("builds a tree whose parents and predecessors come later in the file", async () => {
    const result = await importFile(t.ctx, { kind: "orgs", filePath: fixture("orgs.csv"), user: null });
    expect(result).toMatchObject({ rows: 7, inserted: 7, updated: 0 });
    // the directory was refreshed: the new units are known at once
    const tinh = t.ctx.orgs.byCode("TINH");
    expect(tinh).toMatchObject({ parent_id: null, level: "province", bloc: "state" });
    expect(t.ctx.orgs.byCode("XA_MOI")).toMatchObject({ parent_id: tinh?.id, valid_from: "2025-07-01", valid_to: null });
    expect(t.ctx.orgs.byCode("XA_CU1")).toMatchObject({ valid_from: "2020-01-01", valid_to: "2025-06-30" });
    expect(await links("XA_MOI")).toEqual(["XA_CU1:merge:1", "XA_CU2:merge:1"]);
    expect(t.ctx.orgs.predecessorLinks()).toHaveLength(2);
  });

  it("re-importing changes nothing; a moved unit is updated and links restated are replaced", async () => {
    expect(await importFile(t.ctx, { kind: "orgs", filePath: fixture("orgs.csv"), user: null })).toMatchObject({ rows: 7, inserted: 0, updated: 0 });
    const path = csv([HEADER, "XA_C,Xã C,SNV,commune,state,,,", "XA_MOI,Xã Mới,TINH,commune,state,2025-07-01,,XA_CU1"]);
    expect(await importFile(t.ctx, { kind: "orgs", filePath: path, user: null })).toMatchObject({ rows: 2, inserted: 0, updated: 1 });
    expect(t.ctx.orgs.byCode("XA_C")?.parent_id).toBe(t.ctx.orgs.byCode("SNV")?.id);
    expect(await links("XA_MOI")).toEqual(["XA_CU1:merge:1"]);
  });

  it("reads Vietnamese headers from XLSX and the split_from extension", async () => {
    const path = await writeXlsx(join(dir, "orgs.xlsx"), [
      ["Mã", "Tên", "Mã cấp trên", "Cấp", "Khối", "Hiệu lực từ", "Tách từ"],
      ["XA_D", "Xã D", "TINH", "commune", "state", "01/07/2025", "XA_B:0.4"],
      ["XA_E", "Xã E", "TINH", "Commune", "STATE", null, "XA_B:0,6"],
    ]);
    expect(await importFile(t.ctx, { kind: "orgs", filePath: path, user: null })).toMatchObject({ rows: 2, inserted: 2 });
    expect(await links("XA_D")).toEqual(["XA_B:split:0.4"]);
    expect(await links("XA_E")).toEqual(["XA_B:split:0.6"]);
    expect(t.ctx.orgs.byCode("XA_D")?.valid_from).toBe("2025-07-01");
  });

  it("refuses cycles, unknown codes and impossible links, writing nothing", async () => {
    const before = await orgCount();
    expect(await failure(csv([HEADER, "N1,Một,N2,commune,state,,,", "N2,Hai,N1,commune,state,,,"]))).toEqual([
      "row 1: parent_code: tạo vòng lặp cấp trên (N1 → N2 → N1)",
      "row 2: parent_code: tạo vòng lặp cấp trên (N1 → N2 → N1)",
    ]);
    // moving an existing unit under its own descendant is a cycle too
    expect(await failure(csv([HEADER, "TINH,Tỉnh Thử Nghiệm,XA_B,province,state,,,"]))).toEqual([
      "row 1: parent_code: tạo vòng lặp cấp trên (TINH → XA_B → TINH)",
    ]);
    expect(await failure(csv([
      HEADER,
      "N3,Ba,KHONG_CO,commune,state,,,",
      "N4,Bốn,TINH,xã,state,,,",
      "N5,Năm,TINH,commune,state,2026-01-01,2025-01-01,",
      "N6,Sáu,TINH,commune,state,,,XA_CU2;KHONG_CO",
      "N7,Bảy,TINH,commune,state,,,XA_CU1",
      "N7,Bảy lần hai,TINH,commune,state,,,",
    ]))).toEqual([
      'row 1: parent_code: không tìm thấy đơn vị có mã "KHONG_CO"',
      expect.stringMatching(/^row 2: level: "xã" không hợp lệ/),
      "row 3: valid_to: trước ngày hiệu lực từ",
      'row 4: merged_from: không tìm thấy đơn vị có mã "KHONG_CO"',
      'row 5: merged_from: đơn vị "XA_CU1" đã hợp nhất vào một đơn vị thì không thể là tiền thân của đơn vị khác',
      "row 6: code: trùng với dòng 5",
    ]);
    const split = "code,name,parent_code,level,bloc,split_from";
    expect(await failure(csv([split, "N8,Tám,TINH,commune,state,XA_B:0.5"]))).toEqual([
      'row 1: split_from: tổng tỷ lệ chia tách từ "XA_B" vượt quá 1 (1.5)',
    ]);
    expect(await failure(csv([split, "N9,Chín,TINH,commune,state,XA_B:1.5;XA_C"]))).toEqual([
      expect.stringMatching(/^row 1: split_from: "XA_B:1.5" không đúng dạng/),
      expect.stringMatching(/^row 1: split_from: "XA_C" không đúng dạng/),
    ]);
    expect(await orgCount()).toBe(before);
  });
});
