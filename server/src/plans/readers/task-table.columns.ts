// The columns of a plan's task table ("Phụ lục phân công nhiệm vụ", kl226-rules.md §5):
// TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm, kết quả | Thời hạn.
// Header wording varies between plans, so each column is recognised loosely on folded text.
import { foldDiacritics } from "../../domain/normalize.js";

/** The six fields of a task row. */
export type TaskColumn = "tt" | "content" | "lead" | "coordinators" | "product" | "deadline";

/** Column order of the table as written back (XLSX/DOCX export). */
export const TASK_COLUMNS: readonly TaskColumn[] = ["tt", "content", "lead", "coordinators", "product", "deadline"];

/** Header texts written on export. */
export const TASK_COLUMN_TITLES: Readonly<Record<TaskColumn, string>> = {
  tt: "TT",
  content: "Nội dung công việc",
  lead: "Cơ quan chủ trì",
  coordinators: "Cơ quan phối hợp",
  product: "Sản phẩm, kết quả",
  deadline: "Thời hạn",
};

/**
 * Loose header patterns on folded text; the lead is tried before the coordinators. A little
 * OCR noise is tolerated (seed 002: "Néi dung", "chi tri", "San pha!n/Ket qua", "Théi han").
 */
const HEADER_PATTERNS: Array<[TaskColumn, RegExp]> = [
  ["tt", /^(?:s?tt|so tt|so thu tu)\.?$/],
  ["content", /^(?:n\S{0,2}i dung(?: (?:cong viec|nhiem vu|cong tac|thuc hien))?|(?:ten )?(?:cong viec|nhiem vu)(?: cu the)?)\b/],
  ["lead", /^(?:(?:co quan|don vi) )?(?:chu tri|tham muu|thuc hien)(?: (?:thuc hien|tham muu))?$|ch[uiy] tri/],
  ["coordinators", /phoi hop/],
  ["product", /^(?:s\S{0,3} ph\S*|san pham|ket qua)/],
  ["deadline", /^(?:th\S{0,2}i han|thoi gian(?: (?:hoan thanh|thuc hien))?$|tien do(?: hoan thanh)?$)/],
];

/** Where each column sits in a header row (−1 = absent). */
export type ColumnMap = Record<TaskColumn, number>;

const foldCell = (s: string): string =>
  foldDiacritics(s).replace(/[*_:()]/g, " ").replace(/\s+/g, " ").trim();

/** Header cells are short; a long cell is data even if it starts like a header ("Kết quả …"). */
const MAX_HEADER_WORDS = 8;

/** Which column a header cell names, or null. */
export function columnOfHeader(cell: string): TaskColumn | null {
  const f = foldCell(cell);
  if (f.split(" ").length > MAX_HEADER_WORDS) return null;
  for (const [col, re] of HEADER_PATTERNS) if (re.test(f)) return col;
  return null;
}

/**
 * Read a row as a header: the column map when it names the content and at least three other
 * columns (each at most once), else null. A table may lack a column; it then reads as "".
 */
export function matchHeader(cells: readonly string[]): ColumnMap | null {
  const map: ColumnMap = { tt: -1, content: -1, lead: -1, coordinators: -1, product: -1, deadline: -1 };
  let found = 0;
  cells.forEach((cell, i) => {
    const col = columnOfHeader(cell);
    if (col !== null && map[col] === -1) {
      map[col] = i;
      found += 1;
    }
  });
  return map.content >= 0 && found >= 4 ? map : null;
}

/**
 * A cell's text as stored: NFC; `<br>` and new lines kept as "\n" (a lead cell may list units
 * one per line); HTML tags (`<b>`, `<i>` …), Markdown `**`/`__` and entities removed; spaces
 * collapsed within each line; empty lines dropped.
 */
export function cleanCellText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, "")
    .replace(/\*\*|__/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .split(/\r?\n/)
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
