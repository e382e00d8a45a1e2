// Routes of a conference's conclusion notice and its conclusions (tasks of the plans module).
import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { sessionFirst } from "../registers/register-guard.js";
import { ZIdParams } from "../registers/register-query.schema.js";
import { ZConclusionsBody } from "./conclusion.schema.js";
import { getConclusions, recordConclusions } from "./conclusion.service.js";

const tags = ["meetings"];

export async function conclusionRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/meetings/:id/conclusions", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) =>
    getConclusions(ctx, requireUser(req), req.params.id));

  app.post("/api/meetings/:id/conclusions", {
    ...sessionFirst,
    schema: { tags, params: ZIdParams, body: ZConclusionsBody, description: "Ghi nhận thông báo kết luận sau hội nghị; mỗi kết luận thành một nhiệm vụ (một đơn vị chủ trì, thời hạn, sản phẩm — kiểm tra «6 rõ»)" },
  }, async (req, reply) => reply.status(201).send(await recordConclusions(ctx, requireUser(req), req.params.id, req.body)));
}
