// Papers ahead (tài liệu gửi trước) as the papers panel shows it: the one rule of
// domain/conferences/papers.ts (the same verdict the conference form's checks give), read as a
// status the panel can colour. Pure: the caller passes the clock and the settings.
import { checkPapers, papersDueBy } from "../domain/conferences/papers.js";
import type { Finding } from "../domain/conference-checks.js";
import type { ConferencePlanningSettings } from "../domain/settings.js";

/** sent_on_time / sent_late: sent by / after the due time; not_sent: still time;
 * not_sent_late: not sent and the due time has passed. */
export type PapersTimingStatus = "sent_on_time" | "sent_late" | "not_sent" | "not_sent_late";

export type PapersTiming = {
  status: PapersTimingStatus;
  isLate: boolean;
  /** the latest instant papers may be sent (ISO 8601 UTC) */
  dueBy: string;
  daysAhead: number;
  /** whole days between sending and the start (null when not sent) */
  daysBeforeStart: number | null;
  /** the "PAPERS" finding when late */
  finding: Finding | null;
};

const DAY_MS = 86_400_000;

/** Whether the papers of a conference starting at `start` were (or can still be) sent in time. */
export function papersTimingOf(
  input: { start: Date; sentAt: Date | null; now: Date },
  settings: ConferencePlanningSettings,
  utcOffsetMinutes: number,
): PapersTiming {
  const [finding] = checkPapers({ start: input.start, papersSentAt: input.sentAt }, settings, input.now, utcOffsetMinutes);
  const isLate = finding !== undefined;
  const sent = input.sentAt !== null;
  return {
    status: sent ? (isLate ? "sent_late" : "sent_on_time") : isLate ? "not_sent_late" : "not_sent",
    isLate,
    dueBy: papersDueBy(input.start, settings).toISOString(),
    daysAhead: settings.papersDaysAhead,
    daysBeforeStart: input.sentAt === null ? null : Math.floor((input.start.getTime() - input.sentAt.getTime()) / DAY_MS),
    finding: finding ?? null,
  };
}
