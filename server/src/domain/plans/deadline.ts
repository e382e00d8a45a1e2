// Deadline language → schedule — kl226-rules.md §5 (task tables of plans 002 and 004; forms
// listed from 001 §III.3) and T3 "rõ thời gian" (KL 226 §2.3). Every form is matched on
// folded text, whole cell at once (anchored patterns), with common OCR confusions repaired
// first; anything else is `unknown` and keeps its text — never a guessed date.
import { foldDiacritics, parseDate } from "../normalize.js";
import { CADENCE_ORDER } from "./schedule.js";
import type { Cadence, EventOffset, Schedule } from "./schedule.js";
import { foldKeepingLength, isoDay, lastDayOfPeriod, tidyText } from "./plan-text.js";

export type { Schedule, Cadence, Occurrence, EventOffset } from "./schedule.js";
export { occurrencesOf } from "./schedule.js";

/** Context of a deadline: the plan's year anchors "Định kỳ hằng năm" and bounds plausible years. */
export type DeadlineContext = { planYear: number };

/**
 * Years outside [planYear − 5, planYear + 15] are taken for OCR noise ("Năm 5496" in seed
 * 002) and make the text unknown rather than a date centuries away.
 */
const YEARS_BEFORE = 5;
const YEARS_AFTER = 15;

/** OCR repairs on folded words (seed 002: "ndm", "hing nim", "bt dau tu", "Saukhi", "tir"). */
const OCR_WORDS: Array<[RegExp, string]> = [
  [/\bsaukhi\b/g, "sau khi"],
  [/\b(?:ndm|nim|nem|ndam|nain|nsm)\b/g, "nam"],
  [/\b(?:hing|heng|hong)\b/g, "hang"],
  [/\b(?:thing|thdng|thanq)\b/g, "thang"],
  [/\b(?:quv|guy|qui)\b/g, "quy"],
  [/\b(?:tur|tir|tw|tiu)\b/g, "tu"],
  [/\b(?:bt|bdt|bit)\b/g, "bat"],
  [/\bddu\b/g, "dau"],
  [/\b(?:thuomg|thucng|thuang)\b/g, "thuong"],
  [/\bxuyem\b/g, "xuyen"],
  [/\b(?:chdm|chim)\b/g, "cham"],
  [/\bnhdt\b/g, "nhat"],
  [/\b(?:trudc|tru6c)\b/g, "truoc"],
  [/\bki\b/g, "ky"],
];

