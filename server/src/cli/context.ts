import type { AppContext } from "../context.js";
import { openDatabaseFromEnv } from "../db/open-from-env.js";
import { OrgDirectory } from "../orgs/org.directory.js";

/** Opens the database from the environment and runs `work` with a context; the CLI acts as
 * the system (no user), as the person at the keyboard owns the database. */
export async function withCliContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const handle = await openDatabaseFromEnv();
  try {
    const ctx: AppContext = { handle, orgs: new OrgDirectory(handle.db), now: () => new Date() };
    await ctx.orgs.refresh();
    return await work(ctx);
  } finally {
    await handle.close();
  }
}
