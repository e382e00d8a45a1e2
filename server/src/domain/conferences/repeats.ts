// M6 — KL 226 §2.2; KH 63-KH/TU §III.2: do not hold again a conference that an upper level has
// already held online down to this level. A dissemination conference (quán triệt) is flagged
// before it is saved when an upper conference on the same subject reached this level, unless a
// reason is given. Pure: the caller fetches the upper conferences (meeting-planning.repository).
import type { Finding, FindingRecord } from "../conference-checks.js";
import type { ConferencePlanningSettings, MeetingCategory, MeetingFormat, MeetingScope } from "../settings.js";
import { RULE_SOURCES } from "../settings.js";
import { foldDiacritics } from "../text.js";
import { readingView } from "../texts/fold.js";
import { findNumbers, numberKey } from "../texts/doc-numbers.js";
import { localDateVi } from "./local-time.js";

/** An upper-level conference (held by an ancestor of the host) the check may match. */
export type UpperConference = {
  id: number; orgCode: string; orgName: string; title: string; start: Date; end: Date;
  format: MeetingFormat; scope: MeetingScope; communeParticipants: boolean | null;
};

/** What M6 needs of the conference being saved. */
export type RepeatInput = {
  category: MeetingCategory; title: string; start: Date;
  relatedMeetingId: number | null; relatedDocument: string | null; repeatReason: string | null;
};

/** Words every conference title carries whatever its subject: left out of the comparison, or
 * "Hội nghị quán triệt Nghị quyết 57" and "Hội nghị quán triệt Nghị quyết 18" would look alike. */
const BOILERPLATE = /\b(?:hoi nghi|cuoc hop|truc tuyen|truc tiep|ket hop|quan triet|trien khai|thuc hien|hoc tap|pho bien|tuyen truyen|so|cua|ve|va|viec|ngay)\b/g;

/** What the subject comparison needs of a title, computed once per title. */
export type TitleKey = { trigrams: Set<string>; numbers: Set<string>; ordinals: Set<string>; years: Set<string> };

/** The comparison key of a title (its trigrams, the document numbers it cites, its ordinals
 * and years). */
export function titleKey(title: string): TitleKey {
  const folded = foldDiacritics(title);
  const all = (re: RegExp) => new Set([...folded.matchAll(re)].map((m) => m[1] ?? ""));
  return {
    trigrams: trigrams(title), numbers: citedNumbers(title),
    // "lần thứ XIV", "khóa XV", "Đại hội XIV": which congress or term
    ordinals: all(/\b(?:lan thu|khoa|dai hoi) ([ivxlc]+|\d+)\b/g),
    // "năm 2026": which year (a document's date is not the subject's year)
    years: all(/\bnam (\d{4})\b/g),
  };
}

/** Both name some and none in common: they name different things. */
const differ = (a: Set<string>, b: Set<string>) => a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

/** The trigrams of a title as pg_trgm forms them: folded, words of letters and digits, each
 * padded with two spaces before and one after. A set: repeats count once. */
