// The chunk of valid rows an import is gathering: their CSV lines for COPY into the register and,
// for the duplicate check over the whole file (and the existing-key probe when needed), every
// row's number and key as CSV lines too.
import { CsvBuffer, csvLine, type CsvValue } from "./import.cells.js";
import type { Chunk } from "./record-import.repository.js";

export class ChunkBuilder {
  private readonly lines = new CsvBuffer();
  private readonly keys = new CsvBuffer();
  private lineEnds: number[] = [];
  private lineRows: number[] = [];
  private count = 0;
  private seen = new Set<string>();

  /** `prefix`: what every line starts with (the import's job id and a comma). */
  constructor(private readonly prefix: string) {}

  /** Valid rows gathered since the last `take`. */
  get rows(): number {
    return this.count;
  }

  /** Adds a valid row. A key repeated within the chunk keeps only its first line (a second one
   * would break the COPY on the unique key): the import fails on it at the end anyway, and its
   * key is kept for that report. */
  add(rowNumber: number, line: string, key: readonly CsvValue[]): void {
    this.count += 1;
    // the key's CSV line names it unambiguously (strings quoted, quotes doubled)
    const keyLine = csvLine(key);
    this.keys.append(`${rowNumber},`, keyLine);
    if (this.seen.has(keyLine)) return;
    this.seen.add(keyLine);
    this.lines.append(this.prefix, line);
    this.lineEnds.push(this.lines.used);
    this.lineRows.push(rowNumber);
  }

  /** The chunk gathered so far; the builder starts a new one. */
  take(): Chunk {
    const chunk: Chunk = { csv: this.lines.take(), lineEnds: this.lineEnds, lineRows: this.lineRows, keysCsv: this.keys.take(), rows: this.count };
    this.lines.reset();
    this.keys.reset();
    this.lineEnds = [];
    this.lineRows = [];
    this.count = 0;
    this.seen = new Set();
    return chunk;
  }
}
