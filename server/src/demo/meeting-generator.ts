// Conferences and meetings (hội nghị, cuộc họp) of one unit: categories, scopes, formats,
// durations and speeches in realistic shares, with a few breaches of M2–M5 to show.
import { countSessions } from "../domain/sessions.js";
import { KL226_DEFAULTS, type MeetingCategory, type MeetingFormat, type MeetingScope } from "../domain/settings.js";
import { calendarOf, dayNumberOf, isoDay, localDay, localInstant } from "./demo-calendar.js";
import { meetingTitle, UNIT_TOPICS } from "./demo-vocabulary.js";
import type { Window } from "./document-generator.js";
import type { SeededRandom } from "./seeded-random.js";
import type { DemoMeeting, UnitProfile } from "./demo.types.js";

const CONVENTION = KL226_DEFAULTS.sessionConvention;
const CATEGORY_MIX = { chuyen_mon: 42, dinh_ky: 26, quan_triet: 12, quan_trong: 8, khac: 12 } as const;

/** Slots in local time: [start hour, start minute, days spanned − 1, end hour, end minute]. */
type Slot = [number, number, number, number, number];
const HALF_DAY_MORNING: Slot = [8, 0, 0, 11, 0];
const HALF_DAY_AFTERNOON: Slot = [14, 0, 0, 16, 30];
const FULL_DAY: Slot = [8, 0, 0, 16, 30];
const DAY_AND_HALF: Slot = [8, 0, 1, 11, 30];
const TWO_DAYS: Slot = [8, 0, 1, 16, 30];

/** Typical slot of a category, and the slot of one that runs over its M4 limit. */
function slotOf(category: MeetingCategory, tooLong: boolean, r: SeededRandom): Slot {
  switch (category) {
    case "quan_triet":
      return tooLong ? FULL_DAY : r.chance(0.7) ? HALF_DAY_MORNING : HALF_DAY_AFTERNOON;
    case "chuyen_mon":
      return tooLong ? DAY_AND_HALF : r.chance(0.6) ? r.pick([HALF_DAY_MORNING, HALF_DAY_AFTERNOON]) : FULL_DAY;
    case "quan_trong":
      return tooLong ? TWO_DAYS : r.chance(0.6) ? FULL_DAY : DAY_AND_HALF;
    default:
      return r.chance(0.8) ? HALF_DAY_MORNING : HALF_DAY_AFTERNOON;
  }
}

type Spec = { day: string; category: MeetingCategory; scope: MeetingScope; format: MeetingFormat; title: string; tooLong: boolean; longSpeech: boolean; exceptionDecision?: string };

/** Builds a meeting row from its day, slot and speeches. */
function buildMeeting(unit: UnitProfile, s: Spec, r: SeededRandom): DemoMeeting {
  const [h, m, extraDays, eh, em] = slotOf(s.category, s.tooLong, r);
  const start = localInstant(s.day, h, m, CONVENTION.utcOffsetMinutes);
  const end = localInstant(isoDay(dayNumberOf(s.day) + extraDays), eh, em, CONVENTION.utcOffsetMinutes);
  const speeches = speechMinutes(s.category, s.longSpeech, r);
  const wide = s.scope === "toan_tinh" || s.scope === "toan_xa";
  return {
    orgCode: unit.org.code,
    title: s.title,
    category: s.category,
    scope: s.scope,
    format: s.format,
    start,
    end,
    sessions: countSessions(start, end, CONVENTION),
    ...speeches,
    exceptionDecision: s.exceptionDecision ?? null,
    communeParticipants: wide ? true : s.scope === "nganh" && s.format !== "truc_tiep" && r.chance(0.4) ? true : null,
  };
}

