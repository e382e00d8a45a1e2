import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { ZSettingsOverrideSchema } from "../domain/settings.js";
import { ZSettingsQuery } from "./settings.schema.js";
import { readSettings, writeSettings } from "./settings.service.js";

/** A unit's KL 226 settings: read for anyone who reads the unit, replace for its admins. */
export async function settingsRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/settings", { schema: { querystring: ZSettingsQuery, tags: ["settings"] } }, async (req) => {
    const user = requireUser(req);
    return readSettings(ctx, user, req.query.org);
  });

  app.put("/api/settings", { schema: { querystring: ZSettingsQuery, body: ZSettingsOverrideSchema, tags: ["settings"] } }, async (req) => {
    const user = requireUser(req);
    return writeSettings(ctx, user, req.query.org, req.body);
  });
}
