// Fan-out of a task by its lead cell — T2 "một việc một đầu mối" (KL 226 §2.3; kl226-rules.md
// §5): a group lead becomes one task per unit of the group in the issuer's subtree, each with
// that unit as its sole lead; named units are matched to org units; two or more is a breach.
import type { Bloc, OrgLevel } from "../settings.js";
import { parseLeadCell, unitsOfGroup } from "./leads.js";
import type { LeadGroup } from "./leads.js";
import { matchOrgName } from "./org-match.js";
import type { OrgRef } from "./org-match.js";

/** An org unit of the issuer's subtree. */
export type SubtreeOrg = OrgRef & { parentId: number | null; level: OrgLevel; bloc: Bloc };

/** The issuer (`rootId`) and the units of its subtree (the issuer included). */
export type IssuerSubtree = { rootId: number; orgs: readonly SubtreeOrg[] };

/** A task after fan-out: its lead units (exactly one unless `breach`), and the group it came from. */
export type FannedTask<T> = T & { leadOrgIds: number[]; leadNames: string[]; fromGroup: LeadGroup | null };

/** Result of fanOutTask; `notes` are Vietnamese, for the user. */
export type FanOutResult<T> = {
  tasks: Array<FannedTask<T>>;
  /** Names of the cell matched to no unit (for the user to map once, as an alias). */
  unmatched: string[];
  /** Names with several close units: the user picks one. */
  ambiguous: Array<{ name: string; candidates: Array<{ orgId: number; name: string; score: number }> }>;
  /** The cell names more than one lead: a T2 breach, shown until fixed. */
  breach: boolean;
  notes: string[];
};

/**
 * Fan a task out by its lead cell (T2 — KL 226 §2.3). A group phrase gives one task per unit
 * the group covers in the issuer's subtree (see LEAD_GROUPS for which levels each covers),
 * each with that unit as its only lead, ordered by unit name. Otherwise the cell's names are
 * matched (aliases first) and one task is returned with every matched unit as lead: more than
 * one name — even with some unmatched — sets `breach`.
 */
export function fanOutTask<T extends object>(
  task: T, leadCell: string, subtree: IssuerSubtree, options: { aliases?: Readonly<Record<string, number>> } = {},
): FanOutResult<T> {
  const cell = parseLeadCell(leadCell, { knownNames: subtree.orgs.map((o) => o.name) });
  if (cell.kind === "group") {
    const units = unitsOfGroup(cell.group, subtree.rootId, subtree.orgs).sort((a, b) => a.name.localeCompare(b.name, "vi"));
    const notes = units.length === 0 ? [`Nhóm «${cell.text}» không có đơn vị nào thuộc phạm vi của cơ quan ban hành`] : [];
    const tasks = units.map((u) => ({ ...task, leadOrgIds: [u.id], leadNames: [u.name], fromGroup: cell.group }));
    return { tasks, unmatched: [], ambiguous: [], breach: false, notes };
  }
  const unmatched: string[] = [];
  const ambiguous: FanOutResult<T>["ambiguous"] = [];
  const leadOrgIds: number[] = [];
  for (const name of cell.names) {
    const m = matchOrgName(name, subtree.orgs, options.aliases);
    if (m === null) unmatched.push(name);
    else if ("orgId" in m) {
      if (!leadOrgIds.includes(m.orgId)) leadOrgIds.push(m.orgId);
    } else ambiguous.push({ name, candidates: m.candidates });
  }
  const breach = cell.names.length > 1;
  const notes: string[] = [];
  if (cell.names.length === 0) notes.push("Chưa ghi cơ quan chủ trì");
  if (breach) notes.push(`Có ${cell.names.length} cơ quan chủ trì (${cell.names.join("; ")}) — vi phạm nguyên tắc «một việc một đầu mối»`);
  return { tasks: [{ ...task, leadOrgIds, leadNames: cell.names, fromGroup: null }], unmatched, ambiguous, breach, notes };
}
