// Task tables in XLSX (exceljs): each worksheet becomes a grid with its merged cells marked.
import ExcelJS from "exceljs";
import type { Grid, GridCell } from "./task-table.grid.js";

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** An XLSX cell value as text: rich text joined, formulas by result, links by text, dates DD/MM/YYYY. */
export function xlsxValueText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // exceljs hands a typed date as a Date whose UTC fields are the day in the sheet
    return Number.isNaN(value.getTime()) ? "" : `${pad2(value.getUTCDate())}/${pad2(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (typeof value === "object") {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if (v.formula !== undefined || v.sharedFormula !== undefined) return xlsxValueText(v.result);
    if (v.text !== undefined) return xlsxValueText(v.text);
    if (v.error !== undefined) return "";
  }
  return String(value);
}

/** Every worksheet of a workbook as a grid (row numbers = sheet rows). */
export async function gridsFromXlsx(content: Buffer): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const grids: Grid[] = [];
  workbook.eachSheet((sheet) => {
    const rows: GridCell[][] = [];
    const rowNumbers: number[] = [];
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: GridCell[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        const isSlave = master.address !== cell.address;
        cells.push({
          text: isSlave ? "" : xlsxValueText(cell.value),
          mergedFrom: isSlave ? { row: Number(master.row) - 1, col: Number(master.col) - 1 } : null,
        });
      }
      rows.push(cells);
      rowNumbers.push(r);
    }
    grids.push({ rows, rowNumbers });
  });
  return grids;
}
