// A Kysely handle over the demo's bulk session, so that the application's own repositories and
// services' read paths (the report content, the indicator sheet) run inside the one transaction
// that loads the demo: they see the registers just copied in, and a failed load leaves nothing.
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from "kysely";
import type { BulkSession } from "../db/bulk.js";
import type { Db } from "../db/database.js";
import type { Database } from "../db/schema.js";

/** A read the memo may answer: a SELECT (or WITH … SELECT) naming none of the `written` tables. */
function isMemoizable(text: string, written: RegExp): boolean {
  return /^\s*(select|with)\b/i.test(text) && !written.test(text);
}

/**
 * Statements of the returned handle run on `s`; it cannot open transactions of its own (it is
 * already in one) and does not report affected-row counts (the session gives rows only).
 * With `memoizeReadsExcept`, a read naming none of the tables it matches is answered from a
 * memo of the same statement and parameters: the caller promises those tables do not change
 * while the handle is used (the demo's history reads the registers hundreds of times).
 */
export function sessionDb(s: BulkSession, options: { memoizeReadsExcept?: RegExp } = {}): Db {
  const memo = new Map<string, unknown[]>();
  const written = options.memoizeReadsExcept;
  // the services run independent reads at once (Promise.all); the session is one connection,
  // so they are sent one after the other (pg warns of queries sent while one is running)
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <R>(run: () => Promise<R[]>): Promise<R[]> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  const connection: DatabaseConnection = {
    async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
      const params = [...q.parameters];
      if (!written || !isMemoizable(q.sql, written)) return { rows: await serial(() => s.query<R>(q.sql, params)) };
      const key = `${q.sql}\u0000${JSON.stringify(params)}`;
      let rows = memo.get(key);
      if (!rows) {
        rows = await serial(() => s.query(q.sql, params));
        memo.set(key, rows);
      }
      return { rows: structuredClone(rows) as R[] };
    },
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error("the demo's bulk session does not stream");
    },
  };
  const refuse = async (): Promise<void> => {
    throw new Error("the demo's bulk session is already one transaction");
  };
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: refuse,
    commitTransaction: refuse,
    rollbackTransaction: refuse,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}
