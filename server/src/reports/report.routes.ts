// Routes of periodic reports (issue "Periodic reports and ratings"): every route needs a session
// (401 first), then the services check role and org subtree (403) — see report.access.ts.
import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { sessionFirst } from "../registers/register-guard.js";
import { sendFile } from "../plans/plan.http.js";
import { combinedReport, reportMatrix, reportNotices, unitSchedule } from "./report-board.service.js";
import { exportReport } from "./report-export.service.js";
import { exportCombinedReport } from "./report-combined-export.service.js";
import {
  ZAcceptBody, ZCombinedQuery, ZCommentBody, ZCorrectBody, ZDiffQuery, ZExportQuery, ZIdParams, ZMatrixQuery, ZNoticesQuery,
  ZReportOpenBody, ZReportPatchBody, ZReturnBody, ZScheduleQuery, ZVersionParams,
} from "./report.schema.js";
import {
  acceptReport, addComment, correctReport, diffReport, getReportView, getVersion, openReport, patchReport, returnReport, submitReport,
} from "./report.service.js";
import { ratingRoutes } from "./rating.routes.js";

const tags = ["reports"];
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function reportRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/reports/schedule", { ...sessionFirst, schema: { tags, querystring: ZScheduleQuery, description: "Các kỳ báo cáo một đơn vị phải gửi trong năm: hạn, nơi nhận, tình trạng" } }, async (req) =>
    unitSchedule(ctx, requireUser(req), req.query));

  app.get("/api/reports/matrix", { ...sessionFirst, schema: { tags, querystring: ZMatrixQuery, description: "Ma trận đơn vị × kỳ: tình trạng báo cáo, tỷ lệ đầy đủ và đúng hạn" } }, async (req) =>
    reportMatrix(ctx, requireUser(req), req.query));

  app.get("/api/reports/notices", { ...sessionFirst, schema: { tags, querystring: ZNoticesQuery, description: "Nhắc hạn (7, 3 ngày, đúng hạn), quá hạn, bị trả lại; báo cáo chậm của cấp dưới, chờ tiếp nhận" } }, async (req) =>
    reportNotices(ctx, requireUser(req), req.query.org));

  app.get("/api/reports/combined", { ...sessionFirst, schema: { tags, querystring: ZCombinedQuery, description: "Báo cáo tổng hợp: số liệu của đơn vị, từng đơn vị gửi báo cáo (đã tiếp nhận) và tổng cộng" } }, async (req) =>
    combinedReport(ctx, requireUser(req), req.query));

  app.get("/api/reports/combined/export.docx", { ...sessionFirst, schema: { tags, querystring: ZCombinedQuery, description: "Báo cáo tổng hợp dạng DOCX (thể thức Nghị định 30/2020), gồm bảng tổng hợp theo đơn vị" } }, async (req, reply) =>
    sendFile(reply, await exportCombinedReport(ctx, requireUser(req), req.query, "docx"), DOCX_TYPE));

  app.get("/api/reports/combined/export.xlsx", { ...sessionFirst, schema: { tags, querystring: ZCombinedQuery, description: "Báo cáo tổng hợp dạng XLSX: các biểu số liệu tổng cộng và bảng theo đơn vị" } }, async (req, reply) =>
    sendFile(reply, await exportCombinedReport(ctx, requireUser(req), req.query, "xlsx"), XLSX_TYPE));

  app.post("/api/reports", { ...sessionFirst, schema: { tags, body: ZReportOpenBody, description: "Mở báo cáo kỳ của đơn vị (tạo bản nháp nếu chưa có)" } }, async (req, reply) => {
    const { created, view } = await openReport(ctx, requireUser(req), req.body);
    return reply.status(created ? 201 : 200).send(view);
  });

  app.get("/api/reports/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) =>
    getReportView(ctx, requireUser(req), req.params.id));

  app.patch("/api/reports/:id", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZReportPatchBody } }, async (req) =>
    patchReport(ctx, requireUser(req), req.params.id, req.body));

  app.post("/api/reports/:id/submit", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) =>
    submitReport(ctx, requireUser(req), req.params.id));

  app.post("/api/reports/:id/accept", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZAcceptBody.optional() } }, async (req) =>
    acceptReport(ctx, requireUser(req), req.params.id, req.body?.note || undefined));

  app.post("/api/reports/:id/return", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZReturnBody } }, async (req) =>
    returnReport(ctx, requireUser(req), req.params.id, req.body));

  app.post("/api/reports/:id/correct", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZCorrectBody } }, async (req) =>
    correctReport(ctx, requireUser(req), req.params.id, req.body.reason));

  app.post("/api/reports/:id/comments", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZCommentBody } }, async (req, reply) =>
    reply.status(201).send(await addComment(ctx, requireUser(req), req.params.id, req.body)));

  app.get("/api/reports/:id/versions/:version", { ...sessionFirst, schema: { tags, params: ZVersionParams } }, async (req) =>
    getVersion(ctx, requireUser(req), req.params.id, req.params.version));

  app.get("/api/reports/:id/diff", { ...sessionFirst, schema: { tags, params: ZIdParams, querystring: ZDiffQuery } }, async (req) =>
    diffReport(ctx, requireUser(req), req.params.id, req.query.from, req.query.to));

  app.get("/api/reports/:id/export.docx", { ...sessionFirst, schema: { tags, params: ZIdParams, querystring: ZExportQuery } }, async (req, reply) =>
    sendFile(reply, await exportReport(ctx, requireUser(req), req.params.id, "docx", req.query.version), DOCX_TYPE));

  app.get("/api/reports/:id/export.xlsx", { ...sessionFirst, schema: { tags, params: ZIdParams, querystring: ZExportQuery } }, async (req, reply) =>
    sendFile(reply, await exportReport(ctx, requireUser(req), req.params.id, "xlsx", req.query.version), XLSX_TYPE));

  await ratingRoutes(app, ctx);
}
