// Request shapes of the reports API (issue "Periodic reports" §2–§6).
import { z } from "zod";
import { parsePeriod } from "../domain/period.js";
import { NARRATIVE_SECTIONS } from "../domain/reports/narrative.js";
import { ZIdParams } from "../registers/register-query.schema.js";

export { ZIdParams };

const ZOrg = z.string().trim().min(1, "không được để trống").max(50, "dài quá 50 ký tự");
/** A period id; the canonical form is kept ("2026q2" → "2026Q2"). */
export const ZPeriod = z.string({ error: "bắt buộc, dạng chuỗi" }).transform((raw, ctx) => {
  try {
    return parsePeriod(raw).id;
  } catch (e) {
    ctx.addIssue({ code: "custom", message: (e as Error).message });
    return z.NEVER;
  }
});
const ZYear = z.coerce.number({ error: "phải là năm" }).int("phải là năm").min(2000, "năm từ 2000").max(2100, "năm đến 2100");
const ZText = (max: number) => z.string({ error: "phải là chuỗi" }).max(max, `dài quá ${max} ký tự`);

/** POST /api/reports — open (create if absent) the report of a unit for a period. */
export const ZReportOpenBody = z.strictObject({
  org: ZOrg.optional().describe("mã đơn vị báo cáo (mặc định: đơn vị của người dùng)"),
  period: ZPeriod.describe("kỳ báo cáo: 2026Q2, 2026S1, 2026, 2026-05"),
});

/** PATCH /api/reports/:id — the editable parts of a draft or returned report. */
export const ZReportPatchBody = z.strictObject({
  narrative: z.strictObject(Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, ZText(20_000).optional()])) as Record<(typeof NARRATIVE_SECTIONS)[number], z.ZodOptional<z.ZodString>>)
    .optional().describe("kết quả, hạn chế, nguyên nhân, kiến nghị"),
  explanations: z.record(z.string().min(1).max(100), ZText(2_000)).optional().describe("giải thích cho từng cảnh báo số liệu (theo khóa cảnh báo)"),
  meta: z.strictObject({
    number: ZText(60).optional().describe("số, ký hiệu văn bản, ví dụ 45/BC-UBND"),
    place: ZText(60).optional().describe("địa danh, ví dụ Tuyên Quang"),
    signerTitle: ZText(120).optional().describe("chức vụ người ký, ví dụ CHỦ TỊCH"),
    signerName: ZText(120).optional(),
    recipients: z.array(ZText(200)).max(20).optional().describe("Nơi nhận"),
  }).optional(),
}).refine((o) => o.narrative !== undefined || o.explanations !== undefined || o.meta !== undefined, { message: "cần ít nhất một trường để sửa", path: ["body"] });
export type TReportPatch = z.infer<typeof ZReportPatchBody>;

/** An anchor: the whole report, a section, or a figure path. */
export const ZAnchor = z.string().regex(/^(report|section:[a-zA-Z]+|figure:[A-Za-zĐđ0-9_.]+)$/, "phải là report, section:<phần> hoặc figure:<đường dẫn số liệu>");
export const ZCommentBody = z.strictObject({ anchor: ZAnchor.default("report"), body: z.string().trim().min(1, "không được để trống").max(5_000, "dài quá 5000 ký tự") });

export const ZAcceptBody = z.strictObject({ note: z.string().trim().max(2_000).optional() });
export const ZReturnBody = z.strictObject({
  reason: z.string().trim().min(1, "cần nêu lý do trả lại").max(2_000, "dài quá 2000 ký tự"),
  comments: z.array(ZCommentBody).max(50).default([]),
});

export const ZCorrectBody = z.strictObject({ reason: z.string().trim().min(1, "cần nêu lý do đính chính").max(2_000, "dài quá 2000 ký tự") });

export const ZVersionParams = z.object({ id: ZIdParams.shape.id, version: z.coerce.number({ error: "phiên bản phải là số" }).int().min(1, "phiên bản từ 1") });
export const ZDiffQuery = z.object({
  from: z.coerce.number({ error: "phải là số phiên bản" }).int().min(1),
  to: z.union([z.literal("draft"), z.coerce.number({ error: "phải là số phiên bản hoặc draft" }).int().min(1)]).optional(),
});
export const ZExportQuery = z.object({ version: z.coerce.number({ error: "phiên bản phải là số" }).int().min(1).optional() });

export const ZScheduleQuery = z.object({ org: ZOrg.optional(), year: ZYear });
export const ZMatrixQuery = z.object({
  org: ZOrg.optional().describe("đơn vị tổng hợp (mặc định: đơn vị của người dùng)"),
  year: ZYear,
  kind: z.enum(["month", "quarter", "half", "year"], { error: "loại kỳ: month, quarter, half, year" }).optional(),
  to: ZOrg.optional().describe("chỉ các báo cáo gửi đơn vị này"),
});
export const ZNoticesQuery = z.object({ org: ZOrg.optional() });
export const ZCombinedQuery = z.object({ org: ZOrg.optional(), period: ZPeriod });
export const ZRatingQuery = z.object({ org: ZOrg.optional(), year: ZYear });
