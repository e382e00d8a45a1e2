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
  const notes = [...fields.notes];
  const lexicon = restoreLexicon();
  let table =
    doc.format === "docx"
      ? await readTaskTable({ fileName: doc.fileName, content: doc.content })
      : await readTaskTable({ fileName: "document.txt", content: doc.text });
  const planYear = fields.dateParts?.year ?? null;
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
  const restored = looksOcrDamaged(doc.text, lexicon).damaged ? restoreText(doc.text, lexicon) : null;
  return {
    ...fields, notes, tasks: table.rows,
    restoredText: restored?.text ?? null, restorations: restored?.restorations.length ?? 0,
    source: { fileName: doc.fileName, format: doc.format },
  };
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
