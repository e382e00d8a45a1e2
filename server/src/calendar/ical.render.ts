// An iCalendar (RFC 5545) document of conferences, written by ical-generator, so that the
// calendar shows in the mail clients people already use. Times carry TZID Asia/Ho_Chi_Minh with
// its VTIMEZONE; DTSTAMP is UTC; each conference keeps one UID so that a client updates it in
// place when it moves.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { MeetingsTable } from "../db/schema.js";
import { FixedOffsetDateTime, offsetText } from "./ical-local-time.js";

/** The product identifier of our feeds (RFC 5545 §3.7.3). */
const PROD_ID = { company: "leloi", product: "Lich hoi nghi KL 226", language: "VI" };

const CATEGORY_TEXT: Record<MeetingsTable["category"], string> = {
  quan_triet: "Quán triệt, phổ biến", chuyen_mon: "Chuyên môn, nghiệp vụ", quan_trong: "Quan trọng, cần thảo luận",
  dinh_ky: "Kỳ họp định kỳ", khac: "Khác",
};
const SCOPE_TEXT: Record<MeetingsTable["scope"], string> = { toan_tinh: "Toàn tỉnh", toan_xa: "Toàn xã", nganh: "Ngành", noi_bo: "Nội bộ" };
const FORMAT_TEXT: Record<MeetingsTable["format"], string> = { truc_tiep: "Trực tiếp", truc_tuyen: "Trực tuyến", ket_hop: "Kết hợp" };

/** A conference as a feed shows it. */
export type FeedEvent = {
  id: number;
  title: string;
  category: MeetingsTable["category"];
  scope: MeetingsTable["scope"];
  format: MeetingsTable["format"];
  start: Date;
  end: Date;
  chairs: string[];
  hostName: string;
  invitedNames: string[];
  isPlanned: boolean;
  /** where the conference takes place, when recorded */
  location?: string | null;
};

/**
 * The IANA zone of a unit's UTC offset: +07:00 is Asia/Ho_Chi_Minh (kl226-rules.md: times are
 * Vietnam's); another whole-hour offset a jurisdiction might set is Etc/GMT∓h (the sign of those
 * names is inverted by POSIX convention).
 */
export function timeZoneIdFor(offsetMinutes: number): string {
  if (offsetMinutes === 420) return "Asia/Ho_Chi_Minh";
  if (offsetMinutes === 0) return "UTC";
  if (offsetMinutes % 60 !== 0) throw new Error(`no IANA zone name for UTC offset ${offsetText(offsetMinutes)}`);
  const hours = offsetMinutes / 60;
  return `Etc/GMT${hours > 0 ? "-" : "+"}${Math.abs(hours)}`;
}

/** The VTIMEZONE of a zone with one fixed offset and no daylight saving (RFC 5545 §3.6.5). */
export function fixedOffsetVtimezone(timeZoneId: string, offsetMinutes: number): string {
  const offset = offsetText(offsetMinutes, "");
  return [
    "BEGIN:VTIMEZONE", `TZID:${timeZoneId}`, `X-LIC-LOCATION:${timeZoneId}`,
    "BEGIN:STANDARD", "DTSTART:19700101T000000", `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`,
    `TZNAME:${offsetText(offsetMinutes, "").slice(0, offsetMinutes % 60 === 0 ? 3 : 5)}`,
    "END:STANDARD", "END:VTIMEZONE",
  ].join("\r\n");
}

/** The stable UID of a conference in every feed: a client matches updates on it. */
export const conferenceUid = (id: number): string => `meeting-${id}@leloi`;

function describe(e: FeedEvent): string {
  return [
    `Loại: ${CATEGORY_TEXT[e.category]}`,
    `Phạm vi: ${SCOPE_TEXT[e.scope]}`,
    `Hình thức: ${FORMAT_TEXT[e.format]}`,
    `Đơn vị chủ trì: ${e.hostName}`,
    `Chủ trì: ${e.chairs.length > 0 ? e.chairs.join("; ") : "chưa ghi"}`,
    ...(e.invitedNames.length > 0 ? [`Đơn vị được mời: ${e.invitedNames.join("; ")}`] : []),
    e.isPlanned ? "Có trong kế hoạch hội nghị năm" : "Ngoài kế hoạch hội nghị năm",
  ].join("\n");
}

/** The feed document: `events` with their local times at `utcOffsetMinutes`. */
export function renderFeed(input: { name: string; description: string; events: FeedEvent[]; stamp: Date; utcOffsetMinutes: number }): string {
  const offset = input.utcOffsetMinutes;
  const timeZoneId = timeZoneIdFor(offset);
  // no calendar-wide zone name: ical-generator would then write DTSTAMP in local time, and
  // RFC 5545 §3.8.7.2 wants it in UTC; the generator still adds the events' VTIMEZONE
  const calendar = ical({
    name: input.name,
    description: input.description,
    prodId: PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (tz) => (tz === timeZoneId ? fixedOffsetVtimezone(timeZoneId, offset) : null) },
    // no ttl: ical-generator writes REFRESH-INTERVAL after the VTIMEZONE, and RFC 5545 wants
    // every calendar property before the components; clients poll at their own pace
  });
  for (const e of input.events) {
    calendar.createEvent({
      id: conferenceUid(e.id),
      start: new FixedOffsetDateTime(e.start.getTime(), timeZoneId, offset),
      end: new FixedOffsetDateTime(e.end.getTime(), timeZoneId, offset),
      timezone: timeZoneId,
      stamp: input.stamp,
      summary: e.title,
      description: describe(e),
      location: e.location ?? null,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
