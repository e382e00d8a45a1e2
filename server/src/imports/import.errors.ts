// Bad rows of an import, listed as `row N: column: reason` (data-contract.md §Command line).
import { AppError } from "../errors.js";
import { formatNumberVi } from "../domain/format.js";
import type { CellProblem } from "./import.cells.js";

/** How many messages an error keeps; the count stays exact beyond it. */
export const MAX_ERROR_MESSAGES = 1_000;

/** One bad row's message in the contract's form. */
export function rowMessage(rowNumber: number, problem: CellProblem): string {
  return `row ${rowNumber}: ${problem.column}: ${problem.reason}`;
}

/** Collects bad rows: keeps the first messages in row order, counts every bad row, and hands
 * every message to `onMessage` (the CLI prints them all) as it is found. */
export class RowErrors {
  private readonly kept: Array<{ row: number; message: string }> = [];
  private badRows = 0;
  private limit = MAX_ERROR_MESSAGES;

  constructor(private readonly onMessage?: (message: string) => void) {}

  /** Records the problems of one row (a row counts once however many cells are wrong). */
  add(rowNumber: number, problems: readonly CellProblem[]): void {
    if (problems.length === 0) return;
    this.badRows += 1;
    for (const p of problems) {
      const message = rowMessage(rowNumber, p);
      this.onMessage?.(message);
      if (this.kept.length < this.limit) this.kept.push({ row: rowNumber, message });
    }
  }

  /** Counts bad rows that are not listed (beyond the messages kept). */
  addUnlisted(rows: number): void {
    this.badRows += Math.max(0, rows);
  }

  /** Before a second pass (duplicate keys, found after all rows were read): room for its own
   * first messages, so that the sorted list still starts with the lowest rows. */
  startSecondPass(): void {
    this.limit = this.kept.length + MAX_ERROR_MESSAGES;
  }

  get count(): number {
    return this.badRows;
  }

  /** The kept messages sorted by row (validation and duplicate messages arrive separately). */
  messages(): string[] {
    return [...this.kept].sort((a, b) => a.row - b.row).slice(0, MAX_ERROR_MESSAGES).map((e) => e.message);
  }

  /** The error that aborts the import: nothing has been written. */
  toError(): AppError {
    return importInvalid(this.messages(), this.count);
  }
}

/** IMPORT_INVALID (422) with the messages and the exact number of bad rows. */
export function importInvalid(errors: string[], errorCount: number): AppError {
  return new AppError("IMPORT_INVALID", `Tệp có ${formatNumberVi(errorCount)} dòng lỗi; không dòng nào được ghi`, { errors, errorCount });
}
