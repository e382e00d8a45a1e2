// Register filters live in the URL next to the scope (?org=&subtree=), so a breach link from
// the dashboard opens the register already filtered, and reload/back keep the view.
import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";

/** The filters named by `keys` ("" when absent), the page, and setters (a filter change
 * goes back to page 1). */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const joined = keys.join(",");
  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const k of keys) out[k] = params.get(k) ?? "";
    return out;
  }, [params, joined]); // eslint-disable-line react-hooks/exhaustive-deps
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);

  const setFilters = useCallback(
    (change: Partial<Record<K, string>>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(change) as Array<[string, string | undefined]>) {
          if (v === undefined || v === "") next.delete(k);
          else next.set(k, v);
        }
        next.delete("page");
        return next;
      }, { replace: true });
    },
    [setParams],
  );

  const setPage = useCallback(
    (n: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (n <= 1) next.delete("page");
        else next.set("page", String(n));
        return next;
      });
    },
    [setParams],
  );

  const clear = useCallback(() => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const k of keys) next.delete(k);
      next.delete("page");
      return next;
    });
  }, [setParams, joined]); // eslint-disable-line react-hooks/exhaustive-deps

  return { values, page, setFilters, setPage, clear };
}

/** Keyset paging on top of page numbers: remembers the cursor the server gave for each page
 * reached with "next", so deep pages of a huge register cost what the first one costs (and
 * pass the server's offset limit). Keys include the filters, so a new filter starts afresh. */
export function useCursorPaging(resetKey: string, page: number) {
  const [cursors, setCursors] = useState<Map<string, string>>(() => new Map());
  const cursor = page > 1 ? cursors.get(`${resetKey}#${page}`) : undefined;
  const remember = useCallback(
    (targetPage: number, next: string) => setCursors((prev) => new Map(prev).set(`${resetKey}#${targetPage}`, next)),
    [resetKey],
  );
  return { cursor, remember };
}
