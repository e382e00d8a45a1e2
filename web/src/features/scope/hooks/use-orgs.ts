import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { foldDiacritics } from "@server/domain/text.js";
import { fetchVisibleOrgs, type OrgUnit } from "../api/orgs.api";

/** The visible tree with lookups: by code, depth, ancestors, folded search text. */
export type OrgTree = {
  list: OrgUnit[];
  byCode: Map<string, OrgUnit>;
  depthOf: (code: string) => number;
  /** from the top of the visible tree down to `code`, inclusive */
  pathTo: (code: string) => OrgUnit[];
  searchText: Map<string, string>;
};

function buildTree(list: OrgUnit[]): OrgTree {
  const byCode = new Map(list.map((o) => [o.code, o]));
  const byId = new Map(list.map((o) => [o.id, o]));
  const pathTo = (code: string): OrgUnit[] => {
    const path: OrgUnit[] = [];
    let current = byCode.get(code);
    while (current) {
      path.unshift(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    return path;
  };
  const searchText = new Map(list.map((o) => [o.code, foldDiacritics(`${o.name} ${o.code}`)]));
  return { list, byCode, pathTo, depthOf: (code) => Math.max(0, pathTo(code).length - 1), searchText };
}

/** The units the signed-in user may see (their unit and its subtree). */
export function useOrgs() {
  const query = useQuery({ queryKey: ["orgs"], queryFn: fetchVisibleOrgs, staleTime: 5 * 60_000 });
  const tree = useMemo(() => (query.data ? buildTree(query.data) : null), [query.data]);
  return { ...query, tree };
}
