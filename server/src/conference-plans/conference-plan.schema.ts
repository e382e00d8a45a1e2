// Request shapes of the annual conference plan API (rule M7, issue 7 §1). The web page's inline
// editor validates a row with the same item schema.
import { z } from "zod";
import { parseDate } from "../domain/normalize.js";
import type { Bloc } from "../domain/settings.js";
import { MEETING_CATEGORIES, MEETING_FORMATS, MEETING_SCOPES } from "../meetings/meeting.schema.js";
import { ZIdParams, zOptionalText, zParsedString, zText } from "../registers/register-query.schema.js";

export { ZIdParams };

/** Blocs a planned conference may invite (M8): Đảng, Nhà nước, Mặt trận và đoàn thể. */
export const PLAN_BLOCS = ["party", "state", "front"] as const satisfies readonly Bloc[];
/** The database's bounds of a plan's year. */
const ZYear = z.coerce.number({ error: "năm phải là số" }).int("năm phải là số nguyên").min(2000, "năm từ 2000 đến 2100").max(2100, "năm từ 2000 đến 2100");
/** An expected duration in half-day sessions (buổi); the column is a smallint. */
const ZSessions = z.number({ error: "số buổi phải là số" }).int("số buổi phải là số nguyên").min(1, "ít nhất 1 buổi").max(60, "tối đa 60 buổi");

/** `:id` of a plan and `:itemId` of one of its planned conferences. */
export const ZItemParams = z.object({ id: ZIdParams.shape.id, itemId: ZIdParams.shape.id });

/** GET /api/conference-plans */
export const ZConferencePlanQuery = z.object({
  org: z.string().trim().min(1).max(50).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng); nhận cả mã số của đơn vị"),
  year: ZYear.describe("năm kế hoạch"),
});
export type TConferencePlanQuery = z.infer<typeof ZConferencePlanQuery>;

/** POST /api/conference-plans — a draft plan (not issued). */
export const ZConferencePlanCreate = z.object({
  orgCode: zText(50).describe("mã đơn vị"),
  year: ZYear.describe("năm kế hoạch"),
  number: zOptionalText(100).describe("số, ký hiệu dự kiến"),
  note: zOptionalText(5000).describe("ghi chú"),
});
export type TConferencePlanCreate = z.infer<typeof ZConferencePlanCreate>;

/** PATCH /api/conference-plans/:id — a draft's number and note. */
export const ZConferencePlanPatch = z
  .object({ number: zOptionalText(100), note: zOptionalText(5000) })
  .refine((o) => o.number !== undefined || o.note !== undefined, { message: "cần ít nhất một trường để sửa", path: ["body"] });
export type TConferencePlanPatch = z.infer<typeof ZConferencePlanPatch>;

const itemFields = {
  title: zText(500).describe("tên hội nghị"),
  category: z.enum(MEETING_CATEGORIES, { error: `chỉ nhận ${MEETING_CATEGORIES.join(", ")}` }),
  scope: z.enum(MEETING_SCOPES, { error: `chỉ nhận ${MEETING_SCOPES.join(", ")}` }),
  format: z.enum(MEETING_FORMATS, { error: `chỉ nhận ${MEETING_FORMATS.join(", ")}` }),
  plannedMonth: z.number({ error: "tháng phải là số" }).int("tháng từ 1 đến 12").min(1, "tháng từ 1 đến 12").max(12, "tháng từ 1 đến 12").nullable()
    .describe("tháng dự kiến (1–12)"),
  plannedDate: zParsedString(parseDate).nullable().describe("ngày dự kiến: YYYY-MM-DD hoặc DD/MM/YYYY"),
  expectedSessions: ZSessions.nullable().describe("thời lượng dự kiến, số buổi (1/2 ngày)"),
  chair: z.string({ error: "phải là chuỗi" }).trim().max(200, "dài quá 200 ký tự").describe("đồng chí chủ trì (M8: một người)"),
  invitedBlocs: z.array(z.enum(PLAN_BLOCS, { error: `chỉ nhận ${PLAN_BLOCS.join(", ")}` }), { error: "phải là danh sách" }).max(3)
    .transform((b) => [...new Set(b)]).describe("khối được mời: party, state, front"),
};

/** POST /api/conference-plans/:id/items — a month or a date is required. */
export const ZPlannedConferenceCreate = z
  .object({
    ...itemFields,
    plannedMonth: itemFields.plannedMonth.optional(),
    plannedDate: itemFields.plannedDate.optional(),
    expectedSessions: itemFields.expectedSessions.optional(),
    chair: itemFields.chair.optional(),
    invitedBlocs: itemFields.invitedBlocs.optional(),
  })
  .refine((o) => (o.plannedMonth ?? null) !== null || (o.plannedDate ?? null) !== null, { message: "cần tháng hoặc ngày dự kiến", path: ["plannedMonth"] });
export type TPlannedConferenceCreate = z.infer<typeof ZPlannedConferenceCreate>;

/** PATCH /api/conference-plans/:id/items/:itemId — only the fields sent change. */
export const ZPlannedConferencePatch = z
  .object({
    title: itemFields.title.optional(), category: itemFields.category.optional(), scope: itemFields.scope.optional(),
    format: itemFields.format.optional(), plannedMonth: itemFields.plannedMonth.optional(), plannedDate: itemFields.plannedDate.optional(),
    expectedSessions: itemFields.expectedSessions.optional(), chair: itemFields.chair.optional(), invitedBlocs: itemFields.invitedBlocs.optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "cần ít nhất một trường để sửa", path: ["body"] });
export type TPlannedConferencePatch = z.infer<typeof ZPlannedConferencePatch>;

/** POST /api/conference-plans/:id/issue */
export const ZConferencePlanIssue = z.object({
  number: zText(100).describe("số, ký hiệu kế hoạch, ví dụ 12-KH/TU"),
  issuedOn: zParsedString(parseDate).describe("ngày ban hành: YYYY-MM-DD hoặc DD/MM/YYYY"),
  acknowledge: z.boolean({ error: "true hoặc false" }).optional()
    .describe("true = vẫn ban hành khi kế hoạch chưa đạt chỉ tiêu năm (M1–M3), người ban hành đã xem các cảnh báo"),
});
export type TConferencePlanIssue = z.infer<typeof ZConferencePlanIssue>;
