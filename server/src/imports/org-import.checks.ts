// Checks across the rows of an orgs import, against the tree as it will be after the import:
// codes unique in the file, parents and predecessors that exist (in the file or already),
// no parent cycle, the predecessor rules of orgs/org.links.ts applied file-wide, and scope.
import { can, type SessionUser } from "../auth/policy.js";
import type { OrgDirectory } from "../orgs/org.directory.js";
import type { CellProblem } from "./import.cells.js";
import type { OrgDraft } from "./org.validator.js";

// shares of one split unit may sum to 1; float sums like 0.7 + 0.3 need slack
const SHARE_EPSILON = 1e-9;

type Link = { org: string; predecessor: string; kind: "merge" | "split"; share: number; row: number | null };

/** Problems per row (each row listed once, in row order). */
export type RowProblems = Array<{ row: number; problems: CellProblem[] }>;

class ProblemSet {
  private readonly byRow = new Map<number, CellProblem[]>();
  add(row: number, column: string, reason: string): void {
    const list = this.byRow.get(row) ?? [];
    if (!list.some((p) => p.column === column && p.reason === reason)) list.push({ column, reason });
    this.byRow.set(row, list);
  }
  list(): RowProblems {
    return [...this.byRow.entries()].sort((a, b) => a[0] - b[0]).map(([row, problems]) => ({ row, problems }));
  }
}

/** The first row of each code (later rows with the same code are duplicates). */
export function firstRowByCode(drafts: readonly OrgDraft[]): Map<string, OrgDraft> {
  const byCode = new Map<string, OrgDraft>();
  for (const d of drafts) if (!byCode.has(d.code)) byCode.set(d.code, d);
  return byCode;
}

/** The cross-row problems of the valid rows of an orgs file. */
export function checkOrgDrafts(drafts: readonly OrgDraft[], orgs: OrgDirectory): RowProblems {
  const problems = new ProblemSet();
  const byCode = firstRowByCode(drafts);
  const exists = (code: string) => byCode.has(code) || orgs.byCode(code) !== undefined;

  for (const d of drafts) {
    const first = byCode.get(d.code);
    if (first && first !== d) problems.add(d.row, "code", `trùng với dòng ${first.row}`);
    if (d.parentCode === d.code) problems.add(d.row, "parent_code", "không thể là cấp trên của chính nó");
    else if (d.parentCode !== null && !exists(d.parentCode)) problems.add(d.row, "parent_code", `không tìm thấy đơn vị có mã "${d.parentCode}"`);
  }
  checkParentCycles(byCode, orgs, problems);
  checkLinks(byCode, orgs, exists, problems);
  return problems.list();
}

/** The parent of a code after the import: the file's row wins over the tree. */
function parentAfter(code: string, byCode: Map<string, OrgDraft>, orgs: OrgDirectory): string | null {
  const d = byCode.get(code);
  if (d) return d.parentCode;
  const o = orgs.byCode(code);
  return o && o.parent_id !== null ? (orgs.get(o.parent_id)?.code ?? null) : null;
}

function checkParentCycles(byCode: Map<string, OrgDraft>, orgs: OrgDirectory, problems: ProblemSet): void {
  const done = new Set<string>(); // walked already: each cycle is reported once
  for (const d of byCode.values()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let cur: string | null = d.code;
    while (cur !== null && !done.has(cur) && !onPath.has(cur)) {
      path.push(cur);
      onPath.add(cur);
      cur = parentAfter(cur, byCode, orgs);
    }
    if (cur !== null && onPath.has(cur)) {
      const cycle = path.slice(path.indexOf(cur));
      for (const code of cycle) {
        const row = byCode.get(code)?.row;
        if (row !== undefined) problems.add(row, "parent_code", `tạo vòng lặp cấp trên (${[...cycle, cur].join(" → ")})`);
      }
    }
    for (const code of path) done.add(code);
  }
}

