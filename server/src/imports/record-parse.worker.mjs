// Entry of the import's reading thread (record-parse.thread.ts): the sources are TypeScript,
// run through tsx as bin/leloi.js runs the CLI — no build step.
import { register } from "tsx/esm/api";

register();
await import("./record-parse.worker.ts");
