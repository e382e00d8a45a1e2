import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import { requireUser } from "../auth/auth.guard.js";
import { authorizeRole } from "../auth/policy.js";
import { formatOf } from "./import.readers.js";
import { ZImportJobParams, ZImportKindParams, ZTemplateParams } from "./import.schema.js";
import { getImportJob, importFile } from "./import.service.js";
import { csvTemplate, xlsxTemplate } from "./import.templates.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Imports over HTTP: upload (multipart field `file`), job status, header-only templates. */
export async function importRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.post("/api/imports/:kind", { schema: { params: ZImportKindParams, consumes: ["multipart/form-data"], tags: ["imports"] } }, async (req) => {
    const user = requireUser(req);
    const { kind } = req.params;
    authorizeRole(user, kind === "orgs" ? "manage" : "import");
    const part = await req.file();
    if (!part || part.fieldname !== "file") throw new AppError("VALIDATION", "Cần tải lên một tệp trong trường \"file\"");
    const fileName = basename(part.filename);
    formatOf(fileName);
    // the upload goes to disk first, so a huge file is never held in memory
    const dir = await mkdtemp(join(tmpdir(), "leloi-import-"));
    try {
      const path = join(dir, `upload${extname(fileName).toLowerCase()}`);
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) throw new AppError("VALIDATION", "Tệp vượt quá dung lượng cho phép");
      return await importFile(ctx, { kind, user, filePath: path, fileName });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.get("/api/imports/:id", { schema: { params: ZImportJobParams, tags: ["imports"] } }, async (req) => {
    const user = requireUser(req);
    return getImportJob(ctx, user, req.params.id);
  });

  app.get("/api/imports/templates/:file", { schema: { params: ZTemplateParams, tags: ["imports"] } }, async (req, reply) => {
    requireUser(req);
    const { kind, format } = req.params.file;
    reply.header("content-disposition", `attachment; filename="mau-nhap-${kind}.${format}"`);
    if (format === "csv") return reply.type("text/csv; charset=utf-8").send(csvTemplate(kind));
    return reply.type(XLSX_TYPE).send(await xlsxTemplate(kind));
  });
}
