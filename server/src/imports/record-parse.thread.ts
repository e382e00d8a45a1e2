// Reading a large file in a worker thread (record-parse.worker.ts): the import's thread only
// writes the chunks that come back, so Node's parsing and validation run on one core while the
// database (PostgreSQL's server, or PGlite's engine in the import's thread) inserts on another.
import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "../errors.js";
import type { ParsedPart, ParseSetup } from "./record-parse.js";

/** Messages to the reading thread: credits for more parts. */
export type ToReader = { type: "credit"; credits: number };
/** Messages from it: a part, the end, or why it stopped. */
export type ToWriter = { type: "part"; part: ParsedPart } | { type: "done" } | { type: "error"; error: ThrownError };

/** An error as it crosses threads: AppErrors keep their code and details. */
export type ThrownError = { code: ErrorCode | null; message: string; details?: unknown };

export function describeThrown(error: unknown): ThrownError {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details };
  return { code: null, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

function rebuild(error: ThrownError): Error {
  return error.code ? new AppError(error.code, error.message, error.details) : new Error(`import reading thread: ${error.message}`);
}

/** Parts the reader may hand over before the writer has taken them: while one chunk is written,
 * the next ones are ready (on PGlite the writer's thread is busy for a whole chunk at a time). */
const CREDITS = 3;

/** The reading thread's young generation: a larger one collects the short-lived cells and lines
 * of a chunk less often (measured: ≈ 12 → 10.5 µs of CPU a row). */
const YOUNG_GENERATION_MB = 192;

/** `parseRecordFile(setup)` run in a worker thread; same parts, same errors. */
export async function* parseInWorker(setup: ParseSetup): AsyncGenerator<ParsedPart> {
  const worker = new Worker(new URL("./record-parse.worker.mjs", import.meta.url), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const inbox: ParsedPart[] = [];
  let failure: Error | null = null;
  let done = false;
  let wake: (() => void) | null = null;
  const stop = (error: Error) => {
    failure ??= error;
    wake?.();
  };
  worker.on("message", (message: ToWriter) => {
    if (message.type === "part") inbox.push(revive(message.part));
    else if (message.type === "done") done = true;
    else stop(rebuild(message.error));
    wake?.();
  });
  worker.on("error", stop);
  worker.on("exit", (code) => stop(new Error(`import reading thread stopped (exit code ${code})`)));
  try {
    worker.postMessage({ type: "credit", credits: CREDITS } satisfies ToReader);
    for (;;) {
      const part = inbox.shift();
      if (part) {
        yield part;
        worker.postMessage({ type: "credit", credits: 1 } satisfies ToReader);
      } else if (done) {
        return;
      } else if (failure) {
        throw failure;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    }
  } finally {
    worker.removeAllListeners("exit");
    await worker.terminate();
  }
}

/** A part as it arrives: the chunk's bytes come as plain Uint8Arrays; COPY wants Buffers. */
function revive(part: ParsedPart): ParsedPart {
  if (part.type !== "rows" || !part.chunk) return part;
  const buffer = (bytes: Uint8Array<ArrayBuffer>) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { ...part, chunk: { ...part.chunk, csv: buffer(part.chunk.csv), keysCsv: buffer(part.chunk.keysCsv) } };
}
