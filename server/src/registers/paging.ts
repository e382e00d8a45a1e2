// Paging of register lists. Offset paging (page/pageSize) serves the first pages a screen
// shows; a keyset cursor (nextCursor) walks any depth at the same cost, which is what keeps a
// province's million-row register fast on page 5,000.
import { formatNumberVi } from "../domain/format.js";
import { invalidFields } from "./register-errors.js";

/** Deepest row an offset page may start at; past it the client follows `nextCursor`. An
 * offset page over many units reads up to (offset + pageSize) rows per unit, so deep offsets
 * cost nearly a full scan of a province; a cursor page costs the same at any depth. */
export const MAX_OFFSET = 2_000;

/** One page of a register list. `total` is exact unless `totalExact` is false (then it is a
 * lower bound: the count stopped at a cap, see the list's service). `page` is null when the
 * page was reached by cursor. */
export type Page<T> = {
  items: T[];
  total: number;
  totalExact: boolean;
  page: number | null;
  pageSize: number;
  nextCursor: string | null;
};

/** Where a page starts: after a keyset position, or at an offset. */
export type PageWindow<K> = { limit: number; offset: number; after: K | null };

/** Keyset position: the sort key of the last row shown and its id (the tie-breaker). */
export type KeysetPosition = { key: string; id: number };

/** Builds the window of a request; a cursor wins over `page`. Throws 400 on a bad cursor or
 * an offset past {@link MAX_OFFSET}. `sort` is bound into the cursor so it cannot be replayed
 * under another order. */
export function pageWindow(req: { page: number; pageSize: number; cursor?: string | undefined }, sort: string): PageWindow<KeysetPosition> {
  if (req.cursor !== undefined && req.cursor !== "") {
    return { limit: req.pageSize, offset: 0, after: decodeCursor(req.cursor, sort) };
  }
  const offset = (req.page - 1) * req.pageSize;
  if (offset > MAX_OFFSET) {
    throw invalidFields([{ field: "page", reason: `trang quá sâu (quá ${formatNumberVi(MAX_OFFSET)} dòng); hãy dùng cursor (nextCursor) hoặc thu hẹp bộ lọc` }]);
  }
  return { limit: req.pageSize, offset, after: null };
}

/** An opaque cursor for the position after `last`. */
export function encodeCursor(sort: string, last: KeysetPosition): string {
  return Buffer.from(JSON.stringify({ s: sort, k: last.key, i: last.id }), "utf8").toString("base64url");
}

function decodeCursor(cursor: string, sort: string): KeysetPosition {
  const bad = () => invalidFields([{ field: "cursor", reason: "không hợp lệ hoặc không khớp cách sắp xếp" }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  if (typeof parsed !== "object" || parsed === null) throw bad();
  const { s, k, i } = parsed as Record<string, unknown>;
  if (s !== sort || typeof k !== "string" || typeof i !== "number" || !Number.isSafeInteger(i)) throw bad();
  return { key: k, id: i };
}

/** Assembles a page from rows fetched with one extra (the extra row says there is more). */
export function toPage<R, T>(
  rows: R[],
  window: PageWindow<KeysetPosition>,
  req: { page: number; sort: string },
  total: { total: number; exact: boolean },
  keyOf: (row: R) => KeysetPosition,
  present: (row: R) => T,
): Page<T> {
  const shown = rows.slice(0, window.limit);
  const last = shown[shown.length - 1];
  const hasMore = rows.length > window.limit;
  return {
    items: shown.map(present),
    total: total.total,
    totalExact: total.exact,
    page: window.after === null ? req.page : null,
    pageSize: window.limit,
    nextCursor: hasMore && last !== undefined ? encodeCursor(req.sort, keyOf(last)) : null,
  };
}
