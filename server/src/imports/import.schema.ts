import { z } from "zod";
import { IMPORT_KINDS, type ImportKind } from "./import.columns.js";

const ZKind = z.enum(IMPORT_KINDS as [ImportKind, ...ImportKind[]]);

/** POST /api/imports/:kind */
export const ZImportKindParams = z.strictObject({ kind: ZKind });

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
