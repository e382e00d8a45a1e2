// The reading thread of a large import: it reads the file and hands parts (record-parse.ts)
// back, at most as many as the import's thread has granted credits for — so that it never runs
// ahead of the database by more than a few chunks.
import { parentPort, workerData } from "node:worker_threads";
import { parseRecordFile, type ParseSetup } from "./record-parse.js";
import { describeThrown, type ToReader, type ToWriter } from "./record-parse.thread.js";

const port = parentPort;
if (!port) throw new Error("record-parse.worker runs in a worker thread");

const post = (message: ToWriter, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let credits = 0;
let granted: (() => void) | null = null;

port.on("message", (message: ToReader) => {
  credits += message.credits;
  granted?.();
});

async function credit(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (granted = resolve));
  granted = null;
  credits -= 1;
}

try {
  for await (const part of parseRecordFile(workerData as ParseSetup)) {
    await credit();
    const chunk = part.type === "rows" ? part.chunk : null;
    // a chunk's bytes own their buffers (CsvBuffer.take): hand them over instead of copying them
    const owned = chunk ? [chunk.csv, chunk.keysCsv].filter((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength).map((b) => b.buffer) : [];
    post({ type: "part", part }, owned);
  }
  post({ type: "done" });
} catch (error) {
  post({ type: "error", error: describeThrown(error) });
}
// the import's thread ends this thread once it has the last message
