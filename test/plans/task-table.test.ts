import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTaskTable, rowsFromCells } from "../../server/src/plans/readers/task-table.reader.js";
import type { RawTaskRow } from "../../server/src/plans/readers/task-table.reader.js";
import { writeTaskTableDocx, writeTaskTableXlsx } from "../../server/src/plans/readers/task-table.writer.js";

const dir = join(import.meta.dirname, "..", "fixtures", "plans");
const fixture = (name: string): Buffer => readFileSync(join(dir, name));
const expected = JSON.parse(fixture("seed-004-tasks.expected.json").toString("utf8")) as RawTaskRow[];
const withoutSourceRow = (rows: RawTaskRow[]) => rows.map(({ sourceRow: _s, ...r }) => r);

describe("readTaskTable — seed 004's appendix (14 tasks, every field)", () => {
  it("reads the seed text (TSV inside Markdown, header repeated, <b>/<i> tags) as the hand-written expectation", async () => {
    const r = await readTaskTable({ fileName: "seed-004.txt", content: fixture("seed-004-kh-153a-cam-giang.txt") });
    expect(r.warnings).toEqual([]);
    expect(r.rows).toEqual(expected);
  });

  it("reads the same text handed over as a string with a .md name", async () => {
    const r = await readTaskTable({ fileName: "KH-153a.MD", content: fixture("seed-004-kh-153a-cam-giang.txt").toString("utf8") });
    expect(r.rows).toEqual(expected);
  });

  it("reads the XLSX fixture (titles, column numbers, wrapped row, repeated header, merged lead, rich text)", async () => {
    const r = await readTaskTable({ fileName: "seed-004-tasks.xlsx", content: fixture("seed-004-tasks.xlsx") });
    expect(r.warnings).toEqual([]);
    expect(withoutSourceRow(r.rows)).toEqual(withoutSourceRow(expected));
    // sheet rows: header on 4, numbers on 5, task 2 wraps over 7–8, header again on 11
    expect(r.rows.map((x) => x.sourceRow)).toEqual([6, 7, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
  });

  it("reads the DOCX fixture (table split in three, header repeated once, rowSpan lead, italic runs)", async () => {
    const r = await readTaskTable({ fileName: "seed-004-tasks.docx", content: fixture("seed-004-tasks.docx") });
    expect(r.warnings).toEqual([]);
    expect(withoutSourceRow(r.rows)).toEqual(withoutSourceRow(expected));
  });

  it("reads a Markdown pipe table of the same rows (with ** and <br>)", async () => {
    const md = [
      "# Phụ lục", "",
      "| **STT** | **Nội dung nhiệm vụ** | **Đơn vị chủ trì** | **Phối hợp** | **Kết quả** | **Thời gian hoàn thành** |",
      "|:-:|---|---|---|---|---|",
      ...expected.map((r) => `| ${r.tt} | ${r.content} | ${r.lead} | ${r.coordinators} | ${r.product.replace("; báo cáo", ";<br>báo cáo")} | ${r.deadline} |`),
      "", "Nơi nhận: …",
    ].join("\n");
    const r = await readTaskTable({ fileName: "plan.md", content: md });
    const want = withoutSourceRow(expected).map((x) => ({ ...x, product: x.product.replace("; báo cáo", ";\nbáo cáo") }));
    expect(withoutSourceRow(r.rows)).toEqual(want);
    expect(r.rows[0]?.sourceRow).toBe(5);
  });
});

describe("task table export (round trip)", () => {
  const rows = [...expected, { ...expected[0], tt: "15", lead: "Sở Nội vụ\nSở Tư pháp", coordinators: "Không", sourceRow: 0 } as RawTaskRow];

  it("XLSX: write, read back, equal (line breaks kept)", async () => {
    const buf = await writeTaskTableXlsx(rows, { title: "PHÂN CÔNG NHIỆM VỤ" });
    const back = await readTaskTable({ fileName: "out.xlsx", content: buf });
    expect(back.warnings).toEqual([]);
    expect(withoutSourceRow(back.rows)).toEqual(withoutSourceRow(rows));
  });

  it("DOCX: write, read back, equal (line breaks kept)", async () => {
    const buf = await writeTaskTableDocx(rows, { title: "PHÂN CÔNG NHIỆM VỤ CỤ THỂ" });
    const back = await readTaskTable({ fileName: "out.docx", content: buf });
    expect(back.warnings).toEqual([]);
    expect(withoutSourceRow(back.rows)).toEqual(withoutSourceRow(rows));
    expect(buf.toString("latin1")).toContain("PK"); // a zip container
  });

  it("XLSX uses Times New Roman", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeTaskTableXlsx(rows.slice(0, 1))) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getCell("B2").font?.name).toBe("Times New Roman");
  });

  it("DOCX uses Times New Roman", async () => {
    // jszip: present as a dependency of docx, mammoth and exceljs
    const buf = await writeTaskTableDocx(rows.slice(0, 1), { title: "T" });
    const { default: JSZip } = await import("jszip");
    const xml = await (await JSZip.loadAsync(buf)).file("word/styles.xml")?.async("string");
    expect(xml).toContain("Times New Roman");
  });
});

