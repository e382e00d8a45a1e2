import type { DbHandle } from "./db/database.js";
import type { OrgDirectory } from "./orgs/org.directory.js";

/** What every route module and service is built from. */
export type AppContext = {
  handle: DbHandle;
  orgs: OrgDirectory;
  /** The clock, injected so that tests can fix "today". */
  now: () => Date;
};
