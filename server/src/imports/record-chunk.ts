// The chunk of valid rows an import is gathering: their CSV lines for COPY and, for the
// duplicate check and the existing-key probe, every row's number and key.
import { CsvBuffer, type CsvValue } from "./import.cells.js";
import type { Chunk } from "./record-import.repository.js";

/** NUL never occurs in a valid cell (the validators reject it), so it separates key parts. */
const SEP = "\u0000";

export class ChunkBuilder {
  private readonly buffer = new CsvBuffer();
  private lineEnds: number[] = [];
  private lineRows: number[] = [];
  private rowNos: number[] = [];
  private keys: CsvValue[][];
  private seen = new Set<string>();

  /** `prefix`: what every line starts with (the import's job id and a comma). */
  constructor(private readonly keyWidth: number, private readonly prefix: string) {
    this.keys = Array.from({ length: keyWidth }, () => []);
  }

  /** Valid rows gathered since the last `take`. */
  get rows(): number {
    return this.rowNos.length;
  }

  /** Adds a valid row. A key repeated within the chunk keeps only its first line (a second one
   * would break the COPY on the unique key): the import fails on it at the end anyway, and its
   * key is kept for that report. */
  add(rowNumber: number, line: string, key: readonly CsvValue[]): void {
    this.rowNos.push(rowNumber);
    let joined = "";
    for (let i = 0; i < this.keyWidth; i++) {
      const v = key[i] ?? null;
      this.keys[i]?.push(v);
      joined += `${String(v)}${SEP}`;
    }
    if (this.seen.has(joined)) return;
    this.seen.add(joined);
    this.buffer.append(this.prefix, line);
    this.lineEnds.push(this.buffer.used);
    this.lineRows.push(rowNumber);
  }

  /** The chunk gathered so far; the builder starts a new one. */
  take(): Chunk {
    const chunk: Chunk = { csv: this.buffer.take(), lineEnds: this.lineEnds, lineRows: this.lineRows, rowNos: this.rowNos, keys: this.keys };
    this.buffer.reset();
    this.lineEnds = [];
    this.lineRows = [];
    this.rowNos = [];
    this.keys = Array.from({ length: this.keyWidth }, () => []);
    this.seen = new Set();
    return chunk;
  }
}