function checkLinks(byCode: Map<string, OrgDraft>, orgs: OrgDirectory, exists: (code: string) => boolean, problems: ProblemSet): void {
  const column = (kind: Link["kind"]) => (kind === "merge" ? "merged_from" : "split_from");
  // the links after the import: the tree's, except those a file row restates, plus the file's
  const links: Link[] = [];
  for (const l of orgs.predecessorLinks()) {
    const org = orgs.get(l.orgId)?.code;
    const predecessor = orgs.get(l.predecessorId)?.code;
    if (org === undefined || predecessor === undefined) continue;
    const d = byCode.get(org);
    if (d && (l.kind === "merge" ? d.mergedFrom : d.splitFrom) !== null) continue;
    links.push({ org, predecessor, kind: l.kind, share: l.share, row: null });
  }
  for (const d of byCode.values()) {
    const listed = new Set<string>();
    const wanted: Link[] = [
      ...(d.mergedFrom ?? []).map((p) => ({ org: d.code, predecessor: p, kind: "merge" as const, share: 1, row: d.row })),
      ...(d.splitFrom ?? []).map((p) => ({ org: d.code, predecessor: p.code, kind: "split" as const, share: p.share, row: d.row })),
    ];
    for (const l of wanted) {
      if (l.predecessor === d.code) problems.add(d.row, column(l.kind), "một đơn vị không thể là tiền thân của chính nó");
      else if (!exists(l.predecessor)) problems.add(d.row, column(l.kind), `không tìm thấy đơn vị có mã "${l.predecessor}"`);
      else if (listed.has(l.predecessor)) problems.add(d.row, column(l.kind), `đơn vị "${l.predecessor}" được nêu hai lần`);
      else {
        listed.add(l.predecessor);
        links.push(l);
      }
    }
  }

  const byPredecessor = new Map<string, Link[]>();
  for (const l of links) byPredecessor.set(l.predecessor, [...(byPredecessor.get(l.predecessor) ?? []), l]);
  for (const [predecessor, ls] of byPredecessor) {
    const fileLinks = ls.filter((l) => l.row !== null);
    if (fileLinks.length === 0) continue;
    if (ls.some((l) => l.kind === "merge") && ls.length > 1) {
      for (const l of fileLinks) problems.add(l.row as number, column(l.kind), `đơn vị "${predecessor}" đã hợp nhất vào một đơn vị thì không thể là tiền thân của đơn vị khác`);
    }
    const total = ls.filter((l) => l.kind === "split").reduce((sum, l) => sum + l.share, 0);
    if (total > 1 + SHARE_EPSILON) {
      for (const l of fileLinks.filter((x) => x.kind === "split")) problems.add(l.row as number, "split_from", `tổng tỷ lệ chia tách từ "${predecessor}" vượt quá 1 (${total})`);
    }
  }

  // a unit reaching itself through predecessors would count its own records through itself
  const predecessorsOf = new Map<string, Link[]>();
  for (const l of links) predecessorsOf.set(l.org, [...(predecessorsOf.get(l.org) ?? []), l]);
  for (const d of byCode.values()) {
    const own = predecessorsOf.get(d.code)?.filter((l) => l.row !== null) ?? [];
    if (own.length === 0) continue;
    const stack = own.map((l) => l.predecessor);
    const seen = new Set<string>();
    while (stack.length > 0) {
      const code = stack.pop() as string;
      if (code === d.code) {
        problems.add(d.row, column(own[0]?.kind ?? "merge"), "quan hệ hợp nhất/chia tách tạo thành vòng lặp");
        break;
      }
      if (seen.has(code)) continue;
      seen.add(code);
      for (const l of predecessorsOf.get(code) ?? []) stack.push(l.predecessor);
    }
  }
}

/**
 * The first row an admin may not write: a unit outside their subtree, a parent or predecessor
 * outside it, or a root (only a unit that is already a root may stay one — the admin's own).
 * Parents and predecessors that are rows of the file are checked as rows themselves.
 */
export function firstOutOfScope(drafts: readonly OrgDraft[], orgs: OrgDirectory, user: SessionUser): OrgDraft | undefined {
  const byCode = firstRowByCode(drafts);
  const manages = (code: string) => {
    if (byCode.has(code) && !orgs.byCode(code)) return true;
    const o = orgs.byCode(code);
    return o !== undefined && can(user, "manage", o.id, orgs);
  };
  return drafts.find((d) => {
    const existing = orgs.byCode(d.code);
    if (existing && !can(user, "manage", existing.id, orgs)) return true;
    if (d.parentCode === null) return !(existing && existing.parent_id === null);
    if (!manages(d.parentCode) && orgs.byCode(d.parentCode)) return true;
    const predecessors = [...(d.mergedFrom ?? []), ...(d.splitFrom ?? []).map((s) => s.code)];
    return predecessors.some((p) => orgs.byCode(p) !== undefined && !manages(p));
  });
}
