// The task table of an OCR'd appendix whose column separators OCR lost (issue "Document
// intelligence" §1 `tasks`; seed 002): TT | Nội dung | Chủ trì | Phối hợp | Sản phẩm | Thời hạn
// printed side by side, each text line holding a piece of every column still running.
//
// How: rows start at a long line opening with a capital (a new task's text) once a TT mark
// ("3 |", "L5", or the empty TT cell's border "|") has been seen since the last start; each
// line is cut into the six columns (ocr-line-split.ts) by what the cells may hold — unit names
// in the two unit columns, deadline language in the last — by the width of a column, and by the
// "|" OCR kept; a row is kept only when its unit cells read as known units and its deadline as a
// deadline, with one best reading. Rows that fail are left out and listed, never guessed.
// TT is the row's place in the table, kept only when most printed marks agree with it.
import { splitRowLines } from "./ocr-line-split.js";
import type { KnownPair, RowCells } from "./ocr-line-split.js";
import { foldText } from "./fold.js";

/** Cells of the table (header first) for the plans' rowsFromCells, and what was left out. */
export type OcrTaskTable = { cells: string[][]; rowNumbers: number[]; rowsInTable: number; skipped: Array<{ tt: string; line: number; why: string }> };

const HEADER = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm, kết quả", "Thời hạn"];

/** "TT Nội dung công việc … Thời hạn" (OCR: "N§i dung cong viéc … Thoi han"). */
const HEADER_LINE = /^tt\b.{0,30}\bdung\b.*\bth\S{0,2}i\s+han\b/;
/** Its second line: "chủ trì phối hợp quả". */
const HEADER_TAIL = /^[\s;:.,]*(?:ch\S{0,2}\s+tri\s+)?phoi\s+hop\b.{0,12}$/;
/** A printed TT at a line's start: "3 |", "10 x…", "I |", "g |", "L5 …", "17|". */
const TT_MARK = /^\s*(\d{1,2}|[IlLg]\d?)\s*(?:\||\s)/;
/** A task's first line: a capital word, long enough to run across the columns. */
const isRowStart = (line: string): boolean => line.length >= 40 && /^\s*\p{Lu}\p{Ll}/u.test(line);

/** Share of printed TT marks that must read as the row's place (OCR: I → 1, L5 → 15). */
const MIN_MARK_AGREEMENT = 2 / 3;

type RawRow = { start: number; lines: Array<{ no: number; text: string }>; mark: string | null };

/** Read the task table from the appendix text (`text` from `appendixLineNo`, 1-based numbers). */
export function readOcrTaskTable(text: string, firstLineNo: number, planYear: number, knownPair?: KnownPair): OcrTaskTable | null {
  const lines = text.split(/\r?\n/);
  const rows: RawRow[] = [];
  let inTable = false;
  let markSeen = true;
  lines.forEach((line, i) => {
    const no = firstLineNo + i;
    const folded = foldText(line);
    if (HEADER_LINE.test(folded)) {
      inTable = true;
      markSeen = true;
      return;
    }
    if (!inTable || folded === "" || HEADER_TAIL.test(folded)) return;
    const mark = TT_MARK.exec(line);
    const current = rows[rows.length - 1];
    if (mark && current) {
      current.mark ??= mark[1] ?? null;
      current.lines.push({ no, text: line.slice(mark[0].length) });
      markSeen = true;
      return;
    }
    if (/^\s*\|/.test(line)) markSeen = true;
    if (isRowStart(line) && markSeen) {
      rows.push({ start: no, lines: [{ no, text: line }], mark: null });
      markSeen = false;
      return;
    }
    current?.lines.push({ no, text: line });
  });
  if (rows.length === 0) return null;
  const agree = rows.filter((r, i) => r.mark !== null && markNumber(r.mark) === i + 1).length;
  const marks = rows.filter((r) => r.mark !== null).length;
  if (agree < MIN_MARK_AGREEMENT * marks) return null;

  const out: OcrTaskTable = { cells: [HEADER], rowNumbers: [0], rowsInTable: rows.length, skipped: [] };
  rows.forEach((row, i) => {
    const tt = String(i + 1);
    const split = splitRowLines(row.lines.map((l) => l.text), planYear, knownPair);
    if ("why" in split) {
      out.skipped.push({ tt, line: row.start, why: split.why });
      return;
    }
    out.cells.push([tt, ...cellsOf(split)]);
    out.rowNumbers.push(row.start);
  });
  return out;
}

const cellsOf = (r: RowCells): string[] => [r.content, r.lead, r.coordinators, r.product, r.deadline];

/** A printed mark as a number: OCR's I and l for 1, L for 1 ("L5" = 15). */
function markNumber(mark: string): number | null {
  const n = mark.replace(/^[IlL]/, "1");
  return /^\d+$/.test(n) ? Number(n) : null;
}
