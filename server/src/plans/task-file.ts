// The task table of an uploaded file (issue "Document intelligence" §1: "for a plan, its task
// table loaded into the plans module"). The table readers first (XLSX, DOCX, Markdown/TSV pipe
// or tab tables); when they find no row in a document `leloi parse` reads (TXT — OCR'd too —,
// Markdown, DOCX, PDF with a text layer), the document-intelligence parse's tasks instead: the
// rows it could split out of the appendix, and its notes naming the tasks it could not read,
// which become the import's warnings — such tasks are left out, never guessed.
import { DocumentReadError, documentText, formatOf } from "../intelligence/document-text.js";
import { parseDocumentTasks } from "../intelligence/parse.service.js";
import { readTaskTable, type TaskTableResult } from "./readers/task-table.reader.js";

/** Where the rows came from: a table with columns, or the text of a document (OCR'd table). */
export type TaskRowsSource = "table" | "document";

export type TaskFileResult = TaskTableResult & { readFrom: TaskRowsSource };

/** Rows of a task-table file or of a plan document; never throws for content (no rows + why). */
export async function readTaskFile(file: { fileName: string; content: Buffer }): Promise<TaskFileResult> {
  const isPdf = formatOf(file.fileName) === "pdf";
  const table = isPdf ? null : await readTaskTable(file);
  if (table && (table.rows.length > 0 || formatOf(file.fileName) === null)) return { ...table, readFrom: "table" };
  try {
    const parsed = await parseDocumentTasks(await documentText(file.fileName, file.content));
    if (parsed.tasks.length > 0) return { rows: parsed.tasks, warnings: parsed.notes, readFrom: "document" };
    return { rows: [], warnings: [...(table?.warnings ?? []), ...parsed.notes], readFrom: "document" };
  } catch (e) {
    if (!(e instanceof DocumentReadError)) throw e;
    return { rows: [], warnings: [...(table?.warnings ?? []), e.message], readFrom: "document" };
  }
}
