// Header-only templates of each import, "Vietnamese [english]" per column: filled in and
// uploaded as they are, they import cleanly (mapHeader reads both halves).
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, templateHeaders, type ImportKind } from "./import.columns.js";
import { csvLine } from "./import.cells.js";

const UTF8_BOM = "\uFEFF";

/** The CSV template; the BOM makes Excel open it as UTF-8. */
export function csvTemplate(kind: ImportKind): string {
  return UTF8_BOM + csvLine(templateHeaders(kind));
}

/** The XLSX template: one sheet, a bold header row, required columns marked in a note. */
export async function xlsxTemplate(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind);
  const header = sheet.addRow(templateHeaders(kind));
  header.font = { bold: true };
  IMPORT_COLUMNS[kind].forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(14, c.vi.length + c.name.length + 4);
    if (c.required) header.getCell(i + 1).note = "Bắt buộc";
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
