// Helpers of the import tests: fixture paths, XLSX files written with exceljs, multipart bodies.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

/** A fixture of test/fixtures/imports. */
export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url));

/** A fresh temporary folder for files written by a test. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), "leloi-imports-"));

/** Writes an XLSX file with one sheet: the first row is the header. Cells keep their JS type
 * (Date, number, boolean, string), as a spreadsheet would store them. */
export async function writeXlsx(path: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Dữ liệu");
  for (const row of rows) sheet.addRow(row);
  // date cells need a date format, else Excel (and exceljs) read back a serial number
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (cell.value instanceof Date) cell.numFmt = "dd/mm/yyyy hh:mm";
  }));
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Writes a CSV file from lines. */
export function writeCsv(path: string, lines: string[]): string {
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** A multipart/form-data body with one file in the field `file`, for app.inject. */
export function multipart(fileName: string, content: Buffer | string, field = "file"): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----leloi-test-boundary";
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** A wall-clock time as exceljs stores it: the UTC fields hold the local time typed in the sheet. */
export const sheetTime = (y: number, mo: number, d: number, h = 0, mi = 0): Date => new Date(Date.UTC(y, mo - 1, d, h, mi));
