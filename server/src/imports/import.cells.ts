// Cell helpers shared by the row validators: reading a cell as text and writing staged rows as
// CSV for COPY.
import type { Parsed } from "../domain/normalize.js";

/** A cell as the readers hand it over: CSV gives strings, XLSX also numbers, booleans and Dates. */
export type Cell = string | number | boolean | Date | null;

/** A problem with one cell of a row: the contract's column name and a Vietnamese reason. */
export type CellProblem = { column: string; reason: string };

/** The cell at `index` (−1 = the file has no such column → null). */
export function cellAt(cells: readonly Cell[], index: number): Cell {
  return index < 0 ? null : (cells[index] ?? null);
}

const NON_ASCII = /[^\x20-\x7e]/;

/** A cell as trimmed text in NFC ("" when empty), so that "Hội nghị" typed on any system is
 * one title; numbers (an XLSX number cell holding a code) become their decimal text. */
export function textOf(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "string") {
    const s = cell.trim();
    return NON_ASCII.test(s) ? s.normalize("NFC") : s;
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
  return String(cell);
}

/** Is the cell empty (null or only spaces)? */
export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** NUL cannot be stored in a text column; reject it with the row rather than fail the COPY. */
export function hasNul(s: string): boolean {
  return s.includes("\u0000");
}

/**
 * Remembers the results of a pure parser for string inputs: a register repeats the same few
 * type codes, flags and dates, and re-parsing each is most of the validation time. Bounded.
 */
export function memoize<T>(parse: (raw: string) => Parsed<T>, max = 20_000): (raw: string) => Parsed<T> {
  const cache = new Map<string, Parsed<T>>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit === undefined) {
      if (cache.size >= max) cache.clear();
      hit = parse(raw);
      cache.set(raw, hit);
    }
    return hit;
  };
}

/** One value of a staged row: strings are always quoted (so "" stays an empty string and
 * never reads as NULL or as the `\.` end marker), null is an empty unquoted field. */
export type CsvValue = string | number | boolean | null;

function csvField(v: CsvValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v.includes('"') ? `"${v.replaceAll('"', '""')}"` : `"${v}"`;
  if (typeof v === "boolean") return v ? "t" : "f";
  return String(v);
}

/** One CSV line (with its newline) for `BulkSession.copyCsv`. */
export function csvLine(values: readonly CsvValue[]): string {
  let line = csvField(values[0] ?? null);
  for (let i = 1; i < values.length; i++) line += `,${csvField(values[i] ?? null)}`;
  return `${line}\n`;
}

/**
 * CSV lines encoded straight into one reused byte buffer. Appending to a string instead builds
 * a rope of slices that pins every parsed chunk until the flush — measured at about half of the
 * CPU time of a 200,000-row import, most of it garbage collection.
 */
export class CsvBuffer {
  private bytes = Buffer.allocUnsafe(4 << 20);
  /** bytes written since the last reset: the end of the last line */
  used = 0;

  /** Appends `prefix` then `line` (written apart: no string is built for the pair). */
  append(prefix: string, line: string): void {
    // a UTF-16 code unit takes at most 3 bytes in UTF-8
    const room = (prefix.length + line.length) * 3;
    if (this.bytes.length - this.used < room) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + room));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.used += this.bytes.write(prefix, this.used);
    this.used += this.bytes.write(line, this.used);
  }

  /** A copy of the lines, which stays valid after `reset`. */
  take(): Buffer<ArrayBuffer> {
    return Buffer.from(this.bytes.subarray(0, this.used));
  }

  reset(): void {
    this.used = 0;
  }
}
