// M4 — KL 226 §2.2; kl226-rules.md §2 (last paragraph): a duration in days is counted in
// half-day sessions (buổi). Each calendar day a meeting touches counts one session for any
// time before noon and one for any time after noon: ½ day = 1, 1 day = 2, 1.5 days = 3.
// The split and the time zone come from settings.sessionConvention.
import { DomainError } from "./errors.js";

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

/**
 * Half-day sessions (buổi) a meeting touches, in local time. The meeting occupies the
 * half-open interval [start, end): ending exactly at noon touches no afternoon time, ending
 * exactly at midnight touches nothing of the next day. Throws DomainError("INVALID_RANGE")
 * when end ≤ start or either instant is invalid.
 */
export function countSessions(start: Date, end: Date, conv: { noonMinutes: number; utcOffsetMinutes: number }): number {
  const s = start.getTime() + conv.utcOffsetMinutes * MIN_MS;
  const e = end.getTime() + conv.utcOffsetMinutes * MIN_MS;
  if (Number.isNaN(s) || Number.isNaN(e) || e <= s) {
    throw new DomainError("INVALID_RANGE", "Thời điểm kết thúc phải sau thời điểm bắt đầu", {
      start: start.toString(),
      end: end.toString(),
    });
  }
  const noon = conv.noonMinutes * MIN_MS;
  const touches = (from: number, to: number): boolean => from < to && Math.max(s, from) < Math.min(e, to);
  let sessions = 0;
  for (let day = Math.floor(s / DAY_MS) * DAY_MS; day < e; day += DAY_MS) {
    if (touches(day, day + noon)) sessions += 1; // morning (buổi sáng)
    if (touches(day + noon, day + DAY_MS)) sessions += 1; // afternoon (buổi chiều)
  }
  return sessions;
}
