// M9 — KL 226 §2.2; KH 153a/KH-UBND §4.a: "bố trí lịch hội nghị hợp lý, tránh trùng lặp". Two
// conferences clash when they overlap in time and either share a chairing leader (chủ trì) or
// book the same unit. Pure: the caller fetches the overlapping conferences (the form's checks,
// the indicator sheet, the calendar).
import { foldDiacritics } from "../text.js";

/** What the clash check needs of a conference. `id` null = a draft not saved yet. */
export type ClashConference = {
  id: number | null;
  /** the host unit: a unit is booked by the conferences it hosts… */
  orgId: number;
  start: Date;
  end: Date;
  chairs: readonly string[];
  /** …and by those it is invited to */
  invitedOrgIds: readonly number[];
};

/** One conference that clashes with the target, and what they share. */
export type ConferenceClash = {
  otherId: number;
  /** chair names as written on the target, shared (after folding) with the other */
  sharedChairs: string[];
  /** units booked by both (host or invited), ascending */
  sharedOrgIds: number[];
};

/** Titles people put before a name that do not make it another person. */
const HONORIFIC = /^(?:dong chi|d\/c|dc|ong|ba)\s+/;

/**
 * A chair's name folded for comparison: case, diacritics and spacing ignored, and a leading
 * "đồng chí", "đ/c", "ông", "bà" dropped — "Đ/c Nguyễn Văn An" is "nguyen van an".
 */
export function chairKey(name: string): string {
  return foldDiacritics(name).replace(HONORIFIC, "").trim();
}

/** The units a conference books: its host and its invited units. */
export function bookedOrgIds(c: Pick<ClashConference, "orgId" | "invitedOrgIds">): Set<number> {
  return new Set([c.orgId, ...c.invitedOrgIds]);
}

/** Whether [a.start, a.end) and [b.start, b.end) overlap: one ending as the other starts is fine. */
export function overlapsInTime(a: Pick<ClashConference, "start" | "end">, b: Pick<ClashConference, "start" | "end">): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * The clashes of `target` with `others` (which need not be pre-filtered: a conference that does
 * not overlap, or the target itself by id, is skipped). One entry per clashing conference, in
 * the order of `others`.
 */
export function findClashes(target: ClashConference, others: readonly ClashConference[]): ConferenceClash[] {
  const chairs = new Map<string, string>();
  for (const name of target.chairs) {
    const key = chairKey(name);
    if (key !== "" && !chairs.has(key)) chairs.set(key, name.trim());
  }
  const booked = bookedOrgIds(target);
  const clashes: ConferenceClash[] = [];
  for (const other of others) {
    if (other.id === null || other.id === target.id || !overlapsInTime(target, other)) continue;
    const otherChairs = new Set(other.chairs.map(chairKey));
    const sharedChairs = [...chairs].filter(([key]) => otherChairs.has(key)).map(([, name]) => name);
    const sharedOrgIds = [...bookedOrgIds(other)].filter((id) => booked.has(id)).sort((a, b) => a - b);
    if (sharedChairs.length > 0 || sharedOrgIds.length > 0) clashes.push({ otherId: other.id, sharedChairs, sharedOrgIds });
  }
  return clashes;
}
