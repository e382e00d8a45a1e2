import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";

// PLACEHOLDER — replaced by the real routes of this capability.
export async function authRoutes(_app: AppInstance, _ctx: AppContext, _opts: { secureCookies: boolean }): Promise<void> {}
