// Shared set-up of the conference papers and conclusions tests: conferences inserted directly
// (the register's own API is tested in test/registers), the fixtures, and request helpers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AppContext } from "../../server/src/context.js";

/** Hà Nội time is UTC+7: "2026-06-10 08:00" local → an instant. */
export const local = (dayTime: string): Date => new Date(`${dayTime.replace(" ", "T")}:00+07:00`);

let seq = 0;

/** Inserts a conference of `orgId` from `start` to `end` (local "YYYY-MM-DD HH:mm"). */
export async function buildMeeting(ctx: AppContext, orgId: number, start: string, end: string, overrides: { title?: string; agenda?: string } = {}) {
  seq += 1;
  return ctx.handle.db.insertInto("meetings").values({
    org_id: orgId, title: overrides.title ?? `Hội nghị sơ kết số ${seq}`, category: "chuyen_mon", scope: "noi_bo", format: "truc_tuyen",
    start_at: local(start), end_at: local(end), sessions: 1, agenda: overrides.agenda ?? null,
  }).returning(["id", "org_id", "title"]).executeTakeFirstOrThrow();
}

/** Files of test/fixtures. */
export const fixture = (...path: string[]): Buffer => readFileSync(join(import.meta.dirname, "..", "fixtures", ...path));

/** A real PDF (the agenda) and a real DOCX (a task table) from test/fixtures. */
export const AGENDA_PDF = () => fixture("conferences", "chuong-trinh-hoi-nghi.pdf");
export const REPORT_DOCX = () => fixture("plans", "seed-004-tasks.docx");
