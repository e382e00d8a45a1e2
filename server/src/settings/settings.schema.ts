import { z } from "zod";
import { ZOrgCode } from "../orgs/org.schema.js";

/** `?org=CODE` of the settings routes (default: the user's own unit). */
export const ZSettingsQuery = z.strictObject({ org: ZOrgCode.optional() });
