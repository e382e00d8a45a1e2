// Papers ahead — KL 226 §2.2; KH 153a/KH-UBND §4.c: the agenda and documents are prepared in
// full and sent to delegates before the conference so they can study them. How many days
// ahead is ours and a setting (conferencePlanning.papersDaysAhead). Pure: pass `now` in.
import type { Finding } from "../conference-checks.js";
import type { ConferencePlanningSettings } from "../settings.js";
import { localDateTimeVi } from "./local-time.js";

export const PAPERS_RULE = {
  title: "Chuẩn bị đầy đủ chương trình, tài liệu và gửi trước cho đại biểu nghiên cứu",
  source: "KL 226 §2.2; KH 153a/KH-UBND §4.c",
} as const;

const DAY_MS = 86_400_000;

/** What the check needs: when it starts and when the papers were sent (null = not yet). */
export type PapersInput = { start: Date; papersSentAt: Date | null };

/** The latest instant the papers may be sent: the start less `papersDaysAhead` whole days
 * (sent exactly then is in time). */
export function papersDueBy(start: Date, s: ConferencePlanningSettings): Date {
  return new Date(start.getTime() - s.papersDaysAhead * DAY_MS);
}

/**
 * Papers findings: sent after the due time; or not sent while the due time has come (the start
 * is less than papersDaysAhead days away, or past). A conference further ahead with nothing
 * sent yet is in time, so no finding.
 */
export function checkPapers(c: PapersInput, s: ConferencePlanningSettings, now: Date, utcOffsetMinutes: number): Finding[] {
  const due = papersDueBy(c.start, s);
  const base = { rule: "PAPERS" as const, severity: "warning" as const, field: "papersSentAt", limit: s.papersDaysAhead, source: PAPERS_RULE.source };
  const dueText = localDateTimeVi(due, utcOffsetMinutes);
  if (c.papersSentAt !== null) {
    if (c.papersSentAt.getTime() <= due.getTime()) return [];
    const daysAhead = Math.max(0, Math.floor((c.start.getTime() - c.papersSentAt.getTime()) / DAY_MS));
    return [{ ...base, actual: daysAhead,
      message: `Chương trình, tài liệu gửi đại biểu lúc ${localDateTimeVi(c.papersSentAt, utcOffsetMinutes)}, muộn hơn hạn ${dueText} (trước hội nghị ${s.papersDaysAhead} ngày) — ${PAPERS_RULE.source}` }];
  }
  if (now.getTime() <= due.getTime()) return [];
  return [{ ...base, actual: 0,
    message: `Chưa gửi chương trình, tài liệu cho đại biểu; hạn gửi là ${dueText} (trước hội nghị ${s.papersDaysAhead} ngày) — ${PAPERS_RULE.source}` }];
}
