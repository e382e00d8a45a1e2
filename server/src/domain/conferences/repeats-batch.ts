// M6 — KL 226 §2.2; KH 63-KH/TU §III.2 — for many conferences at once (the indicator sheet): the
// same verdict as isFlaggedRepeat() for each dissemination conference of a province's year,
// without comparing each one with every upper conference. Pure: the caller reads the candidates
// and the upper conferences (meeting-planning.repository.ts).
import type { ConferencePlanningSettings } from "../settings.js";
import { isFlaggedRepeat, isSameSubject, reachedLowerLevels, titleKey, type RepeatInput, type TitleKey, type UpperConference } from "./repeats.js";

const DAY_MS = 86_400_000;

/** A dissemination conference with no repeat reason given: its start in ms since the epoch. */
export type RepeatCandidate = {
  id: number; orgId: number; title: string; startMs: number; relatedMeetingId: number | null; relatedDocument: string | null;
};

/** An upper conference and the unit that held it. */
export type UpperOfUnit = { orgId: number; conference: UpperConference };

/** Entries each memo below keeps before starting afresh (bounded memory, whatever the titles seen). */
const MEMO_LIMIT = 20_000;

/** titleKey() of titles seen before (tens of µs each; a province's year compares a few hundred
 * titles, sheet after sheet). A pure function of the title, so kept across calls. */
const titleKeys = new Map<string, TitleKey>();
function keyOf(title: string): TitleKey {
  let key = titleKeys.get(title);
  if (!key) {
    if (titleKeys.size >= MEMO_LIMIT) titleKeys.clear();
    titleKeys.set(title, (key = titleKey(title)));
  }
  return key;
}

/** Verdicts of isSameSubject() per threshold, title and upper title, kept across calls. */
const subjects = new Map<number, Map<string, Map<string, boolean>>>();
let subjectCount = 0;

/** isSameSubject() of a conference neither linked to an upper one nor citing a document: its
 * title, the upper conference's title and the threshold decide, nothing else. */
function isSameTitleSubject(percent: number, title: string, upperTitle: string): boolean {
  if (subjectCount >= MEMO_LIMIT) subjects.clear(), (subjectCount = 0);
  let byTitle = subjects.get(percent);
  if (!byTitle) subjects.set(percent, (byTitle = new Map()));
  let byUpper = byTitle.get(title);
  if (!byUpper) byTitle.set(title, (byUpper = new Map()));
  let same = byUpper.get(upperTitle);
  if (same === undefined) {
    const input: RepeatInput = { category: "quan_triet", title, start: new Date(0), relatedMeetingId: null, relatedDocument: null, repeatReason: null };
    const upper: UpperConference = {
      id: Number.NaN, orgCode: "", orgName: "", title: upperTitle, start: new Date(0), end: new Date(0), format: "truc_tuyen", scope: "toan_tinh", communeParticipants: null,
    };
    byUpper.set(upperTitle, (same = isSameSubject(input, upper, percent, keyOf)));
    subjectCount++;
  }
  return same;
}

/** Index of the first of the ascending `values` at or after `x` (values.length when none). */
function firstAtOrAfter(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ids of the `candidates` that M6 flags: each one repeats an upper conference held by one of
 * `unitsAbove(candidate.orgId)` — reached this level, started in the `repeatWindowDays` before
 * it, on the same subject (isFlaggedRepeat). A candidate not linked to an upper conference nor
 * citing a document is on the same subject as an upper conference by their titles alone, so the
 * comparison is made once per pair of titles, and the time window is then a binary search among
 * the start times of the matching upper conferences of each unit above.
 */
export function findFlaggedRepeats(
  candidates: readonly RepeatCandidate[], uppers: readonly UpperOfUnit[], unitsAbove: (orgId: number) => readonly number[], s: ConferencePlanningSettings,
): number[] {
  const byUnit = new Map<number, UpperConference[]>();
  for (const u of uppers) {
    if (!reachedLowerLevels(u.conference)) continue;
    const list = byUnit.get(u.orgId) ?? [];
    list.push(u.conference);
    byUnit.set(u.orgId, list);
  }
  for (const list of byUnit.values()) list.sort((a, b) => a.start.getTime() - b.start.getTime());

  // per unit above and candidate title: start times (ascending) of that unit's conferences on the same subject
  const starts = new Map<number, Map<string, number[]>>();
  const startsOf = (unitId: number, title: string): number[] => {
    let ofUnit = starts.get(unitId);
    if (!ofUnit) starts.set(unitId, (ofUnit = new Map()));
    let list = ofUnit.get(title);
    if (!list) {
      list = (byUnit.get(unitId) ?? []).filter((u) => isSameTitleSubject(s.repeatTitleSimilarityPercent, title, u.title)).map((u) => u.start.getTime());
      ofUnit.set(title, list);
    }
    return list;
  };

  const windowMs = s.repeatWindowDays * DAY_MS;
  const flagged: number[] = [];
  for (const c of candidates) {
    const above = unitsAbove(c.orgId);
    if (c.relatedMeetingId !== null || c.relatedDocument !== null) {
      // linked or citing a document: the subject depends on more than the title
      const input: RepeatInput = {
        category: "quan_triet", title: c.title, start: new Date(c.startMs), repeatReason: null,
        relatedMeetingId: c.relatedMeetingId, relatedDocument: c.relatedDocument,
      };
      if (isFlaggedRepeat(input, above.flatMap((id) => byUnit.get(id) ?? []), s, keyOf)) flagged.push(c.id);
      continue;
    }
    const since = c.startMs - windowMs;
    const repeats = above.some((unitId) => {
      const list = startsOf(unitId, c.title);
      const i = firstAtOrAfter(list, since);
      return i < list.length && (list[i] as number) <= c.startMs;
    });
    if (repeats) flagged.push(c.id);
  }
  return flagged;
}
