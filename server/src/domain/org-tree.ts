// Org subtree and predecessors — kl226-rules.md §7 (a unit alone or its whole subtree) and
// data-contract.md §orgs `merged_from`: the records of a unit X replaced count as X's own,
// recursively and in every period; a subtree sheet counts each record once.
import { DomainError } from "./errors.js";
import type { OrgLevel } from "./settings.js";

/** An org unit as the tree functions need it. */
export type OrgNode = { id: number; code: string; parentId: number | null; level: OrgLevel; validFrom: string | null; validTo: string | null };
/** `orgId` replaced `predecessorId`: share 1 for merges, 0 < share ≤ 1 for splits. */
export type PredecessorLink = { orgId: number; predecessorId: number; kind: "merge" | "split"; share: number };
/** How an org came to be counted. */
export type CountedVia = "self" | "descendant" | "merge" | "split";

/**
 * Whether `id` is `ancestorId` itself or one of its descendants (walks parents; a cycle in
 * the parent links stops the walk instead of looping).
 */
export function isInSubtree(ancestorId: number, id: number, nodes: OrgNode[]): boolean {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  const seen = new Set<number>();
  let cur: number | null | undefined = id;
  while (cur !== null && cur !== undefined && !seen.has(cur)) {
    if (cur === ancestorId) return true;
    seen.add(cur);
    cur = parentOf.get(cur);
  }
  return false;
}

/**
 * The orgs whose records count for `rootId`: the root ("self"), all its descendants when
 * `subtree` ("descendant"), plus recursively every predecessor of each of them (merge:
 * weight 1, split: weight share, multiplied along chains; via "split" once any split is on the
 * chain). Each id appears once, with its largest weight (ties keep self > descendant > merge >
 * split). Cycles in parents or links terminate. Order: root, descendants breadth-first, then
 * predecessors as found. Predecessors' own descendants are not added. Validity dates are not
 * consulted: the caller filters records by period.
 * Throws DomainError("ORG_NOT_FOUND") for an unknown root, ("INVALID_SHARE") for a share
 * outside 0 < share ≤ 1 on a split.
 */
export function resolveCountedOrgs(
  rootId: number, subtree: boolean, nodes: OrgNode[], links: PredecessorLink[],
): Array<{ id: number; weight: number; via: CountedVia }> {
  if (!nodes.some((n) => n.id === rootId)) {
    throw new DomainError("ORG_NOT_FOUND", `Không tìm thấy đơn vị (id ${rootId})`, { rootId });
  }
  const counted = new Map<number, { id: number; weight: number; via: CountedVia }>();
  counted.set(rootId, { id: rootId, weight: 1, via: "self" });

  if (subtree) {
    const children = new Map<number, number[]>();
    for (const n of nodes) {
      if (n.parentId === null) continue;
      children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
    }
    const queue = [rootId];
    for (let i = 0; i < queue.length; i++) {
      const parent = queue[i];
      if (parent === undefined) break;
      for (const child of children.get(parent) ?? []) {
        if (counted.has(child)) continue; // a parent cycle back to the root or a revisit
        counted.set(child, { id: child, weight: 1, via: "descendant" });
        queue.push(child);
      }
    }
  }

  const linksOf = new Map<number, PredecessorLink[]>();
  for (const l of links) {
    if (l.kind === "split" && !(l.share > 0 && l.share <= 1)) {
      throw new DomainError("INVALID_SHARE", `Tỷ lệ chia tách phải lớn hơn 0 và không quá 1 (đang là ${l.share})`, l);
    }
    linksOf.set(l.orgId, [...(linksOf.get(l.orgId) ?? []), l]);
  }
  // Relaxation: a node is revisited only when reached with a strictly larger weight. Weights
  // never grow along a chain (shares ≤ 1), so a cycle cannot raise them and the loop ends.
  const work = [...counted.values()];
  while (work.length > 0) {
    const from = work.shift();
    if (from === undefined) break;
    for (const l of linksOf.get(from.id) ?? []) {
      const weight = from.weight * (l.kind === "merge" ? 1 : l.share);
      const via: CountedVia = l.kind === "split" || from.via === "split" ? "split" : "merge";
      const known = counted.get(l.predecessorId);
      if (known !== undefined && known.weight >= weight) continue;
      const entry = { id: l.predecessorId, weight, via };
      counted.set(l.predecessorId, entry);
      work.push(entry);
    }
  }
  return [...counted.values()];
}
