import { z } from "zod";
import { ZFlag } from "../registers/register-query.schema.js";
import { IMPORT_KINDS, type ImportKind } from "./import.columns.js";

const ZKind = z.enum(IMPORT_KINDS as [ImportKind, ...ImportKind[]]);

/** POST /api/imports/:kind */
export const ZImportKindParams = z.strictObject({ kind: ZKind });

/** POST /api/imports/:kind?async=1: answer 202 as soon as the job exists (not strict: other
 * query parameters were always ignored here). */
export const ZImportUploadQuery = z.object({
  async: ZFlag.describe("1 = trả lời 202 { jobId } ngay khi lượt nhập được tạo; theo dõi bằng GET /api/imports/{id}"),
});

/** The 202 answer of an upload with async=1 (also in the Location header). */
export const ZImportAccepted = z.object({ jobId: z.number() }).describe("Lượt nhập đã bắt đầu (Location: /api/imports/{jobId})");

/** GET /api/imports/:id */
export const ZImportJobParams = z.strictObject({ id: z.coerce.number().int().positive() });

/** GET /api/imports/templates/:file — e.g. "documents.csv", "meetings.xlsx". */
export const ZTemplateParams = z.strictObject({
  file: z
    .string()
    .regex(/^(orgs|documents|meetings|tthc)\.(csv|xlsx)$/, "Mẫu có dạng <loại>.csv hoặc <loại>.xlsx (loại: orgs, documents, meetings, tthc)")
    .transform((f) => {
      const [kind, format] = f.split(".") as [ImportKind, "csv" | "xlsx"];
      return { kind, format };
    }),
});

/** The answer of a successful import. */
export const ZImportResult = z.object({
  jobId: z.number(),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  ignoredColumns: z.array(z.string()),
});

/** GET /api/imports/:id — import.presenter.ts ImportJobView. */
export const ZImportJob = z.object({
  id: z.number(),
  kind: ZKind,
  fileName: z.string(),
  status: z.enum(["running", "succeeded", "failed"]),
  phase: z.enum(["reading", "writing", "checking"]).nullable().describe("đang chạy: reading = đọc và kiểm tra, writing = ghi, checking = kiểm tra trùng lặp"),
  progress: z.number().min(0).max(1).nullable().describe("0..1; dưới 1 khi đang chạy, 1 khi xong; null khi không biết"),
  rowsDone: z.number(),
  inserted: z.number(),
  updated: z.number(),
  ignoredColumns: z.array(z.string()),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  errors: z.array(z.string()).describe("các dòng `row N: cột: lý do` (tối đa 1.000)"),
  errorCount: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
