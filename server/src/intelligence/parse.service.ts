// `leloi parse` (issue "Document intelligence" §1; data-contract.md §Document commands): a
// document's metadata from its text, and its appendix's task table in the rows the plans
// importer reads (plans/readers: the same reader for a DOCX table, a Markdown/TSV table).
import { readOcrTaskTable } from "../domain/texts/ocr-task-table.js";
import { parseDocumentText } from "../domain/texts/parse-document.js";
import { looksOcrDamaged, restoreText } from "../domain/texts/restore.js";
import type { Lexicon } from "../domain/texts/restore.js";
import { restoreLexicon } from "./restore-lexicon.js";
import type { ParsedText } from "../domain/texts/parse-document.js";
import { readTaskTable, rowsFromCells } from "../plans/readers/task-table.reader.js";
import type { RawTaskRow, TaskTableResult } from "../plans/readers/task-table.reader.js";
import { readDocumentFile } from "./document-text.js";
import type { DocumentFormat, DocumentText } from "./document-text.js";

/** The JSON of `leloi parse --json`. */
export type ParsedDocumentJson = Omit<ParsedText, "bodyEnd" | "appendixStart"> & {
  tasks: RawTaskRow[];
  /** For a text that reads as OCR'd: the text with the syllables restored where the lexicon is
   * confident (the original, and every field above, untouched); null for a clean text. */
  restoredText: string | null;
  /** How many syllables the restored text changed. */
  restorations: number;
  source: { fileName: string; format: DocumentFormat };
};

/** Parse a document already read. */
export async function parseDocument(doc: DocumentText): Promise<ParsedDocumentJson> {
  const { bodyEnd: _bodyEnd, appendixStart, ...fields } = parseDocumentText(doc.text);
  const lexicon = restoreLexicon();
  const { tasks, notes: taskNotes } = await taskTableOf(doc, appendixStart, fields.dateParts?.year ?? null, lexicon);
  const notes = [...fields.notes, ...taskNotes];
  const restored = looksOcrDamaged(doc.text, lexicon).damaged ? restoreText(doc.text, lexicon) : null;
  return {
    ...fields, notes, tasks,
    restoredText: restored?.text ?? null, restorations: restored?.restorations.length ?? 0,
    source: { fileName: doc.fileName, format: doc.format },
  };
}

/**
 * Only the task table of a document already read (what the plans' task-table import falls back
 * on when its readers find no table): the rows `tasks` of parseDocument, and the notes about
 * them — how many tasks of an OCR'd table were read and which were not. Nothing is restored.
 */
export async function parseDocumentTasks(doc: DocumentText): Promise<{ tasks: RawTaskRow[]; notes: string[] }> {
  const { appendixStart, dateParts } = parseDocumentText(doc.text);
  return taskTableOf(doc, appendixStart, dateParts?.year ?? null, restoreLexicon());
}

/** The table as written (DOCX table, Markdown/TSV), else the OCR'd appendix's rows; notes about it. */
async function taskTableOf(doc: DocumentText, appendixStart: number | null, planYear: number | null, lexicon: Lexicon): Promise<{ tasks: RawTaskRow[]; notes: string[] }> {
  const notes: string[] = [];
  let table =
    doc.format === "docx"
      ? await readTaskTable({ fileName: doc.fileName, content: doc.content })
      : await readTaskTable({ fileName: "document.txt", content: doc.text });
  if (table.rows.length === 0 && appendixStart !== null && planYear !== null) {
    const ocr = ocrTaskRows(doc.text, appendixStart, planYear, lexicon);
    if (ocr) {
      table = ocr.table;
      notes.push(...ocr.notes);
    }
  }
  if (table.rows.length === 0 && appendixStart !== null) {
    notes.push("Có phụ lục nhưng không tách được bảng nhiệm vụ thành cột (bảng trong văn bản nhận dạng OCR không có dấu phân cột): chưa đọc nhiệm vụ.");
  }
  return { tasks: table.rows, notes };
}

/**
 * The task table of an appendix whose columns OCR ran together (domain/texts/ocr-task-table.ts),
 * as the plans' rows; the tasks it could not read are named in the notes, never filled in.
 */
function ocrTaskRows(text: string, appendixStart: number, planYear: number, lexicon: Lexicon): { table: TaskTableResult; notes: string[] } | null {
  const firstLineNo = text.slice(0, appendixStart).split("\n").length;
  const knownPair = (a: string, b: string): boolean => lexicon.bigrams.has(`${a} ${b}`);
  const ocr = readOcrTaskTable(text.slice(appendixStart), firstLineNo, planYear, knownPair);
  if (ocr === null) return null;
  const table = rowsFromCells(ocr.cells, { rowNumbers: ocr.rowNumbers });
  const read = table.rows.length;
  const notes = [`Bảng nhiệm vụ trong văn bản nhận dạng OCR không có dấu phân cột: đọc được ${read}/${ocr.rowsInTable} nhiệm vụ.`];
  if (ocr.skipped.length > 0) {
    notes.push(`Nhiệm vụ chưa đọc (cần nhập tay): ${ocr.skipped.map((x) => `${x.tt} (dòng ${x.line}: ${x.why})`).join("; ")}.`);
  }
  return { table, notes };
}

/** Parse a local file. */
export async function parseDocumentFile(path: string): Promise<ParsedDocumentJson> {
  return parseDocument(await readDocumentFile(path));
}
