// Which documents a document is compared with (D5 — KL 226 §2.1: "không ban hành văn bản sao
// chép lại nội dung văn bản của cấp trên"), and which registered document a citation names
// (the citation graph, issue "Document intelligence" §7). Pure rules over the org tree.
//
// UPPER LEVELS of a unit: its ancestors in the tree (the commune's province, the department's
// province …) and every CENTRAL unit. A unit is central when its level is `central` — the
// root `VN` and the national bodies placed under it (Ban Bí thư, Bộ Chính trị, Thủ tướng Chính
// phủ, ministries): their documents (KL 226, QĐ 534) bind every level, wherever the unit sits.
// A unit's own documents and those of its siblings or subordinates are never "upper".

/** A unit as these rules see it. */
export type ScopeUnit = { id: number; parentId: number | null; level: string };

/** The level that marks a central unit (org_units.level). */
export const CENTRAL_LEVEL = "central";

/** D5 — the units whose documents a document of `orgId` is checked against: its ancestors and the central units, never itself. */
export function upperUnits(orgId: number, units: readonly ScopeUnit[]): Set<number> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Set<number>();
  for (const u of units) if (u.level === CENTRAL_LEVEL) out.add(u.id);
  const seen = new Set<number>();
  for (let cur = byId.get(orgId)?.parentId ?? null; cur !== null && !seen.has(cur); cur = byId.get(cur)?.parentId ?? null) {
    seen.add(cur);
    out.add(cur);
  }
  out.delete(orgId);
  return out;
}

/** A registered document a citation may name. */
export type CitedCandidate = { id: number; orgId: number; numberKey: string; issuedOn: string };

/** A citation as stored (number key, date when the text gives one). */
export type CitationRef = { numberKey: string; citedOn: string | null };

/**
 * The registered document a citation of a document (unit `citingOrgId`, issued `citingOn`)
 * names, or null. It must have the same number (numberKey), be issued by a unit in
 * `allowedUnits` (the citing unit itself, its upper units, and a unit the citation names as
 * issuer) and on the cited date — or, when the citation gives no date, on or before the citing
 * document (the latest such: numbers restart every year).
 */
export function resolveCitation(ref: CitationRef, citingOn: string, allowedUnits: ReadonlySet<number>, candidates: readonly CitedCandidate[]): CitedCandidate | null {
  let best: CitedCandidate | null = null;
  for (const c of candidates) {
    if (c.numberKey !== ref.numberKey || !allowedUnits.has(c.orgId)) continue;
    if (ref.citedOn !== null ? c.issuedOn !== ref.citedOn : c.issuedOn > citingOn) continue;
    if (best === null || c.issuedOn > best.issuedOn || (c.issuedOn === best.issuedOn && c.id < best.id)) best = c;
  }
  return best;
}
