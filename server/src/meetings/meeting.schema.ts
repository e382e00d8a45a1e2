// Request shapes of the conference register (hội nghị, cuộc họp) API. Field names mirror the
// import columns of data-contract.md §meetings in camelCase. `start`/`end` stay strings here:
// a local time ("DD/MM/YYYY HH:mm") is read in the unit's time zone, known only in the service.
import { z } from "zod";
import { parseBoolean, parseDate, parseEnum, parseNonNegativeInt, type Parsed } from "../domain/normalize.js";
import type { MeetingCategory, MeetingFormat, MeetingScope } from "../domain/settings.js";
import {
  ZFlag, ZPaging, zOptionalText, zParsedString, zParsedValue, zText, ZIdParams,
} from "../registers/register-query.schema.js";

export const MEETING_CATEGORIES = ["quan_triet", "chuyen_mon", "quan_trong", "dinh_ky", "khac"] as const satisfies readonly MeetingCategory[];
export const MEETING_SCOPES = ["toan_tinh", "toan_xa", "nganh", "noi_bo"] as const satisfies readonly MeetingScope[];
export const MEETING_FORMATS = ["truc_tiep", "truc_tuyen", "ket_hop"] as const satisfies readonly MeetingFormat[];
/** The minutes columns are smallint. */
const MAX_MINUTES = 32_767;

function parseMinutes(raw: unknown): Parsed<number | null> {
  const r = parseNonNegativeInt(raw);
  if (r.ok && r.value !== null && r.value > MAX_MINUTES) return { ok: false, reason: `quá lớn (tối đa ${MAX_MINUTES} phút)` };
  return r;
}

/** Optional: empty means "not recorded", not "no" (as in the import). */
function parseOptionalBoolean(raw: unknown): Parsed<boolean | null> {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { ok: true, value: null };
  return parseBoolean(raw, false);
}

const ZDateTimeText = z.string({ error: "bắt buộc: ISO 8601 hoặc DD/MM/YYYY HH:mm" });

const meetingFields = {
  orgCode: zText(50).describe("mã đơn vị chủ trì"),
  title: zText(500).describe("tên hội nghị"),
  category: zParsedString((s) => parseEnum(s, MEETING_CATEGORIES)).describe(MEETING_CATEGORIES.join(", ")),
  scope: zParsedString((s) => parseEnum(s, MEETING_SCOPES)).describe(MEETING_SCOPES.join(", ")),
  format: zParsedString((s) => parseEnum(s, MEETING_FORMATS)).describe(MEETING_FORMATS.join(", ")),
  start: ZDateTimeText.describe("bắt đầu: ISO 8601 hoặc DD/MM/YYYY HH:mm (giờ địa phương)"),
  end: ZDateTimeText.describe("kết thúc: ISO 8601 hoặc DD/MM/YYYY HH:mm (giờ địa phương)"),
  openingMin: zParsedValue(parseMinutes).optional().describe("phát biểu khai mạc (phút)"),
  conclusionMin: zParsedValue(parseMinutes).optional().describe("phát biểu kết luận (phút)"),
  maxContributionMin: zParsedValue(parseMinutes).optional().describe("tham luận dài nhất (phút)"),
  exceptionDecision: zOptionalText(300).describe("quyết định cho phép của Ban Thường vụ (hội nghị toàn tỉnh/toàn xã vượt định mức)"),
  communeParticipants: zParsedValue(parseOptionalBoolean).optional().describe("có cấp xã dự"),
};

/** POST /api/meetings */
export const ZMeetingCreateSchema = z.object(meetingFields);
export type TMeetingCreate = z.infer<typeof ZMeetingCreateSchema>;

/** POST /api/meetings/check — the create body, plus the id of the meeting being edited (so it
 * is not counted against its own quota). */
export const ZMeetingCheckSchema = z.object({ ...meetingFields, id: ZIdParams.shape.id.optional() });
export type TMeetingCheck = z.infer<typeof ZMeetingCheckSchema>;

/** PATCH /api/meetings/:id — only the fields sent change. */
export const ZMeetingPatchSchema = z
  .object({
    orgCode: meetingFields.orgCode.optional(),
    title: meetingFields.title.optional(),
    category: meetingFields.category.optional(),
    scope: meetingFields.scope.optional(),
    format: meetingFields.format.optional(),
    start: meetingFields.start.optional(),
    end: meetingFields.end.optional(),
    openingMin: meetingFields.openingMin,
    conclusionMin: meetingFields.conclusionMin,
    maxContributionMin: meetingFields.maxContributionMin,
    exceptionDecision: meetingFields.exceptionDecision,
    communeParticipants: meetingFields.communeParticipants,
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "cần ít nhất một trường để sửa", path: ["body"] });
export type TMeetingPatch = z.infer<typeof ZMeetingPatchSchema>;

/** GET /api/meetings */
export const ZMeetingListQuerySchema = z.object({
  org: z.string().min(1).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng)"),
  subtree: ZFlag.describe("1 = cả đơn vị cấp dưới"),
  from: zParsedString(parseDate).optional().describe("bắt đầu từ ngày (giờ địa phương, tính cả ngày này)"),
  to: zParsedString(parseDate).optional().describe("bắt đầu đến ngày (tính cả ngày này)"),
  category: zParsedString((s) => parseEnum(s, MEETING_CATEGORIES)).optional(),
  scope: zParsedString((s) => parseEnum(s, MEETING_SCOPES)).optional(),
  format: zParsedString((s) => parseEnum(s, MEETING_FORMATS)).optional(),
  q: z.string().trim().max(200, "dài quá 200 ký tự").optional().describe("tìm trong tên hội nghị"),
  breach: z.enum(["m4", "m5"], { error: "chỉ nhận m4 hoặc m5" }).optional()
    .describe("m4: dài quá thời lượng theo loại; m5: phát biểu quá thời gian"),
  sort: z.enum(["start", "-start"], { error: "chỉ nhận start hoặc -start" }).default("-start"),
  ...ZPaging,
  cursor: z.string().optional().describe("nextCursor của trang trước"),
});
export type TMeetingListQuery = z.infer<typeof ZMeetingListQuerySchema>;
