import type { SessionUser } from "../auth/policy.js";
import { authorize } from "../auth/policy.js";
import { AppError } from "../errors.js";
import type { OrgDirectory } from "./org.directory.js";
import type { PredecessorValues } from "./org.repository.js";
import type { PredecessorView } from "./org.presenter.js";

// A split's shares of one predecessor may sum to 1; float sums like 0.7 + 0.3 need slack.
const SHARE_EPSILON = 1e-9;

const invalid = (message: string) => new AppError("VALIDATION", message);

/**
 * The predecessor links a unit will have after a write, checked: every code exists and is a
 * unit the admin manages (else its records could be pulled into a sheet the admin sees), no
 * unit is its own predecessor or listed twice, a merged unit has no other successor, the shares
 * taken from a split unit sum to at most 1, and the links form no cycle.
 * `selfId` is null for a unit being created; `given` lists replace the links of their kind.
 */
export function resolvePredecessorLinks(
  orgs: OrgDirectory,
  user: SessionUser,
  selfId: number | null,
  given: { mergedFrom?: string[] | undefined; splitFrom?: Array<{ code: string; share: number }> | undefined },
): { links: PredecessorValues[]; views: PredecessorView[] } {
  const existing = selfId === null ? [] : orgs.predecessorLinks().filter((l) => l.orgId === selfId);
  const wanted: Array<{ code: string; kind: "merge" | "split"; share: number }> = [
    ...(given.mergedFrom?.map((code) => ({ code, kind: "merge" as const, share: 1 })) ??
      existing.filter((l) => l.kind === "merge").map((l) => ({ code: orgs.get(l.predecessorId)?.code ?? "", kind: l.kind, share: l.share }))),
    ...(given.splitFrom?.map((s) => ({ code: s.code, kind: "split" as const, share: s.share })) ??
      existing.filter((l) => l.kind === "split").map((l) => ({ code: orgs.get(l.predecessorId)?.code ?? "", kind: l.kind, share: l.share }))),
  ];

  const seen = new Set<number>();
  const links: PredecessorValues[] = [];
  for (const w of wanted) {
    const p = orgs.byCode(w.code);
    if (!p) throw invalid(`Không tìm thấy đơn vị tiền thân ${w.code}`);
    if (p.id === selfId) throw invalid(`Đơn vị ${w.code} không thể là tiền thân của chính nó`);
    if (seen.has(p.id)) throw invalid(`Đơn vị tiền thân ${w.code} được nêu hai lần`);
    seen.add(p.id);
    authorize(user, "manage", p.id, orgs);
    const elsewhere = orgs.predecessorLinks().filter((l) => l.predecessorId === p.id && l.orgId !== selfId);
    if (w.kind === "merge" && elsewhere.length > 0) {
      throw invalid(`Đơn vị ${w.code} đã là tiền thân của đơn vị khác, không thể hợp nhất thêm`);
    }
    if (w.kind === "split") {
      if (elsewhere.some((l) => l.kind === "merge")) throw invalid(`Đơn vị ${w.code} đã được hợp nhất vào đơn vị khác`);
      const taken = elsewhere.reduce((sum, l) => sum + l.share, 0);
      if (taken + w.share > 1 + SHARE_EPSILON) {
        throw invalid(`Tổng tỷ lệ chia tách từ ${w.code} vượt quá 1 (đã dùng ${taken})`);
      }
    }
    links.push({ predecessorId: p.id, kind: w.kind, share: w.share });
  }
  if (selfId !== null) assertNoLinkCycle(orgs, selfId, links);
  return { links, views: wanted.map((w) => ({ code: w.code, kind: w.kind, share: w.share })).sort((a, b) => a.code.localeCompare(b.code)) };
}

/** Walks predecessors of the new links (the directory's links for other units): reaching
 * `selfId` again would make a unit count its own records through itself. */
function assertNoLinkCycle(orgs: OrgDirectory, selfId: number, links: PredecessorValues[]): void {
  const stack = links.map((l) => l.predecessorId);
  const visited = new Set<number>();
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (id === selfId) throw invalid("Quan hệ hợp nhất/chia tách tạo thành vòng lặp");
    if (visited.has(id)) continue;
    visited.add(id);
    for (const l of orgs.predecessorLinks()) if (l.orgId === id) stack.push(l.predecessorId);
  }
}
