import { describe, it, expect } from "vitest";
import { isInSubtree, resolveCountedOrgs } from "./org-tree.js";
import type { OrgNode, PredecessorLink } from "./org-tree.js";
import type { OrgLevel } from "./settings.js";
import { DomainError } from "./errors.js";

const node = (id: number, code: string, parentId: number | null, level: OrgLevel = "commune"): OrgNode =>
  ({ id, code, parentId, level, validFrom: null, validTo: null });
const merge = (orgId: number, predecessorId: number): PredecessorLink => ({ orgId, predecessorId, kind: "merge", share: 1 });
const split = (orgId: number, predecessorId: number, share: number): PredecessorLink => ({ orgId, predecessorId, kind: "split", share });

// Province P (1) → commune X (10) → office X1 (11) → team X11 (12); commune Y (20).
// Former communes A (30), B (31), C (32) merged into X; A had absorbed A1 (33);
// Y took 40 % of the former commune Z (40); office X1 absorbed office O (50).
const NODES: OrgNode[] = [
  node(1, "P", null, "province"), node(10, "X", 1), node(11, "X1", 10, "office"), node(12, "X11", 11, "office"),
  node(20, "Y", 1), node(30, "A", null), node(31, "B", null), node(32, "C", null), node(33, "A1", null),
  node(40, "Z", null), node(50, "O", null, "office"),
];
const LINKS: PredecessorLink[] = [merge(10, 30), merge(10, 31), merge(10, 32), merge(30, 33), split(20, 40, 0.4), merge(11, 50)];

type Row = { id: number; weight: number; via: string };
const byId = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.id, [r.weight, r.via]]));

describe("resolveCountedOrgs", () => {
  it.each<[string, number, boolean, PredecessorLink[], Record<number, [number, string]>]>([
    ["a unit alone, no links", 20, false, [], { 20: [1, "self"] }],
    ["merger of three communes plus a chain (A merged from A1)", 10, false, LINKS,
      { 10: [1, "self"], 30: [1, "merge"], 31: [1, "merge"], 32: [1, "merge"], 33: [1, "merge"] }],
    ["split takes the share", 20, false, LINKS, { 20: [1, "self"], 40: [0.4, "split"] }],
    ["subtree adds descendants and their predecessors", 10, true, LINKS,
      { 10: [1, "self"], 11: [1, "descendant"], 12: [1, "descendant"], 30: [1, "merge"], 31: [1, "merge"], 32: [1, "merge"], 33: [1, "merge"], 50: [1, "merge"] }],
    ["province subtree", 1, true, LINKS,
      { 1: [1, "self"], 10: [1, "descendant"], 11: [1, "descendant"], 12: [1, "descendant"], 20: [1, "descendant"],
        30: [1, "merge"], 31: [1, "merge"], 32: [1, "merge"], 33: [1, "merge"], 40: [0.4, "split"], 50: [1, "merge"] }],
    ["shares multiply along a chain", 20, false, [split(20, 40, 0.4), split(40, 41, 0.5)], { 20: [1, "self"], 40: [0.4, "split"], 41: [0.2, "split"] }],
    ["a merge after a split stays a split", 20, false, [split(20, 40, 0.4), merge(40, 41)], { 20: [1, "self"], 40: [0.4, "split"], 41: [0.4, "split"] }],
    ["largest weight wins when reached twice", 20, false, [split(20, 40, 0.3), split(20, 41, 0.9), merge(41, 40)],
      { 20: [1, "self"], 40: [0.9, "split"], 41: [0.9, "split"] }],
    ["a predecessor that is also a descendant counts once, as descendant", 10, true, [merge(10, 11)], { 10: [1, "self"], 11: [1, "descendant"], 12: [1, "descendant"] }],
    ["cycle of links", 10, false, [merge(10, 30), merge(30, 31), merge(31, 10)], { 10: [1, "self"], 30: [1, "merge"], 31: [1, "merge"] }],
    ["cycle of split links", 20, false, [split(20, 40, 0.5), split(40, 20, 0.5)], { 20: [1, "self"], 40: [0.5, "split"] }],
  ])("%s", (_name, root, subtree, links, want) => {
    const rows = resolveCountedOrgs(root, subtree, NODES, links);
    expect(byId(rows)).toEqual(want);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows[0]).toEqual({ id: root, weight: 1, via: "self" });
  });

  it("survives a cycle in parent links", () => {
    const nodes = [node(1, "P", 3), node(2, "Q", 1), node(3, "R", 2)];
    expect(byId(resolveCountedOrgs(1, true, nodes, []))).toEqual({ 1: [1, "self"], 2: [1, "descendant"], 3: [1, "descendant"] });
  });

  it.each<[string, number, PredecessorLink[], string]>([
    ["unknown root", 999, [], "ORG_NOT_FOUND"],
    ["split share 0", 20, [split(20, 40, 0)], "INVALID_SHARE"],
    ["split share above 1", 20, [split(20, 40, 1.5)], "INVALID_SHARE"],
  ])("throws on %s", (_name, root, links, code) => {
    expect(() => resolveCountedOrgs(root, false, NODES, links)).toThrow(DomainError);
    try {
      resolveCountedOrgs(root, false, NODES, links);
    } catch (e) {
      expect((e as DomainError).code).toBe(code);
    }
  });
});

describe("isInSubtree", () => {
  it.each<[number, number, boolean]>([
    [10, 10, true], [10, 11, true], [10, 12, true], [1, 12, true], [11, 10, false], [20, 12, false], [10, 30, false], [10, 999, false],
  ])("isInSubtree(%i, %i) = %s", (ancestor, id, want) => {
    expect(isInSubtree(ancestor, id, NODES)).toBe(want);
  });
  it("stops on a parent cycle", () => {
    const nodes = [node(1, "P", 2), node(2, "Q", 1)];
    expect(isInSubtree(5, 1, nodes)).toBe(false);
    expect(isInSubtree(2, 1, nodes)).toBe(true);
  });
});
