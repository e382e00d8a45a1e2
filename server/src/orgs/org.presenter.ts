import type { OrgDirectory } from "./org.directory.js";
import type { OrgRow } from "./org.types.js";

/** A predecessor link by code: merged (hợp nhất, share 1) or split (chia tách, share taken). */
export type PredecessorView = { code: string; kind: "merge" | "split"; share: number };

/** An org unit as the API shows it. */
export type OrgView = {
  id: number;
  code: string;
  name: string;
  level: OrgRow["level"];
  bloc: OrgRow["bloc"];
  parentId: number | null;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  predecessors: PredecessorView[];
  childCount: number;
};

/** The predecessor links of a unit, by code. */
export function predecessorsOf(orgs: OrgDirectory, orgId: number): PredecessorView[] {
  return orgs
    .predecessorLinks()
    .filter((l) => l.orgId === orgId)
    .map((l) => ({ code: orgs.get(l.predecessorId)?.code ?? "", kind: l.kind, share: l.share }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Maps a unit from the (refreshed) directory. */
export function presentOrg(o: OrgRow, orgs: OrgDirectory): OrgView {
  return {
    ...snapshotOrg(o, o.parent_id === null ? null : (orgs.get(o.parent_id)?.code ?? null), predecessorsOf(orgs, o.id)),
    childCount: orgs.childrenOf(o.id).length,
  };
}

/** The unit's fields for an audit row, built from known values (inside the transaction the
 * directory does not yet hold the change). */
export function snapshotOrg(o: OrgRow, parentCode: string | null, predecessors: PredecessorView[]): Omit<OrgView, "childCount"> {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    level: o.level,
    bloc: o.bloc,
    parentId: o.parent_id,
    parentCode,
    validFrom: o.valid_from,
    validTo: o.valid_to,
    predecessors,
  };
}
