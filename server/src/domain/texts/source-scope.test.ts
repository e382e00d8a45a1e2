import { describe, expect, it } from "vitest";
import { resolveCitation, upperUnits } from "./source-scope.js";

// VN (central) ─ BBT (central); VN ─ province 3 ─ communes 4, 5; commune 4 ─ office 6
const units = [
  { id: 1, parentId: null, level: "central" },
  { id: 2, parentId: 1, level: "central" },
  { id: 3, parentId: 1, level: "province" },
  { id: 4, parentId: 3, level: "commune" },
  { id: 5, parentId: 3, level: "commune" },
  { id: 6, parentId: 4, level: "office" },
];

describe("upperUnits (D5 sources)", () => {
  it.each([
    [6, [1, 2, 3, 4]],
    [4, [1, 2, 3]],
    [3, [1, 2]],
    [2, [1]],
    [1, [2]],
  ])("unit %i compares with %j", (org, expected) => {
    expect([...upperUnits(org, units)].sort()).toEqual(expected);
  });
});

describe("resolveCitation", () => {
  const docs = [
    { id: 10, orgId: 4, numberKey: "181/kh-ubnd", issuedOn: "2025-04-29" },
    { id: 11, orgId: 4, numberKey: "181/kh-ubnd", issuedOn: "2026-04-29" },
    { id: 12, orgId: 5, numberKey: "181/kh-ubnd", issuedOn: "2026-04-29" },
    { id: 13, orgId: 2, numberKey: "226-kl/tw", issuedOn: "2025-12-11" },
  ];
  const scopeOf4 = new Set([4, 1, 2, 3]);
  it.each([
    ["a dated citation names the document of that day", { numberKey: "181/kh-ubnd", citedOn: "2025-04-29" }, "2026-05-13", 10],
    ["an undated one the latest issued before the citing document", { numberKey: "181/kh-ubnd", citedOn: null }, "2026-05-13", 11],
    ["never one issued after it", { numberKey: "181/kh-ubnd", citedOn: null }, "2026-01-01", 10],
    ["an upper level's document", { numberKey: "226-kl/tw", citedOn: "2025-12-11" }, "2026-05-13", 13],
    ["no document of that date", { numberKey: "226-kl/tw", citedOn: "2025-12-12" }, "2026-05-13", null],
    ["an unknown number", { numberKey: "76/nq-cp", citedOn: null }, "2026-05-13", null],
  ])("%s", (_name, ref, citingOn, expected) => {
    expect(resolveCitation(ref, citingOn, scopeOf4, docs)?.id ?? null).toBe(expected);
  });
  it("ignores a sibling's document with the same number", () => {
    expect(resolveCitation({ numberKey: "181/kh-ubnd", citedOn: "2026-04-29" }, "2026-05-13", new Set([5]), docs)?.id).toBe(12);
    expect(resolveCitation({ numberKey: "181/kh-ubnd", citedOn: "2026-04-29" }, "2026-05-13", new Set([3]), docs)).toBeNull();
  });
});
