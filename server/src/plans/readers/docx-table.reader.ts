// Task tables in DOCX: mammoth turns the document into HTML, whose tables are read here into
// grids (rowspan/colspan resolved into merged cells; paragraphs of a cell kept as lines).
import mammoth from "mammoth";
import type { Grid, GridCell } from "./task-table.grid.js";

type HtmlCell = { lines: string[]; current: string; colspan: number; rowspan: number };
type HtmlTable = { rows: HtmlCell[][] };

const TOKEN = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>|([^<]+)/gi;
const LINE_BREAKING = new Set(["p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div"]);

const spanOf = (attrs: string, name: string): number => {
  const m = new RegExp(`${name}\\s*=\\s*"?(\\d+)`, "i").exec(attrs);
  return m ? Math.max(1, Number(m[1])) : 1;
};

function endLine(cell: HtmlCell | undefined): void {
  if (!cell) return;
  if (cell.current.trim() !== "") cell.lines.push(cell.current);
  cell.current = "";
}

/** The tables of an HTML fragment (nested tables come out as tables of their own). */
export function tablesFromHtml(html: string): HtmlTable[] {
  const done: HtmlTable[] = [];
  const open: Array<{ table: HtmlTable; cell: HtmlCell | undefined }> = [];
  for (const m of html.matchAll(TOKEN)) {
    const top = open[open.length - 1];
    if (m[4] !== undefined) {
      if (top?.cell) top.cell.current += m[4];
      continue;
    }
    const closing = m[1] === "/";
    const tag = (m[2] ?? "").toLowerCase();
    if (tag === "table" && !closing) open.push({ table: { rows: [] }, cell: undefined });
    else if (tag === "table" && closing) {
      const t = open.pop();
      if (t) done.push(t.table);
    } else if (tag === "tr" && !closing && top) top.table.rows.push([]);
    else if ((tag === "td" || tag === "th") && top) {
      if (closing) {
        endLine(top.cell);
        top.cell = undefined;
      } else {
        const cell: HtmlCell = { lines: [], current: "", colspan: spanOf(m[3] ?? "", "colspan"), rowspan: spanOf(m[3] ?? "", "rowspan") };
        if (top.table.rows.length === 0) top.table.rows.push([]);
        top.table.rows[top.table.rows.length - 1]?.push(cell);
        top.cell = cell;
      }
    } else if (LINE_BREAKING.has(tag) && (closing || tag === "br")) endLine(top?.cell);
  }
  return done;
}

/** Lay an HTML table out on a grid: a cell spanning rows/columns marks the cells it covers. */
export function gridOfHtmlTable(table: HtmlTable): Grid {
  const rows: GridCell[][] = table.rows.map(() => []);
  table.rows.forEach((htmlRow, r) => {
    let c = 0;
    for (const cell of htmlRow) {
      while (rows[r]?.[c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const target = rows[r + dr];
          if (target) target[c + dc] = dr === 0 && dc === 0 ? { text: cell.lines.join("\n"), mergedFrom: null } : { text: "", mergedFrom: { row: r, col: c } };
        }
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...rows.map((r) => r.length));
  const filled = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? { text: "", mergedFrom: null }));
  return { rows: filled, rowNumbers: filled.map((_, i) => i + 1) };
}

/** Every table of a DOCX as a grid, in document order; row numbers count rows within each table. */
export async function gridsFromDocx(content: Buffer): Promise<{ grids: Grid[]; messages: string[] }> {
  const result = await mammoth.convertToHtml({ buffer: content });
  const messages = result.messages.filter((m) => m.type === "error").map((m) => m.message);
  return { grids: tablesFromHtml(result.value).map(gridOfHtmlTable), messages };
}
