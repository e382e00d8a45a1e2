// Merged cells of XLSX and DOCX tables. A cell merged down over several tasks (one lead for
// rows 3–5) belongs to each of them; a cell merged across columns, or down a task split over
// several rows (TT merged too), belongs once — else continuation rows would repeat its text.
import { findHeader } from "./task-table.rows.js";
import type { CellBlock } from "./task-table.rows.js";

/** A table cell: its own text, or the position (in the grid) of the cell it is merged into. */
export type GridCell = { text: string; mergedFrom: { row: number; col: number } | null };

/** A table with merges resolved to positions; `rowNumbers` as in the source. */
export type Grid = { rows: GridCell[][]; rowNumbers: number[] };

/**
 * The cells of a grid: a merged cell is empty, except one merged DOWN into a row that has its
 * own TT (a separate task sharing the cell), which takes the text of the cell it is merged into.
 */
export function blockFromGrid(grid: Grid): CellBlock {
  const texts = grid.rows.map((r) => r.map((c) => (c.mergedFrom ? "" : c.text)));
  const header = findHeader(texts);
  const ttCol = header?.map.tt ?? -1;
  if (ttCol >= 0) {
    grid.rows.forEach((row, r) => {
      const tt = row[ttCol];
      const ownTask = tt !== undefined && tt.mergedFrom === null && tt.text.trim() !== "";
      row.forEach((cell, c) => {
        const from = cell.mergedFrom;
        if (!ownTask || from === null || from.row === r) return;
        const master = grid.rows[from.row]?.[from.col];
        const line = texts[r];
        if (master && line) line[c] = master.text;
      });
    });
  }
  return { cells: texts, rowNumbers: grid.rowNumbers };
}
