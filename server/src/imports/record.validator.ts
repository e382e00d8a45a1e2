// What the row validators of the documents, meetings and TTHC imports share.
import type { ColumnIndex, ImportKind } from "./import.columns.js";
import { cellAt, hasNul, textOf, type Cell, type CellProblem, type CsvValue } from "./import.cells.js";

/** A validated row: its unit (null when the code did not resolve), its problems (none = valid)
 * and, when valid, the CSV line of its register columns (the validator's *_COLUMNS, in order)
 * and its key (the record's identity, data-contract.md), as values in key column order. */
export type RowOutcome = { orgId: number | null; problems: CellProblem[]; line: string; key: readonly CsvValue[] };

/** Validates one source row of a kind. */
export type RowValidator = (cells: readonly Cell[]) => RowOutcome;

/** Finds a unit by code; the import resolves codes through the org directory. */
export type OrgResolver = (code: string) => { id: number } | undefined;

/** Reads the cells of one row by column name, collecting problems as it goes. */
export class RowReader<K extends ImportKind> {
  problems: CellProblem[] = [];
  cells: readonly Cell[] = [];

  constructor(private readonly index: ColumnIndex<K>) {}

  /** Starts a new row. */
  reset(cells: readonly Cell[]): void {
    this.cells = cells;
    this.problems = [];
  }

  /** The raw cell of a column (null when the file has no such column). */
  raw(column: keyof ColumnIndex<K> & string): Cell {
    return cellAt(this.cells, this.index[column]);
  }

  /** Trimmed text; empty allowed. */
  text(column: keyof ColumnIndex<K> & string): string {
    const s = textOf(this.raw(column));
    if (hasNul(s)) {
      this.problem(column, "chứa ký tự NUL không hợp lệ");
      return "";
    }
    return s;
  }

  /** Trimmed text that must not be empty. */
  requiredText(column: keyof ColumnIndex<K> & string, what: string): string {
    const s = this.text(column);
    if (s === "") this.problem(column, `trống; cần ${what}`);
    return s;
  }

  /** The unit named by `org_code`, or null (with a problem). */
  org(column: keyof ColumnIndex<K> & string, resolve: OrgResolver): number | null {
    const code = this.requiredText(column, "mã đơn vị");
    if (code === "") return null;
    const org = resolve(code);
    if (!org) this.problem(column, `không tìm thấy đơn vị có mã "${code}"`);
    return org?.id ?? null;
  }

  problem(column: string, reason: string): void {
    this.problems.push({ column, reason });
  }
}

/** A `Parsed` value, or `fallback` with the failure recorded against `column`. */
export function valueOr<T>(reader: { problem(column: string, reason: string): void }, column: string, parsed: { ok: true; value: T } | { ok: false; reason: string }, fallback: T): T {
  if (parsed.ok) return parsed.value;
  reader.problem(column, parsed.reason);
  return fallback;
}
