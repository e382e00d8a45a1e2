// Request shapes of the conference register (hội nghị, cuộc họp) API. Field names mirror the
// import columns of data-contract.md §meetings in camelCase. `start`/`end` stay strings here:
// a local time ("DD/MM/YYYY HH:mm") is read in the unit's time zone, known only in the service.
import { z } from "zod";
import { parseBoolean, parseDate, parseEnum, parseNonNegativeInt, type Parsed } from "../domain/normalize.js";
import type { MeetingCategory, MeetingFormat, MeetingScope } from "../domain/settings.js";
import { BLOCS } from "../domain/conferences/invitations.js";
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

const ZOptionalId = ZIdParams.shape.id.nullable().optional();

/** M6–M9 and papers ahead (issue 7): all optional; absent on PATCH = unchanged, null/[] = cleared. */
const planningFields = {
  plannedId: ZOptionalId.describe("mục của kế hoạch hội nghị năm của đơn vị (M7)"),
  chairs: z.array(z.string({ error: "phải là chuỗi" }).trim().max(200, "dài quá 200 ký tự"), { error: "phải là danh sách" }).max(20, "tối đa 20 người")
    .transform((names) => names.filter((n) => n !== "")).optional().describe("đồng chí lãnh đạo chủ trì (M8: một người)"),
  invitedBlocs: z.array(z.enum(BLOCS, { error: `chỉ nhận ${BLOCS.join(", ")}` }), { error: "phải là danh sách" }).max(3)
    .transform((b) => [...new Set(b)]).optional().describe("khối được mời: party, state, front (M8)"),
  invitedOrgCodes: z.array(zText(50), { error: "phải là danh sách" }).max(500, "tối đa 500 đơn vị")
    .transform((c) => [...new Set(c)]).optional().describe("mã các đơn vị được mời (M8, M9)"),
  invitationReason: zOptionalText(1000).describe("lý do mời khối khác, đơn vị ngoài phạm vi hoặc nhiều người chủ trì (M8)"),
  relatedMeetingId: ZOptionalId.describe("hội nghị cấp trên liên quan (M6)"),
  relatedDocument: zOptionalText(300).describe("số, ký hiệu văn bản chỉ đạo, hướng dẫn liên quan (M6)"),
  repeatReason: zOptionalText(1000).describe("lý do vẫn tổ chức khi cấp trên đã tổ chức trực tuyến đến cấp này (M6)"),
  agenda: zOptionalText(20000).describe("chương trình hội nghị"),
  papersSentAt: z.string({ error: "ISO 8601 hoặc DD/MM/YYYY HH:mm" }).trim().nullable().optional()
    .transform((v) => (v === undefined ? undefined : v === null || v === "" ? null : v))
    .describe("lúc gửi chương trình, tài liệu cho đại biểu: ISO 8601 hoặc DD/MM/YYYY HH:mm (giờ địa phương)"),
};

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
  ...planningFields,
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
    ...planningFields,
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

/** GET /api/meetings/invitable-units — the units a conference of `org` may invite (M8). */
export const ZInvitableUnitsQuerySchema = z.object({ org: zText(50).describe("mã đơn vị chủ trì") });

/** GET /api/meetings/upper — upper online conferences a conference of `org` may relate to (M6). */
export const ZUpperConferencesQuerySchema = z.object({
  org: zText(50).describe("mã đơn vị chủ trì"),
  q: z.string().trim().max(200, "dài quá 200 ký tự").optional().describe("tìm trong tên hội nghị"),
  before: z.string().datetime({ offset: true, error: "dạng ISO 8601" }).transform((s) => new Date(s)).optional()
    .describe("hội nghị cấp trên trước thời điểm này (mặc định: bây giờ)"),
});