describe("rowsFromCells — the entry point for OCR'd tables", () => {
  const header = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời hạn"];

  it("continues a task on rows without TT, skips headings, column numbers and repeated headers", () => {
    const r = rowsFromCells([
      ["PHỤ LỤC", "", "", "", "", ""],
      header,
      ["1", "2", "3", "4", "5", "6"],
      ["I", "VĂN BẢN", "", "", "", ""],
      ["1.", "Cắt giảm văn bản", "Các sở, ban,", "Sở Nội vụ", "Báo cáo", "Hằng năm,"],
      ["", "hành chính", "ngành tỉnh", "", "", "từ 2026"],
      header,
      ["2", "Hội nghị trực tuyến", "Văn phòng UBND tỉnh", "", "Tỷ lệ ≥ 60%", "Năm 2026"],
    ]);
    expect(r.rows).toEqual([
      { tt: "1", content: "Cắt giảm văn bản hành chính", lead: "Các sở, ban, ngành tỉnh", coordinators: "Sở Nội vụ", product: "Báo cáo", deadline: "Hằng năm, từ 2026", sourceRow: 5 },
      { tt: "2", content: "Hội nghị trực tuyến", lead: "Văn phòng UBND tỉnh", coordinators: "", product: "Tỷ lệ ≥ 60%", deadline: "Năm 2026", sourceRow: 8 },
    ]);
    expect(r.warnings).toEqual(["Dòng 4: tiêu đề mục «I. VĂN BẢN» — không phải nhiệm vụ"]);
  });

  it("matches header wordings loosely and in any column order", () => {
    const r = rowsFromCells([
      ["Thời gian hoàn thành", "Nhiệm vụ", "Đơn vị chủ trì", "Cơ quan phối hợp", "Sản phẩm, kết quả", "TT"],
      ["Quý IV/2026", "Ban hành quy chế", "Văn phòng", "Không", "Quy chế", "1"],
    ]);
    expect(r.rows[0]).toMatchObject({ tt: "1", content: "Ban hành quy chế", lead: "Văn phòng", deadline: "Quý IV/2026" });
  });

  it("reports a missing header and missing columns instead of throwing", () => {
    expect(rowsFromCells([["a", "b"], ["1", "x"]])).toEqual({ rows: [], warnings: [expect.stringContaining("Không tìm thấy dòng tiêu đề")] });
    const r = rowsFromCells([["TT", "Nội dung", "Chủ trì", "Thời hạn"], ["1", "Việc", "Sở Nội vụ", "Năm 2026"], ["1", "Việc khác", "Sở Tư pháp", "Năm 2026"]]);
    expect(r.rows).toHaveLength(2);
    expect(r.warnings).toEqual([
      "Bảng không có cột «Cơ quan phối hợp»: để trống",
      "Bảng không có cột «Sản phẩm, kết quả»: để trống",
      "Dòng 3: số TT «1» bị trùng",
    ]);
  });

  it("an unsupported or unreadable file gives a warning, not an exception", async () => {
    expect((await readTaskTable({ fileName: "plan.pdf", content: Buffer.from("%PDF") })).warnings[0]).toContain("Không hỗ trợ định dạng");
    expect((await readTaskTable({ fileName: "broken.xlsx", content: Buffer.from("not a zip") })).warnings[0]).toContain("Không đọc được tệp");
  });
});
