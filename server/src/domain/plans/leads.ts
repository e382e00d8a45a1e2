// Lead cell → group or unit names — T2 "một việc một đầu mối" (KL 226 §2.3; 001 §III.3, 002
// §5.a, 004 §5.a; kl226-rules.md §5). A group phrase fans out (fan-out.ts); otherwise the cell
// is split into unit names, and more than one name is a T2 breach (seed 004 row 9).
import { ANY_GROUP, groupOfFoldedCell } from "./lead-groups.js";
import type { LeadGroup } from "./lead-groups.js";
import { foldKeepingLength, tidyText } from "./plan-text.js";

export { LEAD_GROUPS, unitsOfGroup } from "./lead-groups.js";
export type { LeadGroup, GroupOrg } from "./lead-groups.js";

/** What a lead cell names: one group (to fan out), or unit names (0, 1 or — a T2 breach — more). */
export type LeadCell =
  | { kind: "group"; group: LeadGroup; text: string }
  | { kind: "units"; names: string[]; groups: LeadGroup[] };

/**
 * Names that contain a separator yet are one unit: "Văn phòng HĐND và UBND xã" must not split
 * on "và" (both halves start like a unit). Folded; more come from `knownNames`.
 */
const COMPOUND_NAMES = [
  "hdnd va ubnd",
  "hoi dong nhan dan va uy ban nhan dan",
  "dang uy, hdnd, ubnd",
];

/** Words a unit name (or a person leading) starts with; a piece starting otherwise continues the previous one. */
const UNIT_START = new RegExp(
  "^(?:\\u0001|(?:van phong|vp|phong|so|s0|sd|s&|ban|ubnd|ubmttq|uy ban|hdnd|hoi dong|trung tam|tt|cong an|quan su|" +
    "bo chi huy|ban chi huy|bch|tram|truong|dang uy|dang bo|chi bo|mttq|mat tran|hoi|doan|thanh tra|kho bac|" +
    "chi cuc|cuc|tong cuc|bao hiem|dai|bao|cac|bo|tinh uy|thanh uy|tinh doan|lien doan|cong ty|benh vien|vien|" +
    "ngan hang|chi nhanh|hoc vien|to|doi|chu tich|pho chu tich|dong chi|ong|ba|lanh dao|thuong truc|cong chuc|" +
    "can bo|don vi|co quan)(?![a-z0-9]))",
);

const SEPARATOR = /(\s*[;\n,+]\s*|\s+v[aà]\s+)/i;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Folded phrase → regex tolerant of spacing and hyphen/en-dash variants. */
function phraseRegex(folded: string): RegExp {
  const src = folded.split(/[\s-]+/).filter(Boolean).map(escapeRe).join(String.raw`[\s\-–—]*`);
  return new RegExp(`(?<![a-z0-9])${src}(?![a-z0-9])`, "g");
}

/** Replace protected spans (groups, compound and known names) by \u0001i\u0001 placeholders. */
function protect(cell: string, knownNames: readonly string[]): { text: string; spans: string[] } {
  const folded = foldKeepingLength(cell);
  const hits: Array<[number, number]> = [];
  const collect = (re: RegExp) => {
    for (const m of folded.matchAll(re)) {
      if (m[0].length > 0) hits.push([m.index, m.index + m[0].length]);
    }
  };
  collect(new RegExp(ANY_GROUP.source, "g"));
  for (const name of [...COMPOUND_NAMES, ...knownNames.map((n) => foldKeepingLength(tidyText(n)))]) {
    if (/[,;]|\sva\s/.test(name)) collect(phraseRegex(name));
  }
  // longest first, then drop spans overlapping one already taken
  hits.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
  const taken: Array<[number, number]> = [];
  for (const h of hits) if (!taken.some((t) => h[0] < t[1] && t[0] < h[1])) taken.push(h);
  taken.sort((a, b) => b[0] - a[0]);
  const spans: string[] = [];
  let text = cell;
  for (const [from, to] of taken) {
    spans.unshift(cell.slice(from, to));
    text = `${text.slice(0, from)}\u0001${taken.length - spans.length}\u0001${text.slice(to)}`;
  }
  return { text, spans };
}

/**
 * Split a lead or coordinators cell into unit names on `;`, `,`, `+`, ` và ` and new lines —
 * keeping whole a group phrase ("các sở, ban, ngành"), a compound name ("Văn phòng HĐND và UBND
 * xã"), any of `knownNames`, and a piece that does not start like a unit ("Sở Văn hóa, Thể thao
 * và Du lịch": "Thể thao", "Du lịch" join the piece before). Hyphens never split ("Phòng Văn
 * hóa - Xã hội" is one unit).
 */
export function splitUnitNames(cell: string, knownNames: readonly string[] = []): string[] {
  const { text, spans } = protect(cell.normalize("NFC"), knownNames);
  const parts = text.split(SEPARATOR);
  const names: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const piece = (parts[i] ?? "").trim();
    if (piece === "") continue;
    const last = names.length - 1;
    if (last >= 0 && !UNIT_START.test(foldKeepingLength(piece))) {
      names[last] = `${names[last]}${parts[i - 1] ?? " "}${piece}`;
    } else {
      names.push(piece);
    }
  }
  return names
    .map((n) => tidyText(n.replace(/\u0001(\d+)\u0001/g, (_, k: string) => spans[Number(k)] ?? "")))
    .map((n) => n.replace(/^[\s.,;:\-–]+|[\s.,;:]+$/g, ""))
    .filter((n) => n !== "");
}

/**
 * Read a lead cell (T2 — KL 226 §2.3): a cell that is one group phrase (`Các sở, ban, ngành
 * tỉnh, địa phương`, `Các cơ quan, tổ chức, đơn vị`, `Các sở, ban, ngành`, `UBND các xã,
 * phường`, …) is `{ kind: "group" }` and fans out; otherwise `{ kind: "units", names }` — two
 * or more names is a breach of "one task – one lead"; `groups` lists group phrases found among
 * the names of such a mixed cell.
 */
export function parseLeadCell(cell: string, options: { knownNames?: readonly string[] } = {}): LeadCell {
  const text = tidyText(cell);
  const group = groupOfFoldedCell(foldKeepingLength(text));
  if (group !== null) return { kind: "group", group, text };
  const names = splitUnitNames(cell, options.knownNames ?? []);
  const groups = names.map((n) => groupOfFoldedCell(foldKeepingLength(n))).filter((g): g is LeadGroup => g !== null);
  return { kind: "units", names, groups };
}
