// Request shapes of the TTHC statistics API (thủ tục hành chính): one row per unit and month,
// as the import columns of data-contract.md §tthc.
import { z } from "zod";
import { parsePeriod } from "../domain/period.js";
import type { Parsed } from "../domain/normalize.js";
import { ZFlag, ZPaging, zParsedString, zText } from "../registers/register-query.schema.js";

/** A month period id ("2026-05"); other period kinds are refused. */
export function parseMonthPeriod(raw: string): Parsed<string> {
  const reason = "phải là một tháng, dạng YYYY-MM (ví dụ 2026-05)";
  try {
    const p = parsePeriod(raw);
    return p.kind === "month" ? { ok: true, value: p.id } : { ok: false, reason };
  } catch {
    return { ok: false, reason };
  }
}

const ZMonth = zParsedString(parseMonthPeriod);
/** Counts are `integer` columns. */
const ZCount = z
  .number({ error: "bắt buộc, là số nguyên không âm" })
  .int("phải là số nguyên")
  .min(0, "không được âm")
  .max(2_147_483_647, "quá lớn");

/** PUT /api/tthc — insert or replace one unit's month. */
export const ZTthcPutSchema = z
  .object({
    orgCode: zText(50).describe("mã đơn vị"),
    period: ZMonth.describe("tháng, dạng 2026-05"),
    received: ZCount.describe("tổng hồ sơ"),
    processedDigitally: ZCount.describe("số hồ sơ xử lý trên môi trường số"),
  })
  .refine((b) => b.processedDigitally <= b.received, {
    message: "không được lớn hơn tổng hồ sơ (received)",
    path: ["processedDigitally"],
  });
export type TTthcPut = z.infer<typeof ZTthcPutSchema>;

/** GET /api/tthc */
export const ZTthcListQuerySchema = z.object({
  org: z.string().min(1).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng)"),
  subtree: ZFlag.describe("1 = cả đơn vị cấp dưới"),
  from: ZMonth.optional().describe("từ tháng, dạng 2026-01"),
  to: ZMonth.optional().describe("đến tháng (tính cả tháng này), dạng 2026-12"),
  ...ZPaging,
});
export type TTthcListQuery = z.infer<typeof ZTthcListQuerySchema>;

/** DELETE /api/tthc */
export const ZTthcDeleteQuerySchema = z.object({
  org: zText(50).describe("mã đơn vị"),
  period: ZMonth.describe("tháng, dạng 2026-05"),
});
