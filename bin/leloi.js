#!/usr/bin/env node
// The `leloi` command: runs the TypeScript CLI through tsx so that no build step is needed.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register();
const entry = fileURLToPath(new URL("../server/src/cli/main.ts", import.meta.url));
await import(entry);
