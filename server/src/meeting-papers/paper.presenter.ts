import type { PaperMeta } from "./paper.repository.js";
import type { PapersTiming } from "./papers-timing.js";
import { toIsoInstant } from "../registers/present.js";

/** A paper as the API shows it (the file is fetched from its own route). */
export type PaperJson = { id: number; title: string; fileName: string | null; contentType: string | null; size: number | null; createdAt: string };

/** Whether the agenda and papers went out in time (papers-timing.ts), with the instant sent. */
export type PapersSentJson = PapersTiming & { sentAt: string | null };

export function presentPaper(p: PaperMeta): PaperJson {
  return { id: p.id, title: p.title, fileName: p.file_name, contentType: p.content_type, size: p.size, createdAt: toIsoInstant(p.created_at) };
}

export function presentSent(sentAt: Date | null, timing: PapersTiming): PapersSentJson {
  return { sentAt: sentAt === null ? null : toIsoInstant(sentAt), ...timing };
}
