import type { PGlite } from "@electric-sql/pglite";
import type { Kysely } from "kysely";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { Database } from "./schema.js";

/** One transaction on one connection, for loading many rows at once (imports, demo data, bench). */
export type BulkSession = {
  /** A parameterised statement; `text` is a constant written in code, values go in `params`. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** COPY rows given as CSV text or its UTF-8 bytes (no header) into `table (columns)`. */
  copyCsv(table: string, columns: readonly string[], csv: string | Uint8Array<ArrayBuffer>): Promise<void>;
};

/** Runs `work` inside BEGIN … COMMIT, rolling back if it throws. */
export type BulkRunner = <T>(work: (session: BulkSession) => Promise<T>) => Promise<T>;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** COPY target names are code constants; refuse anything else rather than quote it. */
function copyStatement(table: string, columns: readonly string[], source: string): string {
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`invalid identifier for COPY: ${name}`);
  }
  return `copy ${table} (${columns.join(", ")}) from ${source} with (format csv)`;
}

export function createPostgresBulk(pool: pg.Pool): BulkRunner {
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query("begin");
      const session: BulkSession = {
        query: async (text, params) => (await client.query(text, params)).rows,
        copyCsv: async (table, columns, csv) => {
          const stream = client.query(copyFrom(copyStatement(table, columns, "stdin")));
          const chunk = typeof csv === "string" ? csv : Buffer.from(csv.buffer, csv.byteOffset, csv.byteLength);
          await pipeline(Readable.from([chunk]), stream);
        },
      };
      const result = await work(session);
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

export function createPgliteBulk(db: Kysely<Database>, client: PGlite): BulkRunner {
  // Holding Kysely's only connection queues every other query until the bulk transaction ends.
  return (work) =>
    db.connection().execute(() =>
      client.transaction(async (tx) =>
        work({
          query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
          copyCsv: async (table, columns, csv) => {
            await tx.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
          },
        }),
      ),
    );
}
