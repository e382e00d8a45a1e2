// Shared set-up of the document-text API tests: seed texts, multipart bodies, document creation
// and text upload through the API.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { TestApp } from "../helpers/test-app.js";
import { parseDocumentText } from "../../server/src/domain/texts/parse-document.js";

export type Headers = Record<string, string>;

const SEEDS = join(import.meta.dirname, "..", "fixtures", "seeds");
export const SEED_FILES = {
  "000": "000_0acd55e50ef2e5ac.txt",
  "001": "001_2aea0d3bf3990f33.txt",
  "002": "002_57a8e72d5c205de3.txt",
  "003": "003_91156f8a68636681.txt",
  "004": "004_c05ab9e5b4ae4959.txt",
} as const;

export const seedText = (id: keyof typeof SEED_FILES): string => readFileSync(join(SEEDS, SEED_FILES[id]), "utf8");

/** KL 226 itself, as forwarded after the covering letter 237-CV/TU in seed 003. */
export function kl226Text(): string {
  const t = seedText("003");
  return t.slice(parseDocumentText(t).bodyEnd);
}

/** A multipart/form-data body with one file in `file`, for app.inject. */
export function multipart(fileName: string, content: Buffer | string): { payload: Buffer; headers: Headers } {
  const boundary = "----leloi-texts-boundary";
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export type CheckSummary = { copiedShare: number; thresholdPercent: number; overThreshold: boolean; passageCount: number; sourcesCompared: number };
export type TextJson = {
  documentId: number; fileName: string | null; format: string; charCount: number; text: string;
  metadata: { number: string | null; references: Array<{ number: string }> } & Record<string, unknown>;
  copyCheck: CheckSummary | null; offered?: Record<string, string>; rechecked?: number;
};

/** Creates a register entry through the API; returns its id. */
export async function createDoc(t: TestApp, headers: Headers, body: { orgCode: string; number: string; type: string; issuedOn: string; subject?: string; secret?: boolean }): Promise<number> {
  const res = await t.app.inject({ method: "POST", url: "/api/documents", headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

/** Registers a text for a document (multipart TXT); returns the answer. */
export async function putText(t: TestApp, headers: Headers, id: number, text: string | Buffer, fileName = "van-ban.txt"): Promise<TextJson> {
  const body = multipart(fileName, text);
  const res = await t.app.inject({ method: "PUT", url: `/api/documents/${id}/text`, headers: { ...headers, ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TextJson;
}

/** The stored copy check of a document (through the API). */
export async function copyOf(t: TestApp, headers: Headers, id: number) {
  const res = await t.app.inject({ method: "GET", url: `/api/documents/${id}/copy`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    document: { id: number; text: string };
    copyCheck: CheckSummary;
    passages: Array<{ start: number; end: number; sourceDocumentId: number; sourceStart: number; sourceEnd: number; similarity: number }>;
    sources: Array<{ id: number; number: string; orgCode: string; text: string | null }>;
  };
}
