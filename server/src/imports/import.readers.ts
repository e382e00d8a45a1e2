// Streaming readers: a CSV or XLSX file becomes a header mapping and then batches of rows, so a
// file of a million rows never sits in memory whole.
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { extname } from "node:path";
import { AppError } from "../errors.js";
import { mapHeader, type HeaderMapping, type ImportKind } from "./import.columns.js";
import { isBlank, textOf, type Cell } from "./import.cells.js";
import { CsvSplitter, CsvSyntaxError } from "./csv-splitter.js";

export type FileFormat = "csv" | "xlsx";

/** A data row: `rowNumber` counts data rows from 1 (the row under the header is 1). */
export type SourceRecord = { rowNumber: number; cells: Cell[] };

/** An opened table: its header mapping, then its data rows in batches. */
export type OpenedTable<K extends ImportKind> = { header: HeaderMapping<K>; records: AsyncGenerator<SourceRecord[]> };

/** Rows per batch handed from a reader to the import loop. */
const BATCH_ROWS = 1_000;

type PhysicalRow = { line: number; cells: Cell[] };

/** The format of a file by its extension; anything else is refused. */
export function formatOf(fileName: string): FileFormat {
  const ext = extname(fileName).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".xlsx") return "xlsx";
  throw new AppError("VALIDATION", `Chỉ nhận tệp .csv hoặc .xlsx (tệp "${fileName}")`);
}

/** The delimiter of the header line: Excel saves "CSV" with ";" where "," is the decimal mark. */
function detectDelimiter(head: string): string {
  const end = head.indexOf("\n");
  const line = end < 0 ? head : head.slice(0, end);
  const count = (c: string) => line.split(c).length - 1;
  const candidates = [",", ";", "\t"].map((d) => ({ d, n: count(d) }));
  const best = candidates.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ",";
}

async function* readCsv(input: Readable): AsyncGenerator<PhysicalRow[]> {
  const decoder = new StringDecoder("utf8");
  let splitter: CsvSplitter | undefined;
  let line = 0;
  const numbered = (records: string[][]): PhysicalRow[] => records.map((cells) => ({ line: ++line, cells }));
  try {
    for await (const chunk of input) {
      let text = decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      // Excel's plain "CSV" is saved in the Windows code page: its diacritics would be lost
      if (text.includes("\uFFFD")) throw fileError("tệp CSV không ở mã UTF-8; hãy lưu lại bằng \"CSV UTF-8\"");
      if (!splitter) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        splitter = new CsvSplitter(detectDelimiter(text));
      }
      const records = splitter.push(text);
      if (records.length > 0) yield numbered(records);
    }
    const last = (splitter ?? new CsvSplitter(",")).push(decoder.end(), true);
    if (last.length > 0) yield numbered(last);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      const message = `row ${error.record - 1}: ${error.message}`;
      throw new AppError("IMPORT_INVALID", `Tệp CSV không đúng định dạng: ${message}`, { errors: [message], errorCount: 1 });
    }
    throw error;
  }
}

/** An XLSX cell value as a plain Cell: rich text joined, formulas by their result, links by text. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if (v.formula !== undefined || v.sharedFormula !== undefined) return cellOf(v.result);
    if (v.text !== undefined) return cellOf(v.text);
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}

/** IMPORT_INVALID for a file that cannot be read at all (`file: reason`). */
function fileError(reason: string): AppError {
  const message = `file: ${reason}`;
  return new AppError("IMPORT_INVALID", `Không đọc được tệp: ${reason}`, { errors: [message], errorCount: 1 });
}

async function* readXlsx(input: Readable): AsyncGenerator<PhysicalRow[]> {
  try {
    yield* readXlsxRows(input);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError("không phải tệp XLSX hợp lệ (Excel 2007 trở lên)");
  }
}

async function* readXlsxRows(input: Readable): AsyncGenerator<PhysicalRow[]> {
  // loaded on first use: a third of a second that a CSV import (and its reading thread) never pays
  const { default: ExcelJS } = await import("exceljs");
  // styles are cached so that date-formatted cells arrive as Dates rather than serial numbers
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "emit" });
  for await (const sheet of workbook) {
    let batch: PhysicalRow[] = [];
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
      batch.push({ line: row.number, cells });
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return; // the first worksheet only
  }
}

/**
 * Opens a table: skips blank lines above the header, maps the header (throwing IMPORT_INVALID
 * with `header: column: reason` lines when a required column is missing), then yields the
 * non-blank data rows numbered from the header (CSV: by record; XLSX: by sheet row).
 */
export async function openTable<K extends ImportKind>(kind: K, input: Readable, format: FileFormat): Promise<OpenedTable<K>> {
  const batches = format === "csv" ? readCsv(input) : readXlsx(input);
  let headerRow: PhysicalRow | undefined;
  let rest: PhysicalRow[] = [];
  while (!headerRow) {
    const next = await batches.next();
    if (next.done) break;
    const at = next.value.findIndex((row) => !row.cells.every(isBlank));
    if (at >= 0) {
      headerRow = next.value[at];
      rest = next.value.slice(at + 1);
    }
  }
  if (!headerRow) throw new AppError("IMPORT_INVALID", "Tệp trống: không có dòng tiêu đề", { errors: ["header: tệp trống, không có dòng tiêu đề"], errorCount: 1 });
  const header = mapHeader(kind, headerRow.cells.map(textOf));
  if (header.problems.length > 0) {
    await batches.return(undefined);
    throw new AppError("IMPORT_INVALID", "Dòng tiêu đề không đúng mẫu", { errors: header.problems, errorCount: header.problems.length });
  }
  const headerLine = headerRow.line;
  const dataOf = (rows: PhysicalRow[]): SourceRecord[] => {
    const out: SourceRecord[] = [];
    for (const { line, cells } of rows) if (!cells.every(isBlank)) out.push({ rowNumber: line - headerLine, cells });
    return out;
  };
  async function* records(): AsyncGenerator<SourceRecord[]> {
    if (rest.length > 0) yield dataOf(rest);
    for await (const rows of batches) yield dataOf(rows);
  }
  return { header, records: records() };
}
