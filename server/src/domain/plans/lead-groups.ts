// Group phrases of a lead cell — T2 "một việc một đầu mối" (KL 226 §2.3; kl226-rules.md §5):
// a lead cell naming a group ("Các sở, ban, ngành tỉnh, địa phương") fans the task out into one
// task per unit of the group, each with that unit as its sole lead. Patterns run on folded text
// (foldKeepingLength) and tolerate OCR of "sở" (s0, sd, s&) and "các" (céc → cec).
import type { Bloc, OrgLevel } from "../settings.js";

/** A group of units a lead cell can name. */
export type LeadGroup =
  | "all_departments_and_localities"
  | "all_departments"
  | "all_localities"
  | "all_agencies"
  | "all_offices"
  | "all_front_organisations";

/** An org unit as fan-out sees it. */
export type GroupOrg = { id: number; parentId: number | null; level: OrgLevel; bloc: Bloc };

const W = String.raw`[\s,;.\-]*`; // punctuation and spaces between the words of a phrase
const CAC = String.raw`c[a-z]{0,2}c\s*`;
const DEPTS = String.raw`${CAC}s\S?${W}(?:ban${W})?nganh(?:${W}(?:tinh|thanh\s*pho))?`;
const LOCALITIES = String.raw`(?:(?:${CAC})?dia\s*phuong|ubnd\s*(?:${CAC})?(?:xa${W}phuong(?:${W}dac\s*khu)?|cap\s*xa)|${CAC}xa${W}phuong(?:${W}dac\s*khu)?)`;
const AGENCIES = String.raw`${CAC}co\s*quan${W}(?:to\s*chuc${W})?don\s*vi(?:${W}dia\s*phuong)?`;
const OFFICES = String.raw`${CAC}(?:phong${W}ban(?:\s*chuyen\s*mon)?|phong\s*chuyen\s*mon|co\s*quan\s*(?:chuyen\s*mon|cm))(?:\s*(?:thuoc\s*)?(?:ubnd\s*)?(?:xa|phuong))?`;
const FRONT = String.raw`(?:uy\s*ban\s*)?(?:mttq|mat\s*tran\s*to\s*quoc)(?:\s*viet\s*nam)?(?:\s*(?:xa|phuong|tinh))?${W}(?:va${W})?${CAC}(?:doan\s*the(?:\s*chinh\s*tri${W}xa\s*hoi)?|to\s*chuc\s*chinh\s*tri${W}xa\s*hoi)`;

/**
 * Each group, longest phrase first (so "các sở, ban, ngành tỉnh, địa phương" is not read as
 * "các sở, ban, ngành"), with its Vietnamese label and the units it covers in the issuer's
 * subtree (the issuer itself never):
 * - departments and localities: every unit of level `department` or `commune`;
 * - departments: level `department`; localities (xã, phường, địa phương): level `commune`;
 * - agencies ("các cơ quan, tổ chức, đơn vị"): the issuer's direct children, any level or bloc —
 *   for a commune its offices, for a province its departments and communes (no district level);
 * - offices ("các phòng, ban chuyên môn"): direct children of level `office`;
 * - front ("MTTQ và các đoàn thể"): direct children of bloc `front`.
 */
export const LEAD_GROUPS: ReadonlyArray<{ group: LeadGroup; label: string; pattern: string; covers: (o: GroupOrg, rootId: number) => boolean }> = [
  {
    group: "all_departments_and_localities", label: "Các sở, ban, ngành và địa phương",
    pattern: `${DEPTS}${W}(?:va${W})?${LOCALITIES}`,
    covers: (o) => o.level === "department" || o.level === "commune",
  },
  { group: "all_departments", label: "Các sở, ban, ngành", pattern: DEPTS, covers: (o) => o.level === "department" },
  { group: "all_agencies", label: "Các cơ quan, tổ chức, đơn vị", pattern: AGENCIES, covers: (o, root) => o.parentId === root },
  { group: "all_offices", label: "Các phòng, ban chuyên môn", pattern: OFFICES, covers: (o, root) => o.parentId === root && o.level === "office" },
  { group: "all_front_organisations", label: "MTTQ và các đoàn thể", pattern: FRONT, covers: (o, root) => o.parentId === root && o.bloc === "front" },
  { group: "all_localities", label: "Các xã, phường (địa phương)", pattern: LOCALITIES, covers: (o) => o.level === "commune" },
];

/** The group a whole (folded) cell names, or null. */
export function groupOfFoldedCell(folded: string): LeadGroup | null {
  const s = folded.replace(/^[\s,;.:\-]+|[\s,;.:\-]+$/g, "");
  for (const g of LEAD_GROUPS) {
    if (new RegExp(`^(?:${g.pattern})$`).test(s)) return g.group;
  }
  return null;
}

/** One regex finding any group phrase inside folded text (for protecting it from splitting). */
export const ANY_GROUP = new RegExp(`\\b(?:${LEAD_GROUPS.map((g) => `(?:${g.pattern})`).join("|")})`, "g");

/**
 * The units of `orgs` a group covers under the issuer `rootId` (T2 — KL 226 §2.3). `orgs` is the
 * issuer's subtree; units outside it are never returned.
 */
export function unitsOfGroup<T extends GroupOrg>(group: LeadGroup, rootId: number, orgs: readonly T[]): T[] {
  const def = LEAD_GROUPS.find((g) => g.group === group);
  if (!def) return [];
  const inSubtree = subtreeOf(rootId, orgs);
  return orgs.filter((o) => o.id !== rootId && inSubtree.has(o.id) && def.covers(o, rootId));
}

function subtreeOf(rootId: number, orgs: readonly GroupOrg[]): Set<number> {
  const seen = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (!seen.has(o.id) && o.parentId !== null && seen.has(o.parentId)) {
        seen.add(o.id);
        grew = true;
      }
    }
  }
  return seen;
}
