// Request shapes of a conference's conclusion notice (thông báo kết luận) API.
import { z } from "zod";
import { parseDate } from "../domain/normalize.js";
import { zParsedString, zText } from "../registers/register-query.schema.js";

const cell = (max: number) => z.string({ error: "phải là chuỗi" }).trim().max(max, `dài quá ${max} ký tự`).default("");

/** One conclusion: it becomes a task of the notice with its lead, due and product ("6 rõ" checked). */
export const ZConclusionInput = z.object({
  content: zText(5000).describe("nội dung kết luận, việc phải làm"),
  lead: cell(1000).describe("đơn vị chủ trì: mã đơn vị hoặc tên như trong bảng nhiệm vụ (một đơn vị)"),
  coordinators: cell(2000).describe("đơn vị phối hợp; «Không» nếu không có"),
  due: cell(500).describe("thời hạn: ngày (YYYY-MM-DD hoặc DD/MM/YYYY) hoặc cụm như «Quý III/2026»"),
  product: cell(2000).describe("sản phẩm, kết quả"),
}).strict();
export type TConclusionInput = z.infer<typeof ZConclusionInput>;

/** POST /api/meetings/:id/conclusions — the notice's number and date are needed the first time only. */
export const ZConclusionsBody = z.object({
  number: zText(100).optional().describe("số ký hiệu của thông báo kết luận, ví dụ 45/TB-UBND"),
  issuedOn: zParsedString(parseDate).optional().describe("ngày ban hành: YYYY-MM-DD hoặc DD/MM/YYYY"),
  title: zText(1000).optional().describe("trích yếu (mặc định: «Kết luận của hội nghị …»)"),
  conclusions: z.array(ZConclusionInput).min(1, "cần ít nhất một kết luận").max(200, "tối đa 200 kết luận một lần"),
}).strict();
export type TConclusionsBody = z.infer<typeof ZConclusionsBody>;
