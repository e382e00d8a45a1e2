// `leloi parse` reads DOCX (mammoth; header table laid out as on the page, task table through the
// plans reader) and PDF text layers (pdfjs-dist), and refuses what it cannot read, in Vietnamese.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { describe, expect, it } from "vitest";
import { documentText, DocumentReadError } from "../../server/src/intelligence/document-text.js";
import { parseDocument } from "../../server/src/intelligence/parse.service.js";
import { pdfWithText } from "./pdf-fixture.js";

const cell = (...paragraphs: string[]): TableCell => new TableCell({ children: paragraphs.map((p) => new Paragraph(p)) });
const row = (...cells: TableCell[]): TableRow => new TableRow({ children: cells });

async function departmentPlanDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Table({
            rows: [
              row(cell("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "SỞ NỘI VỤ"), cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")),
              row(cell("Số: 15/KH-SNV"), cell("Thái Nguyên, ngày 20 tháng 5 năm 2026")),
            ],
          }),
          new Paragraph(""),
          new Paragraph("KẾ HOẠCH"),
          new Paragraph("Thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư"),
          new Paragraph(""),
          new Paragraph("Căn cứ Kế hoạch số 498/KH-UBND ngày 24/4/2026 của UBND tỉnh, Sở Nội vụ ban hành Kế hoạch như sau:"),
          new Paragraph("1. Hằng năm giảm tối thiểu 15% số lượng văn bản hành chính ban hành so với năm trước."),
          new Paragraph("2. Số lượng hội nghị trực tuyến chiếm không ít hơn 60% tổng số hội nghị trong năm."),
          new Paragraph(""),
          new Paragraph("Nơi nhận:"),
          new Paragraph("- UBND tỉnh (để b/c);"),
          new Paragraph("- Các phòng thuộc Sở;"),
          new Paragraph("- Lưu: VT, VP."),
          new Paragraph(""),
          new Paragraph("KT. GIÁM ĐỐC"),
          new Paragraph("PHÓ GIÁM ĐỐC"),
          new Paragraph(""),
          new Paragraph("Trần Văn Bình"),
          new Paragraph("PHỤ LỤC"),
          new Table({
            rows: [
              row(cell("TT"), cell("Nội dung công việc"), cell("Cơ quan chủ trì"), cell("Cơ quan phối hợp"), cell("Sản phẩm"), cell("Thời hạn")),
              row(cell("1"), cell("Rà soát quy chế làm việc của Sở"), cell("Văn phòng Sở"), cell("Các phòng"), cell("Quy chế sửa đổi"), cell("Quý III/2026")),
              row(cell("2"), cell("Tổ chức hội nghị trực tuyến"), cell("Phòng Tổ chức"), cell(""), cell("Báo cáo"), cell("Thường xuyên")),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe("document formats", () => {
  it("DOCX: header table, body, closing block and the appendix's task table", async () => {
    const parsed = await parseDocument(await documentText("ke-hoach.docx", await departmentPlanDocx()));
    expect(parsed.issuer).toEqual({ name: "SỞ NỘI VỤ", parent: "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" });
    expect(parsed.number).toBe("15/KH-SNV");
    expect(parsed.type).toEqual({ code: "KH", name: "Kế hoạch" });
    expect(parsed.place).toBe("Thái Nguyên");
    expect(parsed.date).toBe("2026-05-20");
    expect(parsed.subject).toBe("Thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư");
    expect(parsed.references.map((r) => r.number)).toEqual(["226-KL/TW", "498/KH-UBND"]);
    expect(parsed.targets.map((t) => [t.percent, t.direction, t.indicator])).toEqual([
      [15, "decrease", "D1"],
      [60, "at_least", "M2"],
    ]);
    expect(parsed.distribution).toEqual(["UBND tỉnh (để b/c)", "Các phòng thuộc Sở", "Lưu: VT, VP"]);
    expect(parsed.signer).toEqual({ name: "Trần Văn Bình", position: "PHÓ GIÁM ĐỐC", onBehalf: ["KT. GIÁM ĐỐC"] });
    expect(parsed.tasks.map((t) => [t.tt, t.lead, t.deadline])).toEqual([
      ["1", "Văn phòng Sở", "Quý III/2026"],
      ["2", "Phòng Tổ chức", "Thường xuyên"],
    ]);
    expect(parsed.source).toEqual({ fileName: "ke-hoach.docx", format: "docx" });
  });

  it("PDF: the text layer of seed 000's first page reads like the TXT", async () => {
    const seed = readFileSync(join(import.meta.dirname, "..", "fixtures", "seeds", "000_0acd55e50ef2e5ac.txt"), "utf8");
    const lines = seed.split("\n").slice(0, 40);
    const doc = await documentText("426-UBND-NC.pdf", pdfWithText(lines));
    // pdf.js gives the lines (spaces collapsed) and the blank lines back from the vertical gaps.
    const tidy = (ls: readonly string[]): string[] => ls.map((l) => l.replace(/\s+/g, " ").trim());
    expect(tidy(doc.text.split("\n").slice(0, 12))).toEqual(tidy(lines.slice(0, 12)));
    const parsed = await parseDocument(doc);
    expect(parsed.number).toBe("426/UBND-NC");
    expect(parsed.type?.code).toBe("CV");
    expect(parsed.issuer?.name).toBe("UY BAN NHAN DAN TINH THAI NGUYEN");
    expect(parsed.recipients).toEqual(["Céc sd, ban, nganh, don vi thudc tinh", "UBND céc xa, phuong"]);
    expect(parsed.references.map((r) => r.number)).toContain("07/CT-UBND");
  });

  it("refuses an unknown format and a PDF without text layer, in Vietnamese", async () => {
    await expect(documentText("bang.xlsx", Buffer.from("x"))).rejects.toThrow(/Không hỗ trợ định dạng/);
    await expect(documentText("scan.pdf", pdfWithText([]))).rejects.toBeInstanceOf(DocumentReadError);
    await expect(documentText("scan.pdf", pdfWithText([]))).rejects.toThrow(/không có lớp văn bản/);
  });
});
