// Routes of the annual ratings (issue "Periodic reports" §6).
import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { sessionFirst } from "../registers/register-guard.js";
import { sendFile } from "../plans/plan.http.js";
import { computeRatings } from "./rating.service.js";
import { writeRatingsXlsx } from "./rating.xlsx.js";
import { ZRatingQuery } from "./report.schema.js";

const tags = ["ratings"];
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function ratingRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/ratings", { ...sessionFirst, schema: { tags, querystring: ZRatingQuery, description: "Chấm điểm, xếp loại năm các đơn vị cấp dưới theo Quy định 366-QĐ/TW, xếp hạng trong nhóm" } }, async (req) =>
    computeRatings(ctx, requireUser(req), req.query));

  app.get("/api/ratings/export.xlsx", { ...sessionFirst, schema: { tags, querystring: ZRatingQuery } }, async (req, reply) => {
    const view = await computeRatings(ctx, requireUser(req), req.query);
    return sendFile(reply, { fileName: `xep-loai-${view.org}-${view.year}.xlsx`, content: await writeRatingsXlsx(view) }, XLSX_TYPE);
  });
}
