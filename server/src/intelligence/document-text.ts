// The text of an uploaded or local document (issue "Document intelligence": TXT, Markdown,
// DOCX, PDF with a text layer). DOCX goes through mammoth's HTML: one line per paragraph, a
// table row as one tab-separated line (so the task-table text reader and the header parser see
// the same shapes as in a TXT/Markdown file). PDF: the text layer read with pdfjs-dist, one line
// per line of text; a scanned PDF without text layer gives no text and says so.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, sep } from "node:path";
import mammoth from "mammoth";

export type DocumentFormat = "text" | "markdown" | "docx" | "pdf";

/** A document's text and where it came from. */
export type DocumentText = { fileName: string; format: DocumentFormat; text: string; content: Buffer };

const FORMATS: Readonly<Record<string, DocumentFormat>> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".docx": "docx",
  ".pdf": "pdf",
};

/** Extensions read (lower case, with the dot). */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/** The format of a file name, or null when not supported. */
export function formatOf(fileName: string): DocumentFormat | null {
  return FORMATS[extname(fileName).toLowerCase()] ?? null;
}

/** Thrown for a file that cannot be read as a document (message in Vietnamese). */
export class DocumentReadError extends Error {}

/** Read a local file. */
export async function readDocumentFile(path: string): Promise<DocumentText> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch {
    throw new DocumentReadError(`Không đọc được tệp «${path}»`);
  }
  return documentText(basename(path), content);
}

/** The text of a document's bytes, by the file name's extension. */
export async function documentText(fileName: string, content: Buffer): Promise<DocumentText> {
  const format = formatOf(fileName);
  if (format === null) {
    throw new DocumentReadError(`Không hỗ trợ định dạng của «${fileName}» (chỉ nhận ${DOCUMENT_EXTENSIONS.join(", ")})`);
  }
  try {
    if (format === "docx") return { fileName, format, content, text: await docxText(content) };
    if (format === "pdf") return { fileName, format, content, text: await pdfText(content) };
  } catch (e) {
    if (e instanceof DocumentReadError) throw e;
    throw new DocumentReadError(`Không đọc được «${fileName}»: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { fileName, format, content, text: content.toString("utf8").replace(/^\uFEFF/, "") };
}

const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };
const decode = (s: string): string => s.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITIES[m] ?? m);

/** Lines of a table row: line i = the i-th paragraph of every cell, tab-separated. */
function rowLines(cells: readonly string[][]): string[] {
  const height = Math.max(1, ...cells.map((c) => c.length));
  const out: string[] = [];
  for (let i = 0; i < height; i++) out.push(cells.map((c) => (c[i] ?? "").replace(/\t/g, " ")).join("\t"));
  return out;
}

/** DOCX → text: paragraphs as lines, table rows as tab-separated lines (see rowLines). */
export async function docxText(content: Buffer): Promise<string> {
  const { value: html } = await mammoth.convertToHtml({ buffer: content }, { ignoreEmptyParagraphs: false });
  const lines: string[] = [];
  let row: string[][] | null = null;
  let cell: string[] | null = null;
  let current = "";
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>|([^<]+)/gi)) {
    if (m[3] !== undefined) {
      current += decode(m[3]);
      continue;
    }
    const closing = m[1] === "/";
    const tag = (m[2] ?? "").toLowerCase();
    if (tag === "table") depth += closing ? -1 : 1;
    if (depth > 1) continue; // nested tables: their text stays in the outer cell
    if (tag === "tr" && !closing) row = [];
    else if (tag === "tr" && closing && row) {
      lines.push(...rowLines(row));
      row = null;
    } else if ((tag === "td" || tag === "th") && !closing) {
      cell = [];
      current = "";
    } else if ((tag === "td" || tag === "th") && closing && cell) {
      if (current.trim() !== "") cell.push(current.trim());
      row?.push(cell);
      cell = null;
      current = "";
    } else if ((tag === "p" || /^h[1-6]$/.test(tag) || tag === "li") && closing) {
      if (cell) {
        if (current.trim() !== "") cell.push(current.trim());
      } else lines.push(current.trim());
      current = "";
    } else if (tag === "br") {
      if (cell) {
        if (current.trim() !== "") cell.push(current.trim());
      } else lines.push(current.trim());
      current = "";
    }
  }
  if (current.trim() !== "") lines.push(current.trim());
  return lines.join("\n");
}

const STANDARD_FONTS = join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts") + sep;

/**
 * PDF → text of its text layer (pdfjs-dist legacy build: runs on Node without a DOM). Lines end
 * where pdf.js marks an end of line; a vertical gap of more than 1.6 line heights becomes a blank
 * line, as paragraphs are separated in a TXT (the parser reads blocks by blank lines).
 */
export async function pdfText(content: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(content), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const tc = await page.getTextContent();
      const lines: Array<{ y: number; text: string }> = [];
      let current: { y: number; text: string } | null = null;
      for (const item of tc.items) {
        if (!("str" in item)) continue;
        current ??= { y: item.transform[5] ?? 0, text: "" };
        current.text += item.str;
        if (item.hasEOL) {
          lines.push(current);
          current = null;
        }
      }
      if (current) lines.push(current);
      pages.push(withBlankLines(lines));
    }
  } finally {
    await doc.destroy();
  }
  const text = pages.join("\n\n");
  // (pages are separated by a blank line)
  if (text.trim() === "") throw new DocumentReadError("Tệp PDF không có lớp văn bản (bản quét): cần nhận dạng OCR trước");
  return text;
}

/** Join lines, a blank line where the gap to the previous line exceeds 1.6 line heights. */
function withBlankLines(lines: ReadonlyArray<{ y: number; text: string }>): string {
  const steps = lines.slice(1).map((l, i) => Math.abs((lines[i]?.y ?? 0) - l.y)).filter((d) => d > 0).sort((a, b) => a - b);
  const lineHeight = steps[Math.floor(steps.length / 2)] ?? 0;
  let out = "";
  lines.forEach((l, i) => {
    if (i > 0) out += lineHeight > 0 && Math.abs((lines[i - 1]?.y ?? 0) - l.y) > 1.6 * lineHeight ? "\n\n" : "\n";
    out += l.text.trimEnd();
  });
  return out;
}
