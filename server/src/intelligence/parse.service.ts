// `leloi parse` (issue "Document intelligence" §1; data-contract.md §Document commands): a
// document's metadata from its text, and its appendix's task table in the rows the plans
// importer reads (plans/readers: the same reader for a DOCX table, a Markdown/TSV table).
import { parseDocumentText } from "../domain/texts/parse-document.js";
import { looksOcrDamaged, restoreText } from "../domain/texts/restore.js";
import { restoreLexicon } from "./restore-lexicon.js";
import type { ParsedText } from "../domain/texts/parse-document.js";
import { readTaskTable } from "../plans/readers/task-table.reader.js";
import type { RawTaskRow } from "../plans/readers/task-table.reader.js";
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
  const table =
    doc.format === "docx"
      ? await readTaskTable({ fileName: doc.fileName, content: doc.content })
      : await readTaskTable({ fileName: "document.txt", content: doc.text });
  if (table.rows.length === 0 && appendixStart !== null) {
    notes.push("Có phụ lục nhưng không tách được bảng nhiệm vụ thành cột (bảng trong văn bản nhận dạng OCR không có dấu phân cột): chưa đọc nhiệm vụ.");
  }
  const lexicon = restoreLexicon();
  const restored = looksOcrDamaged(doc.text, lexicon).damaged ? restoreText(doc.text, lexicon) : null;
  return {
    ...fields, notes, tasks: table.rows,
    restoredText: restored?.text ?? null, restorations: restored?.restorations.length ?? 0,
    source: { fileName: doc.fileName, format: doc.format },
  };
}

/** Parse a local file. */
export async function parseDocumentFile(path: string): Promise<ParsedDocumentJson> {
  return parseDocument(await readDocumentFile(path));
}
