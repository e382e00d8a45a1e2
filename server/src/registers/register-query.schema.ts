// Zod pieces shared by the register routes (documents, meetings, TTHC): flags, paging and a
// bridge that turns a domain parser (Parsed<T>) into a zod transform, so a bad value is a 400
// naming its field, with the same Vietnamese reason an import would give.
import { z } from "zod";
import type { Parsed } from "../domain/normalize.js";

/** Largest page a list returns; bigger pages belong to an export, not to a screen. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** "1"/"true" → true, "0"/"false"/absent → false (e.g. `subtree`). */
export const ZFlag = z
  .enum(["0", "1", "true", "false"], { error: "chỉ nhận 1/0 hoặc true/false" })
  .optional()
  .transform((v) => v === "1" || v === "true");

/** A yes/no filter: absent = no filter. */
export const ZBoolFilter = z
  .enum(["0", "1", "true", "false"], { error: "chỉ nhận 1/0 hoặc true/false" })
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "1" || v === "true"));

/** Offset paging: `page` from 1, `pageSize` up to {@link MAX_PAGE_SIZE}. */
export const ZPaging = {
  page: z.coerce.number({ error: "phải là số nguyên từ 1" }).int("phải là số nguyên từ 1").min(1, "phải là số nguyên từ 1").default(1),
  pageSize: z.coerce
    .number({ error: `phải là số nguyên từ 1 đến ${MAX_PAGE_SIZE}` })
    .int(`phải là số nguyên từ 1 đến ${MAX_PAGE_SIZE}`)
    .min(1, `phải là số nguyên từ 1 đến ${MAX_PAGE_SIZE}`)
    .max(MAX_PAGE_SIZE, `phải là số nguyên từ 1 đến ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
};

/** A string run through a domain parser; its failure reason becomes the field's message. */
export function zParsedString<T>(parse: (raw: string) => Parsed<T>) {
  return z.string({ error: "bắt buộc, dạng chuỗi" }).transform((raw, ctx) => {
    const r = parse(raw);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.reason });
    return z.NEVER;
  });
}

/** A JSON value (boolean, number or string) run through a domain parser. */
export function zParsedValue<T>(parse: (raw: unknown) => Parsed<T>) {
  return z.union([z.boolean(), z.number(), z.string(), z.null()], { error: "giá trị không hợp lệ" }).transform((raw, ctx) => {
    const r = parse(raw);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.reason });
    return z.NEVER;
  });
}

/** A required, trimmed, non-empty text of at most `max` characters. */
export function zText(max: number) {
  return z
    .string({ error: "bắt buộc, dạng chuỗi" })
    .trim()
    .min(1, "không được để trống")
    .max(max, `dài quá ${max} ký tự`);
}

/** An optional text where "" (after trimming) means "none" (null). */
export function zOptionalText(max: number) {
  return z
    .string({ error: "phải là chuỗi" })
    .trim()
    .max(max, `dài quá ${max} ký tự`)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || v === "" ? null : v));
}

/** `id` path parameter of a register record. */
export const ZIdParams = z.object({
  id: z.coerce.number({ error: "mã bản ghi phải là số nguyên dương" }).int("mã bản ghi phải là số nguyên dương").positive("mã bản ghi phải là số nguyên dương"),
});
