// Export of a task table in the layout it is read in (kl226-rules.md §5): the six columns
// TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm, kết quả | Thời hạn,
// Times New Roman as in Vietnamese administrative documents (Nghị định 30/2020). A cell's
// "\n" becomes a line break (XLSX, wrapped) or a paragraph (DOCX), and reads back as "\n".
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import ExcelJS from "exceljs";
import { TASK_COLUMN_TITLES, TASK_COLUMNS } from "./task-table.columns.js";
import type { TaskColumn } from "./task-table.columns.js";

/** What the writers need of a row (RawTaskRow fits; sourceRow is not written). */
export type TaskTableRowOut = Record<TaskColumn, string>;

const FONT = "Times New Roman";
/** Relative column widths: content and product get the room. */
const WIDTHS: Record<TaskColumn, number> = { tt: 6, content: 50, lead: 24, coordinators: 24, product: 36, deadline: 16 };

/**
 * The task table as an XLSX workbook (one sheet "Phân công nhiệm vụ"; optional title in a
 * merged first row): bold header, thin borders, wrapped text, Times New Roman 12; a numeric TT
 * is written as a number.
 */
export async function writeTaskTableXlsx(rows: readonly TaskTableRowOut[], options: { title?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Phân công nhiệm vụ", { pageSetup: { orientation: "landscape", paperSize: 9 } });
  sheet.columns = TASK_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c] }));
  const border = { style: "thin" as const };
  const style = (row: ExcelJS.Row, bold: boolean) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT, size: 12, bold };
      cell.alignment = { wrapText: true, vertical: "top", horizontal: bold ? "center" : "left" };
      cell.border = { top: border, left: border, bottom: border, right: border };
    });
  };
  if (options.title) {
    const t = sheet.addRow([options.title]);
    sheet.mergeCells(t.number, 1, t.number, TASK_COLUMNS.length);
    t.getCell(1).font = { name: FONT, size: 14, bold: true };
    t.getCell(1).alignment = { horizontal: "center", wrapText: true };
  }
  style(sheet.addRow(TASK_COLUMNS.map((c) => TASK_COLUMN_TITLES[c])), true);
  for (const r of rows) {
    const values = TASK_COLUMNS.map((c) => (c === "tt" && /^\d+$/.test(r.tt) ? Number(r.tt) : r[c]));
    style(sheet.addRow(values), false);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Landscape A4 leaves about 13,900 twips between the margins; share them by WIDTHS. */
const TEXT_WIDTH_TWIPS = 13_900;
const WIDTH_TOTAL = TASK_COLUMNS.reduce((n, c) => n + WIDTHS[c], 0);
const twipsOf = (c: TaskColumn): number => Math.round((WIDTHS[c] / WIDTH_TOTAL) * TEXT_WIDTH_TWIPS);

const cellOf = (text: string, column: TaskColumn, bold: boolean): TableCell =>
  new TableCell({
    width: { size: twipsOf(column), type: WidthType.DXA },
    children: (text === "" ? [""] : text.split("\n")).map(
      (line) => new Paragraph({
        alignment: bold || column === "tt" ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: line, bold, font: FONT })],
      }),
    ),
  });

/**
 * The task table as a DOCX document: the title (bold, centred), then the six-column table
 * whose header row repeats on every page; A4 landscape, Times New Roman 13.
 */
export async function writeTaskTableDocx(rows: readonly TaskTableRowOut[], options: { title: string }): Promise<Buffer> {
  const header = new TableRow({ tableHeader: true, children: TASK_COLUMNS.map((c) => cellOf(TASK_COLUMN_TITLES[c], c, true)) });
  const body = rows.map((r) => new TableRow({ children: TASK_COLUMNS.map((c) => cellOf(r[c], c, false)) }));
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [{
      properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: options.title, bold: true, font: FONT, size: 28 })] }),
        new Table({ width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA }, columnWidths: TASK_COLUMNS.map(twipsOf), rows: [header, ...body] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
