// M9 — KL 226 §2.2; KH 153a/KH-UBND §4.a: the clashes found by clashes.ts written as findings
// for the form — one per clashing conference, naming the shared chair(s) and unit(s).
import type { Finding } from "../conference-checks.js";
import { RULE_SOURCES } from "../settings.js";
import type { MeetingFormat } from "../settings.js";
import { findClashes, type ClashConference } from "./clashes.js";
import { meetingRecord } from "./repeats.js";
import { localDateTimeVi } from "./local-time.js";

/** A conference that may clash, with what a finding shows of it. */
export type ClashingConference = ClashConference & { id: number; orgCode: string; orgName: string; title: string; format: MeetingFormat };

/** M9 findings of `target` against the conferences overlapping it; `unitOf` names a unit. */
export function checkClashes(
  target: ClashConference, others: readonly ClashingConference[], unitOf: (orgId: number) => { code: string; name: string }, utcOffsetMinutes: number,
): Finding[] {
  const byId = new Map(others.map((o) => [o.id, o]));
  const source = RULE_SOURCES.M9.source;
  return findClashes(target, others).map((clash) => {
    const other = byId.get(clash.otherId) as ClashingConference;
    const units = clash.sharedOrgIds.map(unitOf);
    const what = [
      ...clash.sharedChairs.map((n) => `đồng chí ${n} chủ trì cả hai`),
      ...(units.length > 0 ? [`trùng đơn vị ${units.map((u) => u.name).join(", ")}`] : []),
    ].join("; ");
    return {
      rule: "M9" as const, severity: "warning" as const, field: clash.sharedChairs.length > 0 ? "chairs" : "start",
      limit: 0, actual: clash.sharedChairs.length + clash.sharedOrgIds.length, source,
      records: [meetingRecord(other), ...units.map((u) => ({ kind: "org" as const, ...u }))],
      message: `Trùng thời gian với hội nghị "${other.title}" của ${other.orgName} (${localDateTimeVi(other.start, utcOffsetMinutes)}): ${what} — ${source}`,
    };
  });
}
