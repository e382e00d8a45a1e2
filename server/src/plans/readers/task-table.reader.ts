// Read a plan's task table ("Phụ lục phân công nhiệm vụ", kl226-rules.md §5) from a file:
// XLSX, DOCX, or text (Markdown pipe table / tab-separated). Each format is turned into blocks
// of cells, and rowsFromCells (task-table.rows.ts) does the rest — the same entry point the
// document-intelligence step will use for tables it splits out of OCR'd text.
import { extname } from "node:path";
import { gridsFromDocx } from "./docx-table.reader.js";
import { blockFromGrid } from "./task-table.grid.js";
import { joinTaskBlocks, rowsFromCells } from "./task-table.rows.js";
import type { CellBlock, TaskTableResult } from "./task-table.rows.js";
import { blocksFromText } from "./text-table.reader.js";
import { gridsFromXlsx } from "./xlsx-table.reader.js";

export type { RawTaskRow, TaskTableResult } from "./task-table.rows.js";
export { rowsFromCells } from "./task-table.rows.js";

/** A file to read: its name (the extension picks the format) and its bytes or text. */
export type TaskTableInput = { fileName: string; content: Buffer | string };

const TEXT_EXTENSIONS = new Set([".md", ".markdown", ".txt", ".tsv"]);

const asBuffer = (c: Buffer | string): Buffer => (typeof c === "string" ? Buffer.from(c, "utf8") : c);
const asText = (c: Buffer | string): string => (typeof c === "string" ? c : c.toString("utf8"));

function rowsOfBlocks(blocks: CellBlock[], warnings: string[]): TaskTableResult {
  const table = joinTaskBlocks(blocks);
  if (table === null) {
    const r = rowsFromCells([]);
    return { rows: [], warnings: [...warnings, ...r.warnings] };
  }
  const r = rowsFromCells(table.cells, { rowNumbers: table.rowNumbers });
  return { rows: r.rows, warnings: [...warnings, ...r.warnings] };
}

/**
 * Read the task table of a file, dispatching on its extension: `.xlsx` (the first worksheet
 * holding a task-table header), `.docx` (the first table whose header matches, joined with the
 * tables that continue it after page breaks; row numbers run across the document's tables),
 * `.md` / `.markdown` / `.txt` / `.tsv` (pipe tables or tab-separated lines; `<b>`, `<i>`, `**`
 * removed). Never throws for content: an unreadable table gives no rows and a warning; an
 * unsupported extension also gives a warning.
 */
export async function readTaskTable(input: TaskTableInput): Promise<TaskTableResult> {
  const ext = extname(input.fileName).toLowerCase();
  try {
    if (ext === ".xlsx") {
      const grids = await gridsFromXlsx(asBuffer(input.content));
      return rowsOfBlocks([pickSheet(grids.map(blockFromGrid))], []);
    }
    if (ext === ".docx") {
      const { grids, messages } = await gridsFromDocx(asBuffer(input.content));
      let offset = 0;
      const blocks = grids.map((g) => {
        const block = blockFromGrid({ rows: g.rows, rowNumbers: g.rowNumbers.map((n) => n + offset) });
        offset += g.rows.length;
        return block;
      });
      return rowsOfBlocks(blocks, messages.map((m) => `DOCX: ${m}`));
    }
    if (TEXT_EXTENSIONS.has(ext)) return rowsOfBlocks(blocksFromText(asText(input.content)), []);
  } catch (e) {
    return { rows: [], warnings: [`Không đọc được tệp «${input.fileName}»: ${e instanceof Error ? e.message : String(e)}`] };
  }
  return { rows: [], warnings: [`Không hỗ trợ định dạng «${ext || input.fileName}» (chỉ nhận .xlsx, .docx, .md, .txt, .tsv)`] };
}

/** The first sheet holding a header (sheets are separate tables, never joined). */
function pickSheet(blocks: CellBlock[]): CellBlock {
  return blocks.find((b) => joinTaskBlocks([b]) !== null) ?? { cells: [], rowNumbers: [] };
}
