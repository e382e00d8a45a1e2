// Request shapes of the document-text routes (issue "Document intelligence" §6–§8).
import { z } from "zod";
import { ZFlag, ZPaging } from "../registers/register-query.schema.js";

/** A text typed or pasted instead of a file (JSON body of PUT /api/documents/:id/text and POST /api/documents/parse). */
export const ZTextBody = z.object({
  text: z.string({ error: "bắt buộc, dạng chuỗi" }).min(1, "không được để trống").max(20_000_000, "dài quá 20 triệu ký tự"),
  format: z.enum(["text", "markdown"], { error: "chỉ nhận text hoặc markdown" }).default("text"),
});

/** GET /api/documents/search */
export const ZTextSearchQuery = z.object({
  q: z.string({ error: "bắt buộc" }).trim().min(1, "cần từ khóa để tìm").max(500, "dài quá 500 ký tự")
    .describe("từ khóa, có dấu hoặc không dấu; \"cụm từ\" trong ngoặc kép, or, -loại trừ"),
  org: z.string().min(1).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng)"),
  subtree: ZFlag.describe("1 = cả đơn vị cấp dưới"),
  ...ZPaging,
});
