// Task tables in text: Markdown pipe tables (`| TT | Nội dung … |`) or tab-separated lines, as
// in seed 004's appendix (a TSV block inside a Markdown document, header repeated at page breaks).
import type { CellBlock } from "./task-table.rows.js";

const isPipeRow = (line: string): boolean => /^\s*\|.*\|\s*$/.test(line);
const isPipeRule = (line: string): boolean => /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/.test(line);

/** Split a Markdown table row on unescaped pipes, without the outer ones. */
function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, "|"));
}

/**
 * The table blocks of a text: runs of consecutive tab-separated lines, and runs of Markdown
 * pipe rows (separator rules `|---|` dropped). A blank or any other line ends a block. Row
 * numbers are 1-based line numbers. Tab blocks come first: a document holds one kind.
 */
export function blocksFromText(text: string): CellBlock[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const tabs: CellBlock[] = [];
  const pipes: CellBlock[] = [];
  let tab: CellBlock | null = null;
  let pipe: CellBlock | null = null;
  for (const [i, line] of lines.entries()) {
    if (line.includes("\t")) {
      tab ??= { cells: [], rowNumbers: [] };
      tab.cells.push(line.split("\t"));
      tab.rowNumbers.push(i + 1);
    } else if (tab) {
      tabs.push(tab);
      tab = null;
    }
    if (isPipeRow(line) || (pipe && isPipeRule(line))) {
      pipe ??= { cells: [], rowNumbers: [] };
      if (!isPipeRule(line)) {
        pipe.cells.push(pipeCells(line));
        pipe.rowNumbers.push(i + 1);
      }
    } else if (pipe) {
      pipes.push(pipe);
      pipe = null;
    }
  }
  if (tab) tabs.push(tab);
  if (pipe) pipes.push(pipe);
  return [...tabs, ...pipes];
}
