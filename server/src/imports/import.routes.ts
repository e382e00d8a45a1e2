import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyBaseLogger } from "fastify";
import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import { requireUser } from "../auth/auth.guard.js";
import { authorizeRole } from "../auth/policy.js";
import { formatOf } from "./import.readers.js";
import { ZImportAccepted, ZImportJob, ZImportJobParams, ZImportKindParams, ZImportResult, ZImportUploadQuery, ZTemplateParams } from "./import.schema.js";
import { getImportJob, importFile, type ImportRequest } from "./import.service.js";
import { csvTemplate, xlsxTemplate } from "./import.templates.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Imports over HTTP: upload (multipart field `file`), job status, header-only templates. */
export async function importRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  // imports answered with 202 still run: closing the app waits for them (and their temp files)
  const background = new Set<Promise<void>>();
  app.addHook("onClose", async () => {
    await Promise.allSettled([...background]);
  });

  app.post("/api/imports/:kind", {
    schema: {
      params: ZImportKindParams,
      querystring: ZImportUploadQuery,
      consumes: ["multipart/form-data"],
      tags: ["imports"],
      description: "Nhập một tệp CSV/XLSX (trường `file`), tất cả hoặc không. Mặc định trả lời khi xong (200); với `?async=1` trả lời 202 `{ jobId }` ngay khi lượt nhập được tạo, rồi theo dõi bằng GET /api/imports/{id}.",
      response: { 200: ZImportResult, 202: ZImportAccepted },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { kind } = req.params;
    authorizeRole(user, kind === "orgs" ? "manage" : "import");
    const part = await req.file();
    if (!part || part.fieldname !== "file") throw new AppError("VALIDATION", "Cần tải lên một tệp trong trường \"file\"");
    const fileName = basename(part.filename);
    formatOf(fileName);
    // the upload goes to disk first, so a huge file is never held in memory
    const dir = await mkdtemp(join(tmpdir(), "leloi-import-"));
    const removeDir = () => rm(dir, { recursive: true, force: true });
    let handedOver = false;
    try {
      const path = join(dir, `upload${extname(fileName).toLowerCase()}`);
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) throw new AppError("VALIDATION", "Tệp vượt quá dung lượng cho phép");
      const request: ImportRequest = { kind, user, filePath: path, fileName };
      if (!req.query.async) return await importFile(ctx, request);
      const started = startInBackground(ctx, request, req.log);
      handedOver = true;
      const done = started.done.finally(removeDir);
      background.add(done);
      void done.finally(() => background.delete(done));
      // errors before the job exists (rights, unreadable settings…) still answer here
      const jobId = await started.jobId;
      return reply.code(202).header("location", `/api/imports/${jobId}`).send({ jobId });
    } finally {
      if (!handedOver) await removeDir();
    }
  });

  app.get("/api/imports/:id", { schema: { params: ZImportJobParams, tags: ["imports"], response: { 200: ZImportJob } } }, async (req) => {
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

/** Runs an import without waiting for it: `jobId` settles as soon as the job row exists (or
 * rejects with an error from before that), `done` when the import has ended — its outcome is
 * in import_jobs (failJob), so `done` never rejects. */
function startInBackground(ctx: AppContext, request: ImportRequest, log: FastifyBaseLogger): { jobId: Promise<number>; done: Promise<void> } {
  let jobExists = false;
  let announce: (jobId: number) => void = () => undefined;
  const jobId = new Promise<number>((resolve) => {
    announce = resolve;
  });
  const run = importFile(ctx, {
    ...request,
    onJob: (id) => {
      jobExists = true;
      announce(id);
    },
  });
  return {
    jobId: Promise.race([jobId, run.then((r) => r.jobId)]),
    done: run.then(
      () => undefined,
      (error: unknown) => {
        // bad rows and refusals are the user's to read in the job; anything else is ours
        if (jobExists && !(error instanceof AppError)) log.error({ err: error }, "background import failed");
      },
    ),
  };
}
