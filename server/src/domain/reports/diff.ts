// Differences between two versions of a report (issue "Periodic reports" §3: a correction makes
// a new version, the old one is kept and the differences shown): every figure whose value
// changed, and every narrative section whose text changed.
import { figureLabel, flattenFigures } from "./figures.js";
import { NARRATIVE_LABELS, NARRATIVE_SECTIONS, type Narrative } from "./narrative.js";

export type FigureChange = { path: string; label: string; before: number | null; after: number | null };
export type SectionChange = { section: string; label: string; before: string; after: string };
export type VersionDiff = { figures: FigureChange[]; sections: SectionChange[] };

/** The changes from `a` to `b` (figures compared leaf by leaf; a leaf only on one side counts). */
export function diffVersions(a: { figures: unknown; narrative: Narrative }, b: { figures: unknown; narrative: Narrative }): VersionDiff {
  const fa = flattenFigures(a.figures);
  const fb = flattenFigures(b.figures);
  const paths = [...new Set([...Object.keys(fa), ...Object.keys(fb)])].sort();
  const figures = paths
    .filter((p) => (fa[p] ?? null) !== (fb[p] ?? null))
    .map((p) => ({ path: p, label: figureLabel(p) ?? p, before: fa[p] ?? null, after: fb[p] ?? null }));
  const sections = NARRATIVE_SECTIONS
    .filter((s) => a.narrative[s].trim() !== b.narrative[s].trim())
    .map((s) => ({ section: s, label: NARRATIVE_LABELS[s], before: a.narrative[s], after: b.narrative[s] }));
  return { figures, sections };
}
