// The unit, period and self/subtree choice live in the URL (?org=&period=&subtree=), so a
// link, a reload or the back button shows the same numbers.
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { useCurrentUser } from "../../auth/hooks/use-session";
import { todayLocal } from "../../../ui/format";
import { tryParsePeriod, type Period } from "../period";

export type Scope = { org: string; period: Period; subtree: boolean };

/** The default period: the current calendar year (Asia/Ho_Chi_Minh). */
export function defaultPeriodId(): string {
  return todayLocal().slice(0, 4);
}

/** The scope in the URL, with defaults: the user's unit, this year, with subordinate units. */
export function useScope() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const org = params.get("org") || user.org.code;
  const period = tryParsePeriod(params.get("period") ?? "") ?? (tryParsePeriod(defaultPeriodId()) as Period);
  const subtree = params.get("subtree") !== "0";

  /** Changes part of the scope (and drops register filters that belong to the old scope). */
  const setScope = useCallback(
    (change: Partial<{ org: string; period: string; subtree: boolean }>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (change.org !== undefined) next.set("org", change.org);
        if (change.period !== undefined) next.set("period", change.period);
        if (change.subtree !== undefined) next.set("subtree", change.subtree ? "1" : "0");
        next.delete("page");
        return next;
      });
    },
    [setParams],
  );

  /** `?org=…&subtree=…[&period=…]` to carry the scope over to another page. */
  const scopeSearch = useMemo(() => {
    const s = new URLSearchParams({ org, subtree: subtree ? "1" : "0" });
    if (params.get("period")) s.set("period", period.id);
    return `?${s.toString()}`;
  }, [org, subtree, period.id, params]);

  return { org, period, subtree, setScope, scopeSearch, isOwnUnit: org === user.org.code };
}
