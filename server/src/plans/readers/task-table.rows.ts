// Cells of a table → task rows. Every reader (text, XLSX, DOCX) and, later, the
// document-intelligence step (cells split out of OCR'd text) ends here, so the rules for
// headers, repeated headers, continuation rows and headings live in one place.
import { cleanCellText, matchHeader, TASK_COLUMN_TITLES } from "./task-table.columns.js";
import type { ColumnMap } from "./task-table.columns.js";

/** One task row as written in the table (cell text, tags removed, spaces normalised). */
export type RawTaskRow = {
  tt: string;
  content: string;
  lead: string;
  coordinators: string;
  product: string;
  deadline: string;
  /** The row of the source where the task starts (sheet row, table row or line). */
  sourceRow: number;
};

/** Rows read from a file, and what the user should know (Vietnamese). */
export type TaskTableResult = { rows: RawTaskRow[]; warnings: string[] };

/** Options of rowsFromCells. */
export type RowsFromCellsOptions = {
  /** The source row number of each cell row (default: index + 1). */
  rowNumbers?: readonly number[];
};

const FIELDS = ["content", "lead", "coordinators", "product", "deadline"] as const;

/** "1 | 2 | 3 …" or "(1) | (2) …": the column-number row under many Vietnamese headers. */
function isColumnNumberRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== "");
  return filled.length >= 3 && filled.every((c, i) => c.replace(/[()]/g, "") === String(i + 1));
}

const isRoman = (s: string): boolean => /^[IVXLC]+\.?$/.test(s);
/** A task number: "1", "1.2", "a", "b)". */
const isTaskNumber = (s: string): boolean => /^\d+(?:\.\d+)*\.?$|^[a-zđ]\)?$/i.test(s);

/** Find the first header row of a table of cells. */
export function findHeader(cells: readonly (readonly string[])[]): { index: number; map: ColumnMap } | null {
  for (let i = 0; i < cells.length; i++) {
    const map = matchHeader((cells[i] ?? []).map(cleanCellText));
    if (map) return { index: i, map };
  }
  return null;
}

/**
 * Turn a table's cells into task rows: rows above the first header are ignored; repeated
 * header rows (page breaks) and column-number rows are skipped; a row whose TT is empty
 * continues the previous task (a wrapped cell: its texts are appended with a space); a row with
 * no lead, product or deadline whose TT is a Roman numeral or not a task number at all (a
 * heading merged across the row) is a section heading, reported, not a task.
 * Cell text is cleaned (cleanCellText). Never throws: problems become warnings.
 */
export function rowsFromCells(cells: readonly (readonly string[])[], options: RowsFromCellsOptions = {}): TaskTableResult {
  const warnings: string[] = [];
  const header = findHeader(cells);
  if (header === null) {
    return { rows: [], warnings: ["Không tìm thấy dòng tiêu đề của bảng nhiệm vụ (TT, Nội dung công việc, Cơ quan chủ trì, …, Thời hạn)"] };
  }
  const { map } = header;
  for (const col of ["tt", ...FIELDS] as const) {
    if (map[col] < 0) warnings.push(`Bảng không có cột «${TASK_COLUMN_TITLES[col]}»: để trống`);
  }
  const rowNo = (i: number): number => options.rowNumbers?.[i] ?? i + 1;
  const rows: RawTaskRow[] = [];
  for (let i = header.index + 1; i < cells.length; i++) {
    const raw = (cells[i] ?? []).map(cleanCellText);
    const at = (j: number): string => (j >= 0 ? (raw[j] ?? "") : "");
    if (raw.every((c) => c === "") || matchHeader(raw) || isColumnNumberRow(raw)) continue;
    const tt = at(map.tt).replace(/\.$/, "");
    const values = { content: at(map.content), lead: at(map.lead), coordinators: at(map.coordinators), product: at(map.product), deadline: at(map.deadline) };
    if (tt === "") {
      const prev = rows[rows.length - 1];
      if (prev === undefined) {
        warnings.push(`Dòng ${rowNo(i)}: không có số TT và không có nhiệm vụ trước để nối — giữ thành nhiệm vụ không số`);
        rows.push({ tt: "", ...values, sourceRow: rowNo(i) });
        continue;
      }
      for (const f of FIELDS) if (values[f] !== "") prev[f] = prev[f] === "" ? values[f] : `${prev[f]} ${values[f]}`;
      continue;
    }
    if ((isRoman(tt) || !isTaskNumber(tt)) && values.lead === "" && values.product === "" && values.deadline === "") {
      warnings.push(`Dòng ${rowNo(i)}: tiêu đề mục «${[tt, values.content].filter((x) => x !== "").join(". ")}» — không phải nhiệm vụ`);
      continue;
    }
    rows.push({ tt, ...values, sourceRow: rowNo(i) });
  }
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.tt !== "" && seen.has(r.tt)) warnings.push(`Dòng ${r.sourceRow}: số TT «${r.tt}» bị trùng`);
    seen.add(r.tt);
  }
  return { rows, warnings };
}

/** A run of table rows from one source table (a DOCX table, a block of text lines, a sheet). */
export type CellBlock = { cells: string[][]; rowNumbers: number[] };

/**
 * Join the blocks that make up the task table: from the first block holding a header, each
 * following block that starts with a repeated header or is as wide as the header (a table cut
 * by a page break: no row wider, one row as wide — trailing empty cells may be dropped); stops
 * at the first other block. Null when no block has a header.
 */
export function joinTaskBlocks(blocks: readonly CellBlock[]): CellBlock | null {
  const first = blocks.findIndex((b) => findHeader(b.cells) !== null);
  const start = blocks[first];
  if (first < 0 || start === undefined) return null;
  const header = findHeader(start.cells);
  const width = header ? (start.cells[header.index] ?? []).length : 0;
  const out: CellBlock = { cells: [...start.cells], rowNumbers: [...start.rowNumbers] };
  for (const b of blocks.slice(first + 1)) {
    const head = b.cells[0] ?? [];
    const continues = matchHeader(head.map(cleanCellText)) !== null || (b.cells.every((r) => r.length <= width) && b.cells.some((r) => r.length === width));
    if (!continues) break;
    out.cells.push(...b.cells);
    out.rowNumbers.push(...b.rowNumbers);
  }
  return out;
}
