// Request shapes of the task, progress and alias routes (issue "Plans and tasks" §3–§6).
import { z } from "zod";
import { parseDate } from "../domain/normalize.js";
import { ZFlag, zParsedString, zText } from "../registers/register-query.schema.js";

/** Review cadence of an ongoing ("Thường xuyên") task: what makes its time clear (T3). */
export const ZCadence = z.enum(["month", "quarter", "half", "year"], { error: "chỉ nhận month, quarter, half hoặc year" });

const ZTaskId = z.number({ error: "phải là mã nhiệm vụ (số)" }).int().positive();
const optionalText = (max: number) => z.string({ error: "phải là chuỗi" }).trim().max(max, `dài quá ${max} ký tự`);

/** POST /api/plans/:id/tasks — a task added by hand: a lead cell (matched like an import) or a unit. */
export const ZTaskCreateSchema = z
  .object({
    tt: optionalText(20).default(""),
    content: zText(5000).describe("nội dung công việc"),
    leadText: optionalText(1000).optional().describe("ô cơ quan chủ trì như trong bảng (đối chiếu như khi nhập; tên nhóm thì phân cho từng đơn vị)"),
    leadOrgCode: z.string().min(1).optional().describe("hoặc mã đơn vị chủ trì"),
    coordinatorsText: optionalText(2000).default(""),
    product: optionalText(2000).default(""),
    deadlineText: optionalText(500).default("").describe("thời hạn như trong bảng, ví dụ «Quý IV/2026», «Hằng năm, bắt đầu từ 2026»"),
    reviewCadence: ZCadence.nullable().optional().describe("kỳ rà soát của nhiệm vụ thường xuyên"),
    parentTaskId: ZTaskId.nullable().optional().describe("nhiệm vụ cấp trên mà nhiệm vụ này cụ thể hóa"),
  })
  .refine((o) => (o.leadText !== undefined && o.leadText !== "") !== (o.leadOrgCode !== undefined), {
    message: "cần đúng một trong leadText hoặc leadOrgCode", path: ["leadText"],
  });
export type TTaskCreate = z.infer<typeof ZTaskCreateSchema>;

/** PATCH /api/tasks/:id — only the fields sent change; "6 rõ" and T2 are recomputed. */
export const ZTaskPatchSchema = z
  .object({
    tt: optionalText(20),
    content: zText(5000),
    coordinatorsText: optionalText(2000),
    product: optionalText(2000),
    deadlineText: optionalText(500),
    reviewCadence: ZCadence.nullable(),
    leadOrgCode: z.string().min(1).nullable().describe("chọn đơn vị chủ trì (sửa vi phạm «một việc một đầu mối»); null = đối chiếu lại theo ô chủ trì"),
    parentTaskId: ZTaskId.nullable(),
  })
  .partial()
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "cần ít nhất một trường để sửa", path: ["body"] });
export type TTaskPatch = z.infer<typeof ZTaskPatchSchema>;

const STATUSES = ["chua_thuc_hien", "dang_thuc_hien", "hoan_thanh_dung_han", "hoan_thanh_qua_han", "qua_han_chua_hoan_thanh"] as const;

/** GET /api/tasks — the tasks a unit leads. */
export const ZTaskListQuery = z.object({
  org: z.string().min(1).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng)"),
  status: z.enum(STATUSES, { error: `chỉ nhận ${STATUSES.join(", ")}` }).optional().describe("có ít nhất một kỳ ở trạng thái này"),
  dueWithin: z.coerce.number({ error: "phải là số ngày từ 0 đến 366" }).int("phải là số ngày từ 0 đến 366").min(0, "phải là số ngày từ 0 đến 366").max(366, "phải là số ngày từ 0 đến 366").optional()
    .describe("có kỳ chưa hoàn thành đến hạn trong số ngày tới"),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;

/** GET /api/tasks/overdue — the aggregator's overdue board. */
export const ZOverdueQuery = z.object({
  org: z.string().min(1).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng)"),
  subtree: ZFlag.describe("1 = cả đơn vị cấp dưới"),
});
export type TOverdueQuery = z.infer<typeof ZOverdueQuery>;

/** POST /api/occurrences/:id/updates (JSON; a file comes as multipart with the same fields). */
export const ZUpdateBody = z
  .object({
    note: optionalText(4000).default(""),
    evidenceDocumentId: z.coerce.number({ error: "phải là mã văn bản (số)" }).int().positive().optional().describe("văn bản trong sổ văn bản làm minh chứng"),
  })
  .strict();
export type TUpdateBody = z.infer<typeof ZUpdateBody>;

/** POST /api/occurrences/:id/complete */
export const ZCompleteBody = z.object({
  completedOn: zParsedString(parseDate).describe("ngày hoàn thành: YYYY-MM-DD hoặc DD/MM/YYYY"),
});
export type TCompleteBody = z.infer<typeof ZCompleteBody>;

/** POST /api/plans/aliases — map a name of task tables to a unit, once. */
export const ZAliasBody = z.object({
  alias: zText(500).describe("tên như ghi trong bảng nhiệm vụ"),
  orgCode: zText(50).describe("mã đơn vị được chỉ"),
  scopeCode: z.string().min(1).optional().describe("áp dụng cho kế hoạch của đơn vị này và cấp dưới (mặc định: đơn vị của người dùng)"),
});
export type TAliasBody = z.infer<typeof ZAliasBody>;

/** GET /api/plans/aliases */
export const ZAliasListQuery = z.object({
  org: z.string().min(1).optional().describe("mã đơn vị (mặc định: đơn vị của người dùng): bí danh áp dụng cho kế hoạch của đơn vị này"),
});

/** PUT /api/tasks/:id/event — the day the event of an event-bound deadline happened (null clears it). */
export const ZEventBody = z.object({
  eventOn: zParsedString(parseDate).nullable()
    .describe("ngày xảy ra sự kiện («Sau khi Thủ tướng CP ban hành Chỉ thị»): YYYY-MM-DD hoặc DD/MM/YYYY; null = xóa"),
  dueOn: zParsedString(parseDate).nullable().optional()
    .describe("hạn hoàn thành, chỉ khi thời hạn không nêu bao lâu sau sự kiện"),
}).strict();
export type TEventBody = z.infer<typeof ZEventBody>;
