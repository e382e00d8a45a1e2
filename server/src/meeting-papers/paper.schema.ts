// Request shapes of a conference's papers (tài liệu hội nghị) API.
import { z } from "zod";
import { ZIdParams, zText } from "../registers/register-query.schema.js";

export { ZIdParams };

const positiveId = (what: string) =>
  z.coerce.number({ error: `mã ${what} phải là số nguyên dương` }).int(`mã ${what} phải là số nguyên dương`).positive(`mã ${what} phải là số nguyên dương`);

/** `/api/meetings/:id/papers/:paperId` */
export const ZPaperParams = z.object({ id: positiveId("hội nghị"), paperId: positiveId("tài liệu") });

/** The text fields sent with an uploaded paper (multipart). */
export const ZPaperFields = z.object({
  title: zText(500).optional().describe("tên tài liệu (mặc định: tên tệp)"),
});
export type TPaperFields = z.infer<typeof ZPaperFields>;

/** POST /api/meetings/:id/papers/sent — when the agenda and papers went to the delegates (default: now). */
export const ZPapersSentBody = z.object({
  sentAt: z.string({ error: "phải là chuỗi: ISO 8601 hoặc DD/MM/YYYY HH:mm" }).trim().min(1).optional()
    .describe("thời điểm gửi: ISO 8601, DD/MM/YYYY HH:mm hoặc DD/MM/YYYY (giờ địa phương); mặc định: bây giờ"),
}).strict();
export type TPapersSentBody = z.infer<typeof ZPapersSentBody>;