/** Opening, concluding and longest contribution in minutes; empty when not recorded. */
function speechMinutes(category: MeetingCategory, long: boolean, r: SeededRandom): Pick<DemoMeeting, "openingMin" | "conclusionMin" | "maxContributionMin"> {
  if (category === "dinh_ky" || r.chance(0.2)) return { openingMin: null, conclusionMin: null, maxContributionMin: null };
  const speeches = { openingMin: r.int(5, 10), conclusionMin: r.int(15, 45), maxContributionMin: r.chance(0.7) ? r.int(5, 10) : null };
  if (!long) return speeches;
  const which = r.int(0, 2);
  if (which === 0) speeches.openingMin = r.int(12, 20);
  else if (which === 1) speeches.conclusionMin = r.int(55, 75);
  else speeches.maxContributionMin = r.int(12, 20);
  return speeches;
}

/** Conferences already on the calendar after `now`: the demo schedules this many days ahead. */
export const SCHEDULED_AHEAD_DAYS = 21;

/** Conferences of one unit over the given years, held up to `now` and scheduled for the
 * {@link SCHEDULED_AHEAD_DAYS} days after it. */
export function generateUnitMeetings(unit: UnitProfile, years: readonly number[], windowOf: (year: number) => Window | null, now: Date, rng: SeededRandom): DemoMeeting[] {
  const today = localDay(now, CONVENTION.utcOffsetMinutes);
  const scheduledUntil = isoDay(dayNumberOf(today) + SCHEDULED_AHEAD_DAYS);
  const out: DemoMeeting[] = [];
  const seen = new Set<string>();
  for (const year of years) {
    const window = windowOf(year);
    if (window === null) continue;
    const r = rng.fork(`meetings:${year}`);
    const later = year > 2025;
    const onlineShare = later ? (r.chance(0.75) ? r.between(0.6, 0.78) : r.between(0.5, 0.59)) : r.between(0.3, 0.5);
    const specs: Spec[] = [];
    const planned = Math.round(unit.meetingsPerYear * unit.meetingRatio ** (year - 2025) * r.between(0.95, 1.05));
    const calendar = calendarOf(year);
    for (let i = 0; i < planned; i++) {
      const category = r.weighted<MeetingCategory>(CATEGORY_MIX);
      const day = calendar.draw(r);
      const scope: MeetingScope = r.chance(unit.kind === "commune" ? 0.65 : 0.5) ? "noi_bo" : "nganh";
      const format: MeetingFormat = r.chance(onlineShare) ? (r.chance(0.5) ? "truc_tuyen" : "ket_hop") : "truc_tiep";
      const title = meetingTitle(r, category, unit.topics, day);
      specs.push({ day, category, scope, format, title, tooLong: r.chance(later ? 0.02 : 0.06), longSpeech: r.chance(later ? 0.025 : 0.06) });
    }
    if (unit.kind === "commune") specs.push(...communeWide(year, onlineShare, r));
    specs.push(...(PROVINCE_WIDE[unit.org.code]?.filter((s) => s.day.startsWith(String(year))) ?? []));
    for (const spec of specs) {
      if (spec.day < window.from || spec.day > window.to) continue;
      const meeting = buildMeeting(unit, spec, r);
      const key = `${meeting.title}|${meeting.start.getTime()}`;
      if (meeting.start > now || seen.has(key)) continue;
      seen.add(key);
      out.push(meeting);
    }
    // scheduled, not held yet (no speech times): drawn from a stream of their own, so that the
    // conferences held up to now are the same whatever the horizon
    const ahead = r.fork("scheduled");
    for (const spec of specs) {
      if (spec.day < today || spec.day > scheduledUntil || spec.day < window.from || (unit.org.validTo ?? "9999-12-31") < spec.day) continue;
      const meeting: DemoMeeting = { ...buildMeeting(unit, spec, ahead), openingMin: null, conclusionMin: null, maxContributionMin: null };
      const key = `${meeting.title}|${meeting.start.getTime()}`;
      if (meeting.start <= now || seen.has(key)) continue;
      seen.add(key);
      out.push(meeting);
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Commune-wide conferences (toàn xã): 3–5 in 2025, 2–4 in 2026 (so some communes exceed the
 * M3 limit of 3), plus the People's Council's two regular sessions, which M3 exempts. */
function communeWide(year: number, onlineShare: number, r: SeededRandom): Spec[] {
  const calendar = calendarOf(year);
  const count = year > 2025 ? r.int(2, 4) : r.int(3, 5);
  const specs: Spec[] = [];
  for (let i = 0; i < count; i++) {
    const category: MeetingCategory = r.chance(0.5) ? "quan_triet" : "quan_trong";
    const day = calendar.draw(r);
    specs.push({ day, category, scope: "toan_xa", format: r.chance(onlineShare) ? "ket_hop" : "truc_tiep", title: `${meetingTitle(r, category, UNIT_TOPICS.commune ?? [], day)} (toàn xã)`, tooLong: false, longSpeech: false });
  }
  for (const [month, label] of [["07", "giữa năm"], ["12", "cuối năm"]] as const) {
    const day = calendar.daysOfMonth(`${year}-${month}`)[r.int(5, 12)] ?? `${year}-${month}-10`;
    specs.push({ day, category: "dinh_ky", scope: "toan_xa", format: "truc_tiep", title: `Kỳ họp thường lệ ${label} ${year} của Hội đồng nhân dân xã`, tooLong: false, longSpeech: false });
  }
  return specs;
}

const fixed = (day: string, category: MeetingCategory, format: MeetingFormat, title: string, exceptionDecision?: string): Spec => ({ day, category, scope: "toan_tinh", format, title, tooLong: false, longSpeech: false, exceptionDecision });

/** Province-wide conferences (toàn tỉnh) by host unit: five in 2025, three in 2026 of which one
 * is allowed by a decision of the Standing Committee — so M3 counts two — plus the People's
 * Council's regular sessions, which are exempt. */
const PROVINCE_WIDE: Record<string, Spec[]> = {
  TQ: [
    fixed("2025-01-10", "quan_trong", "truc_tiep", "Hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025 của UBND tỉnh"),
    fixed("2025-05-20", "chuyen_mon", "ket_hop", "Hội nghị triển khai sắp xếp đơn vị hành chính cấp xã"),
    fixed("2025-07-10", "dinh_ky", "truc_tiep", "Kỳ họp thứ nhất Hội đồng nhân dân tỉnh khóa XIX"),
    fixed("2025-12-09", "dinh_ky", "truc_tiep", "Kỳ họp thường lệ cuối năm 2025 của Hội đồng nhân dân tỉnh"),
    fixed("2026-01-09", "quan_trong", "ket_hop", "Hội nghị trực tuyến tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026"),
    fixed("2026-07-08", "dinh_ky", "truc_tiep", "Kỳ họp thường lệ giữa năm 2026 của Hội đồng nhân dân tỉnh"),
  ],
  TU_TQ: [
    fixed("2025-02-12", "quan_triet", "truc_tiep", "Hội nghị quán triệt Nghị quyết số 18-NQ/TW về sắp xếp tinh gọn bộ máy"),
    fixed("2025-08-15", "quan_triet", "ket_hop", "Hội nghị quán triệt Nghị quyết số 57-NQ/TW và Nghị quyết số 68-NQ/TW"),
    fixed("2025-10-28", "quan_triet", "truc_tiep", "Hội nghị quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII"),
    fixed("2026-03-18", "quan_triet", "truc_tuyen", "Hội nghị quán triệt, triển khai Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", "Quyết định số 215-QĐ/TU ngày 02/3/2026 của Ban Thường vụ Tỉnh ủy"),
    fixed("2026-07-15", "quan_trong", "ket_hop", "Hội nghị sơ kết 6 tháng đầu năm 2026 thực hiện Kết luận số 226-KL/TW"),
  ],
};
