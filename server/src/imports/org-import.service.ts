// The orgs import: a tree of units is small (thousands of rows, not millions), so its valid
// rows are kept to check parents, predecessors and cycles across the whole file before writing.
import type { BulkSession } from "../db/bulk.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import type { SessionUser } from "../auth/policy.js";
import type { ColumnIndex } from "./import.columns.js";
import { csvLine } from "./import.cells.js";
import type { RowErrors } from "./import.errors.js";
import type { SourceRecord } from "./import.readers.js";
import { orgValidator, type OrgDraft } from "./org.validator.js";
import { checkOrgDrafts, firstOutOfScope, firstRowByCode } from "./org-import.checks.js";
import { createOrgStaging, replaceStagedLinks, stageOrgs, upsertOrgsAtDepth } from "./org-import.repository.js";

/** Depth of each row inside the file: 0 when its parent is not a row of the file. */
function depthsOf(drafts: Map<string, OrgDraft>): Map<string, number> {
  const depth = new Map<string, number>();
  const of = (d: OrgDraft): number => {
    const known = depth.get(d.code);
    if (known !== undefined) return known;
    // the checks ran first: parents inside the file form no cycle
    const parent = d.parentCode === null ? undefined : drafts.get(d.parentCode);
    const value = parent ? of(parent) + 1 : 0;
    depth.set(d.code, value);
    return value;
  };
  for (const d of drafts.values()) of(d);
  return depth;
}

/** Validates, checks and writes an orgs file; throws IMPORT_INVALID or FORBIDDEN (nothing written). */
export async function runOrgImport(
  s: BulkSession,
  ctx: AppContext,
  run: { index: ColumnIndex<"orgs">; records: AsyncIterable<SourceRecord[]>; errors: RowErrors; user: SessionUser | null; onProgress(rowsDone: number): Promise<void> | void; onPhase(phase: "checking" | "writing"): void },
): Promise<{ rows: number; inserted: number; updated: number; links: { removed: number; written: number } }> {
  const validate = orgValidator(run.index);
  const drafts: OrgDraft[] = [];
  let read = 0;
  for await (const batch of run.records) {
    for (const { rowNumber, cells } of batch) {
      read += 1;
      const { draft, problems } = validate(cells, rowNumber);
      if (draft) drafts.push(draft);
      else run.errors.add(rowNumber, problems);
    }
    await run.onProgress(read);
  }

  run.onPhase("checking");
  if (run.user) {
    const out = firstOutOfScope(drafts, ctx.orgs, run.user);
    if (out) throw new AppError("FORBIDDEN", `Dòng ${out.row}: không có quyền quản lý đơn vị "${out.code}" hoặc đơn vị cấp trên/tiền thân của nó; không dòng nào được ghi`, { row: out.row, org: out.code });
  }
  run.errors.startSecondPass();
  for (const { row, problems } of checkOrgDrafts(drafts, ctx.orgs)) run.errors.add(row, problems);
  if (run.errors.count > 0) throw run.errors.toError();

  run.onPhase("writing");
  const byCode = firstRowByCode(drafts);
  const depths = depthsOf(byCode);
  let orgs = "";
  let links = "";
  let owners = "";
  for (const d of drafts) {
    orgs += csvLine([d.row, depths.get(d.code) ?? 0, d.code, d.name, d.parentCode, d.level, d.bloc, d.validFrom, d.validTo]);
    if (d.mergedFrom) owners += csvLine([d.code, "merge"]);
    if (d.splitFrom) owners += csvLine([d.code, "split"]);
    for (const p of d.mergedFrom ?? []) links += csvLine([d.code, p, "merge", 1]);
    for (const p of d.splitFrom ?? []) links += csvLine([d.code, p.code, "split", p.share]);
  }
  await createOrgStaging(s);
  await stageOrgs(s, { orgs, links, owners });
  let inserted = 0;
  let updated = 0;
  let maxDepth = -1;
  for (const d of depths.values()) maxDepth = Math.max(maxDepth, d);
  for (let depth = 0; depth <= maxDepth; depth++) {
    const written = await upsertOrgsAtDepth(s, depth);
    inserted += written.inserted;
    updated += written.updated;
  }
  return { rows: drafts.length, inserted, updated, links: await replaceStagedLinks(s) };
}
