// Request shapes of the conference calendar (lịch hội nghị) and its iCalendar feeds.
import { z } from "zod";
import { parseDate } from "../domain/normalize.js";
import { ZFlag, zParsedString } from "../registers/register-query.schema.js";

/** GET /api/calendar */
export const ZCalendarQuerySchema = z.object({
  org: z.string().min(1).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng)"),
  subtree: ZFlag.describe("1 = cả đơn vị cấp dưới"),
  from: zParsedString(parseDate).describe("từ ngày (giờ địa phương, tính cả ngày này)"),
  to: zParsedString(parseDate).describe("đến ngày (tính cả ngày này)"),
});
export type TCalendarQuery = z.infer<typeof ZCalendarQuerySchema>;

/** POST /api/calendar/feeds — `org` only for a unit feed (default: the user's unit). */
export const ZFeedCreateSchema = z.object({
  kind: z.enum(["unit", "person"], { error: "chỉ nhận unit hoặc person" }),
  org: z.string().min(1).optional().describe("mã đơn vị của lịch đơn vị"),
});
export type TFeedCreate = z.infer<typeof ZFeedCreateSchema>;

/** A feed token as issued: 32 random bytes in base64url. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** GET /ical/:file — "<token>.ics"; anything else is simply not found. */
export const ZFeedFileParams = z.object({ file: z.string().max(100) });
