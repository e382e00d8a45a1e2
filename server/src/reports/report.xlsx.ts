// The report's statistical tables as an Excel workbook: one sheet per table (documents by type,
// conferences, digital transformation, tasks, indicators, per-unit breakdown), numbers kept as
// numbers, Times New Roman as the exported Word document.
import ExcelJS from "exceljs";
import { COMBINED_SUFFIX, figureTables, indicatorTable, type ReportDocument, type ReportTable } from "./report.document.js";

const FONT = "Times New Roman";
const SHEET_NAMES = ["Văn bản", "Hội nghị", "Chuyển đổi số", "Nhiệm vụ", "Theo đơn vị"];

function addTable(wb: ExcelJS.Workbook, name: string, t: ReportTable, heading: string[]): void {
  const sheet = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: "portrait" } });
  sheet.columns = t.header.map((_, i) => ({ width: i === 0 ? 44 : i === 1 && t.header.length === 5 ? 60 : 18 }));
  for (const h of heading) {
    const r = sheet.addRow([h]);
    sheet.mergeCells(r.number, 1, r.number, t.header.length);
    r.getCell(1).font = { name: FONT, size: 12, bold: true };
  }
  const titleRow = sheet.addRow([t.title]);
  sheet.mergeCells(titleRow.number, 1, titleRow.number, t.header.length);
  titleRow.getCell(1).font = { name: FONT, size: 13, bold: true };
  const border = { style: "thin" as const };
  const style = (row: ExcelJS.Row, bold: boolean) => row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.font = { name: FONT, size: 12, bold };
    cell.border = { top: border, left: border, bottom: border, right: border };
    cell.alignment = { wrapText: true, vertical: "top", horizontal: bold ? "center" : col === 1 ? "left" : "right" };
    if (typeof cell.value === "number") cell.numFmt = Number.isInteger(cell.value) ? "#,##0" : "#,##0.0";
  });
  style(sheet.addRow(t.header), true);
  for (const r of t.rows) style(sheet.addRow(r.map((v) => (v === null ? "—" : v))), false);
}

/** The XLSX bytes of a report's tables. */
export async function writeReportXlsx(d: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "leloi";
  const heading = [d.issuerName, `${d.combined ? "Báo cáo tổng hợp" : "Báo cáo"} ${d.content.periodName}${d.draft ? " (dự thảo)" : ""}`, `Số liệu từ ${d.content.range.start.split("-").reverse().join("/")} đến trước ${d.content.range.end.split("-").reverse().join("/")}`];
  figureTables(d.content.figures, d.content.breakdown, d.combined ? COMBINED_SUFFIX : "").forEach((t, i) => addTable(wb, SHEET_NAMES[i] ?? `Bảng ${i + 1}`, t, heading));
  addTable(wb, "Chỉ tiêu KL 226", indicatorTable(d.content), heading);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