/** Folded, OCR-repaired form of a deadline cell. */
function normalizeDeadline(text: string): string {
  let s = foldDiacritics(text.normalize("NFC"))
    .replace(/[‘’'"“”`´]/g, "")
    .replace(/[–—−]/g, "-")
    .replace(/[|[\]{}]/g, " ") // table borders read as characters by OCR ("[ndm 2026")
    .replace(/(\d)\s*([/.-])\s*(?=\d)/g, "$1$2");
  for (const [re, to] of OCR_WORDS) s = s.replace(re, to);
  return s.replace(/\s+/g, " ").replace(/^[\s.,;:-]+|[\s.,;:]+$/g, "").trim();
}

type Parser = (n: string, text: string, ctx: DeadlineContext) => Schedule | null;

const yearOk = (y: number, ctx: DeadlineContext): boolean =>
  Number.isInteger(y) && y >= ctx.planYear - YEARS_BEFORE && y <= ctx.planYear + YEARS_AFTER;

/** Roman or arabic quarter number, tolerant of OCR (1V, lV → IV). */
function quarterNumber(token: string): number | null {
  if (/^[1-4]$/.test(token)) return Number(token);
  const roman = token.replace(/[1l|]/g, "i");
  const n = { i: 1, ii: 2, iii: 3, iv: 4 }[roman];
  return n ?? null;
}

/** "Sau khi …", "Khi …", "Trong vòng 30 ngày (làm việc) kể từ …", "Theo yêu cầu …": event-bound. */
const parseEvent: Parser = (n, text) => {
  const original = tidyText(text);
  const folded = foldKeepingLength(original);
  const offset = /^(?:trong vong|trong|cham nhat) (\d{1,3}) ngay( lam viec)?,? (?:ke tu ngay|ke tu khi|ke tu|sau khi|tu khi|sau) /.exec(n);
  if (offset) {
    const cut = /^\S+(?: vong| nhat)? \d{1,3} ngay(?: lam viec)?,? (?:ke tu ngay|ke tu khi|ke tu|sau khi|tu khi|sau)\s*/.exec(folded);
    const event = cut ? original.slice(cut[0].length) : original;
    const o: EventOffset = { days: Number(offset[1]), workingDays: offset[2] !== undefined };
    return { kind: "event", event, offset: o, text };
  }
  if (/^(?:ngay )?sau khi \S/.test(n) || /^khi (?:co )?\S/.test(n)) {
    const cut = /^(?:ngay\s+)?(?:sau\s*khi|khi)\s+/.exec(folded);
    return { kind: "event", event: cut ? original.slice(cut[0].length) : original, offset: null, text };
  }
  if (/^(?:theo|khi co) (?:yeu cau|chi dao)\b/.test(n)) return { kind: "event", event: original, offset: null, text };
  return null;
};

/** "Thường xuyên", "Thường xuyên, liên tục", "Thường xuyên từ 2026", "2026 và thường xuyên". */
const parseOngoing: Parser = (n, text, ctx) => {
  const plain = /^(?:thuong xuyen|lien tuc)(?:,? lien tuc)?(?:,? (?:bat dau )?tu (?:nam )?(\d{4}))?$/.exec(n);
  if (plain) {
    if (plain[1] === undefined) return { kind: "ongoing", from: null, due: null, text };
    const y = Number(plain[1]);
    return yearOk(y, ctx) ? { kind: "ongoing", from: isoDay(y, 1, 1), due: null, text } : null;
  }
  const withYear = /^(?:nam )?(\d{4}),? va thuong xuyen$/.exec(n);
  if (withYear) {
    const y = Number(withYear[1]);
    return yearOk(y, ctx) ? { kind: "ongoing", from: isoDay(y, 1, 1), due: isoDay(y, 12, 31), text } : null;
  }
  return null;
};

const CADENCE_WORDS: Array<[RegExp, Cadence]> = [
  [/\b(?:6|sau) thang\b|\bnua nam\b/g, "half"],
  [/\bquy\b/g, "quarter"],
  [/\bthang\b/g, "month"],
  [/\bnam\b/g, "year"],
];

/**
 * "Hằng năm, bắt đầu từ 2026", "Hàng năm, từ 2026", "Năm 2026, hằng năm", "Định kỳ hằng năm",
 * "Hằng quý, 6 tháng, năm" (→ quarter, half, year), "Hằng tháng", "… đến năm 2030".
 * Needs a recurrence word (hằng/hàng, định kỳ, mỗi); without a start year it starts on 1
 * January of the plan's year.
 */
const parseRecurring: Parser = (n, text, ctx) => {
  if (!/\b(?:hang|dinh ky|moi)\b/.test(n)) return null;
  let rest = n;
  let fromYear = ctx.planYear;
  let untilYear: number | null = null;
  const lead = /^(?:nam )?(\d{4}),? /.exec(rest);
  const start = /,? ?(?:bat dau )?tu (?:nam )?(\d{4})/.exec(rest);
  if (lead) {
    fromYear = Number(lead[1]);
    rest = rest.slice(lead[0].length);
  } else if (start) {
    fromYear = Number(start[1]);
    rest = rest.replace(start[0], " ");
  }
  const until = /,? ?den (?:het )?(?:nam )?(\d{4})/.exec(rest);
  if (until) {
    untilYear = Number(until[1]);
    rest = rest.replace(until[0], " ");
  }
  if (!yearOk(fromYear, ctx) || (untilYear !== null && (!yearOk(untilYear, ctx) || untilYear < fromYear))) return null;
  rest = rest.replace(/\b(?:dinh ky|hang|moi)\b/g, " ");
  const found = new Set<Cadence>();
  for (const [re, cadence] of CADENCE_WORDS) {
    rest = rest.replace(re, () => {
      found.add(cadence);
      return " ";
    });
  }
  // only separators may remain: anything else means the text says more than we understand
  if (found.size === 0 || !/^[\s,;/]*(?:(?:va|,|;|\/)[\s,;/]*)*$/.test(rest)) return null;
  const cadence = CADENCE_ORDER.filter((c) => found.has(c));
  return { kind: "recurring", cadence, from: isoDay(fromYear, 1, 1), until: untilYear === null ? null : isoDay(untilYear, 12, 31), text };
};

/** "2026-2027", "Giai đoạn 2026 - 2030", "Từ năm 2026 đến năm 2027": due at the end of the last year. */
const parseRange: Parser = (n, text, ctx) => {
  const m = /^(?:giai doan |tu )?(?:nam )?(\d{4}) ?(?:-|den(?: het)?) ?(?:nam )?(\d{4})$/.exec(n);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (!yearOk(a, ctx) || !yearOk(b, ctx) || b <= a) return null;
  const to = isoDay(b, 12, 31);
  return { kind: "range", from: isoDay(a, 1, 1), to, due: to, text };
};

/** Qualifiers that do not move the due: "Chậm nhất", "Trước ngày", "Trong", "Đến", "Hoàn thành". */
const QUALIFIERS = /^(?:(?:cham nhat|han chot|han|hoan thanh|thuc hien|truoc ngay|truoc|trong|ngay|vao|den het|den|het)[,:]? )+/;

/**
 * One due: "15/5/2026", "Chậm nhất 15/5/2026", "Tháng 5 năm 2026" (→ 31/05), "Quý IV/2026",
 * "Trong quý I năm 2026", "6 tháng đầu năm 2026", "Năm 2026", "Đến cuối 2026" (→ 31/12).
 * "Trước tháng/quý/năm …" is left unknown: whether the named period is included is not ours to guess.
 */
const parseSingle: Parser = (n, text, ctx) => {
  if (/^truoc (?:thang|quy|nam|cuoi)\b/.test(n)) return null;
  const r = n.replace(QUALIFIERS, "");
  const dated = (y: number, periodId: string, due?: string): Schedule | null =>
    yearOk(y, ctx) ? { kind: "date", due: due ?? lastDayOfPeriod(periodId), period: periodId, text } : null;

  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(r) ?? /^(\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(r);
  if (dmy) {
    const p = parseDate(`${dmy[1]}/${dmy[2]}/${dmy[3]}`);
    return p.ok ? dated(Number(dmy[3]), p.value.slice(0, 7), p.value) : null;
  }
  const month = /^thang (\d{1,2})(?: nam |[/-]| )(\d{4})$/.exec(r);
  if (month) {
    const m = Number(month[1]);
    return m >= 1 && m <= 12 ? dated(Number(month[2]), `${month[2]}-${String(m).padStart(2, "0")}`) : null;
  }
  const quarter = /^quy ([0-9ivxl|]{1,4})(?: nam |[/-]| )(\d{4})$/.exec(r);
  if (quarter) {
    const q = quarterNumber(quarter[1] ?? "");
    return q === null ? null : dated(Number(quarter[2]), `${quarter[2]}Q${q}`);
  }
  const half = /^(?:(?:6|sau) thang|nua) (dau|cuoi) nam (\d{4})$/.exec(r);
  if (half) return dated(Number(half[2]), `${half[2]}S${half[1] === "dau" ? 1 : 2}`);
  const year = /^(?:cuoi |het )?(?:nam )?(\d{4})$/.exec(r);
  if (year) return dated(Number(year[1]), String(year[1]));
  return null;
};

const PARSERS: Parser[] = [parseEvent, parseOngoing, parseRecurring, parseRange, parseSingle];

/**
 * Parse a task's deadline cell into a Schedule (rule T3 "rõ thời gian" — KL 226 §2.3;
 * forms of kl226-rules.md §5). Forms: a date (`Chậm nhất 15/5/2026`), a month (`Tháng 5 năm
 * 2026` → 31/05/2026), a quarter (`Quý IV/2026`, `Trong quý I năm 2026`), a half, a year
 * (`Năm 2026`, `Đến cuối 2026` → 31/12), a range (`2026-2027`), a recurrence (`Hằng năm, bắt
 * đầu từ 2026`, `Định kỳ hằng năm`, `Hằng quý, 6 tháng, năm`), ongoing (`Thường xuyên`), an
 * event (`Sau khi Thủ tướng CP ban hành Chỉ thị`) — and their OCR'd spellings (`Thang 5 ndm
 * 2026`, `Hang nam, bt dau tu 2026`, `Saukhi …`, `Quy 1V/2026`). Anything else, including
 * years implausibly far from `planYear`, is `{ kind: "unknown", text }`.
 */
export function parseDeadline(text: string, ctx: DeadlineContext): Schedule {
  const n = normalizeDeadline(text);
  if (n === "") return { kind: "unknown", text };
  for (const parse of PARSERS) {
    const s = parse(n, text, ctx);
    if (s !== null) return s;
  }
  return { kind: "unknown", text };
}
