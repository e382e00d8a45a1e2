// Unit names of a task table → org units — T2 (KL 226 §2.3): a lead must be one known unit.
// Names are matched loosely (diacritics, hyphen/en-dash/spacing variants, abbreviations), with
// the user's own alias map consulted first; unmatched names are returned for the user to map once.
import { foldDiacritics } from "../normalize.js";

/** An org unit as matching sees it. */
export type OrgRef = { id: number; code: string; name: string };

/** A loose match: one unit, several candidates for the user to choose from, or none (null). */
export type OrgMatch = { orgId: number } | { candidates: Array<{ orgId: number; name: string; score: number }> } | null;

/** Abbreviations of unit names (folded tokens) → their spelled-out words. */
const ABBREVIATIONS: Record<string, string> = {
  ubnd: "uy ban nhan dan",
  hdnd: "hoi dong nhan dan",
  vp: "van phong",
  hcc: "hanh chinh cong",
  pvhcc: "phuc vu hanh chinh cong",
  mttq: "mat tran to quoc",
  ubmttq: "uy ban mat tran to quoc",
  tt: "trung tam",
  vh: "van hoa",
  xh: "xa hoi",
  vhxh: "van hoa xa hoi",
  khcn: "khoa hoc cong nghe",
  dvsncl: "don vi su nghiep cong lap",
  cchc: "cai cach hanh chinh",
};

/** Words that carry no identity ("và", "&"): "VP HĐND và UBND" = "VP HĐND - UBND". */
const FILLERS = new Set(["va", "&"]);
/** Level words after which a place name may follow ("UBND xã" ~ "UBND xã Cẩm Giàng"). */
const LEVEL_WORD = /(?:^| )(?:xa|phuong|tinh|thanh pho|dac khu|thi tran)$/;
const MAX_CANDIDATES = 5;
const MIN_SCORE = 0.5;

/** The comparison key of a unit name: folded, punctuation-free, abbreviations spelled out. */
export function orgNameKey(name: string): string {
  const tokens = foldDiacritics(name.normalize("NFC"))
    .replace(/[-–—_/.,;:()"'“”‘’]+/g, " ")
    .split(" ")
    .filter((t) => t !== "" && !FILLERS.has(t));
  return tokens.map((t) => ABBREVIATIONS[t] ?? t).join(" ");
}

/** Shorter key is a word prefix of the longer one and the rest is a place name after a level word. */
function sameUnitButPlace(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short === "" || !long.startsWith(`${short} `)) return false;
  const tail = long.slice(short.length + 1);
  return LEVEL_WORD.test(short) || /^(?:xa|phuong|tinh|thanh pho|dac khu|thi tran) \S/.test(tail);
}

/** Every word of `a` is a word of `b` ("Trung tâm" ⊂ "Trung tâm Dịch vụ tổng hợp"). */
const wordsWithin = (a: string, b: string): boolean => {
  const sb = new Set(b.split(" "));
  return a.split(" ").every((t) => sb.has(t));
};

function jaccard(a: string, b: string): number {
  const sa = new Set(a.split(" "));
  const sb = new Set(b.split(" "));
  let common = 0;
  for (const t of sa) if (sb.has(t)) common += 1;
  return common / (sa.size + sb.size - common);
}

/**
 * Match a unit name to one of `orgs` (T2 — KL 226 §2.3): first the user's `aliases`
 * (alias → orgId, compared by key), then an exact key match on name or code, then a unique
 * "same name plus place" match (`Văn phòng HĐND và UBND xã` ~ `… xã Cẩm Giàng`); otherwise
 * up to five candidates — word overlap ≥ 50 %, or all the name's words within the unit's —
 * best first; null when nothing is close.
 * Abbreviations understood: UBND, HĐND, VP, HCC, PVHCC, MTTQ, TT (trung tâm), VH-XH, KHCN …
 */
export function matchOrgName(name: string, orgs: readonly OrgRef[], aliases: Readonly<Record<string, number>> = {}): OrgMatch {
  const key = orgNameKey(name);
  if (key === "") return null;
  for (const [alias, orgId] of Object.entries(aliases)) {
    if (orgNameKey(alias) === key) return { orgId };
  }
  const code = name.trim().toLowerCase();
  const keyed = orgs.map((o) => ({ o, key: orgNameKey(o.name) }));
  const exact = keyed.filter((k) => k.key === key || k.o.code.toLowerCase() === code);
  if (exact.length === 1 && exact[0]) return { orgId: exact[0].o.id };
  if (exact.length > 1) return { candidates: exact.map((k) => ({ orgId: k.o.id, name: k.o.name, score: 1 })) };
  const placed = keyed.filter((k) => sameUnitButPlace(key, k.key));
  if (placed.length === 1 && placed[0]) return { orgId: placed[0].o.id };
  const candidates = keyed
    .map((k) => ({ orgId: k.o.id, name: k.o.name, score: Math.round(jaccard(key, k.key) * 100) / 100 }))
    .filter((c, i) => c.score >= MIN_SCORE || placed.some((k) => k.o.id === c.orgId) || wordsWithin(key, keyed[i]?.key ?? ""))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "vi"))
    .slice(0, MAX_CANDIDATES);
  return candidates.length > 0 ? { candidates } : null;
}