function trigrams(title: string): Set<string> {
  const words = foldDiacritics(title).replace(/[^a-z0-9]+/g, " ").replace(BOILERPLATE, " ").split(" ").filter((w) => w !== "");
  const out = new Set<string>();
  for (const w of words) {
    const padded = `  ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/**
 * How alike two conference titles are, 0–100: the Sørensen–Dice coefficient of their character
 * trigram sets (2·|A∩B| / (|A|+|B|)), on titles folded for case and diacritics and without the
 * words every title has. Trigrams forgive word order, inflection and typing slips.
 */
export function titleSimilarity(a: string, b: string): number {
  return keySimilarity(trigrams(a), trigrams(b));
}

/** {@link titleSimilarity} of two trigram sets. */
function keySimilarity(ta: Set<string>, tb: Set<string>): number {
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return Math.round((200 * shared) / (ta.size + tb.size));
}

/** The document numbers a text cites ("57-NQ/TW", "534/QĐ-TTg"), as loose keys. */
export function citedNumbers(text: string): Set<string> {
  return new Set(findNumbers(readingView(text)).map((n) => numberKey(n.number)));
}

/**
 * Whether an upper conference reached this level (the host's conference would repeat it to the
 * same people): it was held online or hybrid (truyền hình, trực tuyến — an in-person one did not
 * reach anyone below), and either it was for the whole province (toàn tỉnh) or a whole sector
 * (ngành), which run down to every level, or the lower levels joined it (commune_participants).
 */
export function reachedLowerLevels(u: Pick<UpperConference, "format" | "scope" | "communeParticipants">): boolean {
  if (u.format === "truc_tiep") return false;
  return u.scope === "toan_tinh" || u.scope === "nganh" || u.communeParticipants === true;
}

/** Whether an upper conference is on the same subject. Linked by the user; citing the same
 * document; or titles alike — unless both cite documents, congresses/terms or years and none in
 * common: those name the subject ("Nghị quyết 57" is not "Nghị quyết 18", the province's
 * congress lần thứ XVIII is not the nation's XIV, however alike the words). */
export function isSameSubject(c: RepeatInput, u: UpperConference, minPercent: number, keyOf: (title: string) => TitleKey): boolean {
  if (c.relatedMeetingId === u.id) return true;
  const mine = keyOf(c.title);
  const theirs = keyOf(u.title);
  const cited = c.relatedDocument === null ? mine.numbers : new Set([...mine.numbers, ...citedNumbers(c.relatedDocument)]);
  if ([...cited].some((n) => theirs.numbers.has(n))) return true;
  if (cited.size > 0 && theirs.numbers.size > 0) return false;
  if (differ(mine.ordinals, theirs.ordinals) || differ(mine.years, theirs.years)) return false;
  return keySimilarity(mine.trigrams, theirs.trigrams) >= minPercent;
}

const DAY_MS = 86_400_000;

/**
 * The upper conferences `c` would repeat: reached this level, in the window before its start
 * (repeatWindowDays), and on the same subject. Only dissemination conferences are checked.
 * `keyOf` may memoise {@link titleKey} when many conferences are compared (the sheet).
 */
export function findRepeatedUpperConferences(
  c: RepeatInput, uppers: readonly UpperConference[], s: ConferencePlanningSettings, keyOf: (title: string) => TitleKey = titleKey,
): UpperConference[] {
  if (c.category !== "quan_triet") return [];
  const from = c.start.getTime() - s.repeatWindowDays * DAY_MS;
  return uppers.filter(
    (u) => u.start.getTime() >= from && u.start.getTime() <= c.start.getTime() && reachedLowerLevels(u) && isSameSubject(c, u, s.repeatTitleSimilarityPercent, keyOf),
  );
}

/** Whether M6 flags `c` (a repeated upper conference and no reason given). */
export function isFlaggedRepeat(c: RepeatInput, uppers: readonly UpperConference[], s: ConferencePlanningSettings, keyOf: (title: string) => TitleKey = titleKey): boolean {
  if (c.repeatReason !== null && c.repeatReason.trim() !== "") return false;
  return findRepeatedUpperConferences(c, uppers, s, keyOf).length > 0;
}

const FORMAT_LABEL: Record<MeetingFormat, string> = { truc_tiep: "trực tiếp", truc_tuyen: "trực tuyến", ket_hop: "kết hợp" };

/** A conference as a finding shows it. */
export function meetingRecord(u: Omit<UpperConference, "scope" | "communeParticipants">): FindingRecord {
  return { kind: "meeting", id: u.id, orgCode: u.orgCode, orgName: u.orgName, title: u.title, start: u.start.toISOString(), end: u.end.toISOString(), format: u.format };
}

/** M6 findings: one per repeated upper conference, unless a reason for holding it is given. */
export function checkRepeats(c: RepeatInput, uppers: readonly UpperConference[], s: ConferencePlanningSettings, utcOffsetMinutes: number): Finding[] {
  if (c.repeatReason !== null && c.repeatReason.trim() !== "") return [];
  const source = RULE_SOURCES.M6.source;
  return findRepeatedUpperConferences(c, uppers, s).map((u) => ({
    rule: "M6" as const, severity: "warning" as const, field: "repeatReason",
    limit: s.repeatTitleSimilarityPercent, actual: titleSimilarity(c.title, u.title), source,
    records: [meetingRecord(u)],
    message: `${u.orgName} đã tổ chức hội nghị ${FORMAT_LABEL[u.format]} "${u.title}" ngày ${localDateVi(u.start, utcOffsetMinutes)} đến cấp này; không tổ chức lại hội nghị quán triệt cùng nội dung, hoặc ghi rõ lý do — ${source}`,
  }));
}
