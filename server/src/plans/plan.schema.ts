// Request shapes of the plans API (issue "Plans and tasks" §1, §3, §5).
import { z } from "zod";
import { parseDate, parseDocumentType } from "../domain/normalize.js";
import { ZFlag, ZIdParams, zParsedString, zText } from "../registers/register-query.schema.js";
import { ZPlanTargetsSchema } from "./plan.targets.js";

/** `:id` of a plan, task, occurrence, update or alias. */
export { ZIdParams };

const planFields = {
  orgCode: zText(50).describe("mã đơn vị ban hành"),
  number: zText(100).describe("số ký hiệu, ví dụ 153a/KH-UBND"),
  type: zParsedString(parseDocumentType).describe("loại văn bản: KH, QĐ, KL, CTr… hoặc tên đầy đủ"),
  issuedOn: zParsedString(parseDate).describe("ngày ban hành: YYYY-MM-DD hoặc DD/MM/YYYY"),
  title: zText(1000).describe("trích yếu"),
  parentPlanId: z.number({ error: "phải là mã kế hoạch (số)" }).int().positive().nullable()
    .describe("kế hoạch / kết luận cấp trên mà kế hoạch này triển khai"),
  targets: ZPlanTargetsSchema.nullable()
    .describe("chỉ tiêu kế hoạch đặt ra, ví dụ {\"D3\": 100}; chỉ áp dụng khi chặt hơn chỉ tiêu đang áp dụng"),
  horizonYear: z.number({ error: "phải là năm" }).int().min(1900).max(9998).nullable()
    .describe("sinh các kỳ của nhiệm vụ định kỳ đến hết năm này (mặc định: hết năm sau)"),
};

/** POST /api/plans */
export const ZPlanCreateSchema = z.object({
  ...planFields,
  parentPlanId: planFields.parentPlanId.optional(),
  targets: planFields.targets.optional(),
  horizonYear: planFields.horizonYear.optional(),
});
export type TPlanCreate = z.infer<typeof ZPlanCreateSchema>;

/** PATCH /api/plans/:id — only the fields sent change; the issuer does not. */
export const ZPlanPatchSchema = z
  .object({
    number: planFields.number.optional(),
    type: planFields.type.optional(),
    issuedOn: planFields.issuedOn.optional(),
    title: planFields.title.optional(),
    parentPlanId: planFields.parentPlanId.optional(),
    targets: planFields.targets.optional(),
    horizonYear: planFields.horizonYear.optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "cần ít nhất một trường để sửa", path: ["body"] });
export type TPlanPatch = z.infer<typeof ZPlanPatchSchema>;

/** GET /api/plans */
export const ZPlanListQuery = z.object({
  org: z.string().min(1).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng)"),
  subtree: ZFlag.describe("1 = cả kế hoạch của đơn vị cấp dưới"),
});
export type TPlanListQuery = z.infer<typeof ZPlanListQuery>;

/** GET /api/plans/coverage */
export const ZCoverageQuery = z.object({
  org: z.string().min(1).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng)"),
});
