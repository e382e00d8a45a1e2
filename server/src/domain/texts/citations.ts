// Citations of other documents ("Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về việc
// chấn chỉnh …"): the references of a parsed document (issue §1) and the spans copy detection
// does not count (issue §4: citing a document's number, date and title is not copying).
// Found on the reading view (fold.ts), so OCR'd citations ("Két luan s6 226-KL/TW ngay
// 11/12/2025 cta Ban Bi thu") read like clean ones. Offsets are on the reading view.
import { DOCUMENT_TYPES } from "../document-types.js";
import { dateOfMatch, SHORT_DATE_SOURCE } from "./doc-dates.js";
import { findNumbers } from "./doc-numbers.js";
import type { FoundNumber } from "./doc-numbers.js";
import { originalSlice } from "./fold.js";
import type { TextView } from "./fold.js";

/** A document type as the issue asks: NĐ 30 / Party code and name. */
export type DocTypeRef = { code: string; name: string };

/** One citation of a document. */
export type Citation = {
  number: string;
  type: DocTypeRef | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  /** The whole citation on the reading view: type word … end of title. */
  from: number;
  to: number;
};

const typeOf = (code: string): DocTypeRef => {
  const t = DOCUMENT_TYPES.find((x) => x.code === code);
  return { code, name: t?.name ?? code };
};

/**
 * Type words on the reading view, OCR-tolerant ("Két luan", "Quyet dinh", "Ké hoach", "Cong
 * vin"). Nghị định, Thông tư and Luật are legal documents outside NĐ 30's administrative list:
 * they are cited with their usual abbreviations (NĐ, TT, Luật).
 */
const TYPE_WORDS: ReadonlyArray<[RegExp, DocTypeRef | "party-or-state-rule"]> = [
  [/k[a-z&]{0,2}t\s+l[a-z]{1,3}n$/, typeOf("KL")],
  [/quy[a-z]{0,2}t\s+d[a-z]{0,2}nh$/, typeOf("QĐ")],
  [/ngh[a-z]?\s+quy[a-z]{0,2}t$/, typeOf("NQ")],
  [/ngh[a-z]?\s+d[a-z]{0,2}nh$/, { code: "NĐ", name: "Nghị định" }],
  [/quy\s+d[a-z]{0,2}nh$/, "party-or-state-rule"],
  [/k[a-z&]{0,2}\s+ho[a-z]{0,2}ch?$/, typeOf("KH")],
  [/c[a-z]{0,2}ng\s+v[a-z]{0,2}n$/, typeOf("CV")],
  [/ch[a-z]?\s+th[a-z]?$/, typeOf("CT")],
  [/th[a-z]{0,2}ng\s+b[a-z]{0,2}o$/, typeOf("TB")],
  [/h[a-z]{0,3}ng\s+d[a-z]{0,2}n$/, typeOf("HD")],
  [/ch[a-z]{0,3}ng\s+tr[a-z]{0,2}nh$/, typeOf("CTr")],
  [/t[a-z]?\s+tr[a-z]{0,2}nh$/, typeOf("TTr")],
  [/th[a-z]{0,2}ng\s+t[a-z]?$/, { code: "TT", name: "Thông tư" }],
  [/d[a-z]?\s+[a-z]?n$/, typeOf("ĐA")],
  [/b[a-z]{0,2}o\s+c[a-z]{0,2}o$/, typeOf("BC")],
  [/quy\s+ch[a-z]?$/, typeOf("QC")],
];

/** The type words, each starting at a word. */
const TYPE_WORDS_AT_WORD = TYPE_WORDS.map(([re, type]) => [new RegExp(String.raw`(?:^|\s)` + re.source), type] as const);

/** "số" as OCR writes it before a number: so, sé, s6, sb, 56, 98, 50, 0 … (≤ 2 characters). */
const SO_MARK = /(?:^|\s)[a-z0-9]{1,2}\s{0,2}[:.]?\s{0,2}$/;

/** "của" and its OCR forms (cta, ctia, cia, ciia, caa, cla …). */
const OF_WORD = String.raw`c[a-z]{0,2}a`;

/** Where an issuer ends: "về", a clause mark, the next date or citation. */
const ISSUER_END =
  /\s+v[e&]\s|[,;:().]|\n\s*\n|\s+ng[a-z]{1,2}y\s|\s+(?:thuc hien|trien khai|tren dia ban|voi|duoc|quy dinh|ban hanh|trinh|g[a-z]{1,3}i\s+k[a-z]m)\b/;

/** Where a title ends: a clause mark, a blank line, ", " before a capital, a list item. */
function titleEnd(view: TextView, from: number, limit: number): number {
  const text = view.text;
  let words = 0;
  for (let i = from; i < limit; i++) {
    const ch = text.charAt(i);
    if (ch === ";" || ch === "(" || ch === ")" || ch === ":" || ch === "“" || ch === '"') return i;
    if (ch === "." && !/\d/.test(text.charAt(i + 1))) return i;
    if (ch === "\n" && /^\n\s*(?:\n|[-+•*]|\d+\.|[a-zđ]\))/.test(text.slice(i, i + 6))) return i;
    if (ch === ",") {
      const next = text.slice(i + 1).match(/^\s*(\S)/);
      const at = next ? i + 1 + (next.index ?? 0) + next[0].length - 1 : i + 1;
      const orig = view.original.charAt(view.offsets[at] ?? 0);
      if (orig !== orig.toLowerCase()) return i;
    }
    if (ch === " " && text.charAt(i - 1) !== " ") {
      words++;
      if (words > 45) return i;
    }
  }
  return limit;
}

/** The type word (and "số") just before a number, if any: its start and type. */
function typeBefore(text: string, at: number): { from: number; type: DocTypeRef | "party-or-state-rule" } | null {
  const window = text.slice(Math.max(0, at - 40), at);
  const so = window.match(SO_MARK);
  const head = so ? window.slice(0, window.length - so[0].length) : window;
  const trimmed = head.replace(/[\s,]+$/, "");
  for (const [re, type] of TYPE_WORDS_AT_WORD) {
    const m = re.exec(trimmed);
    if (m) return { from: at - window.length + m.index + (/^\s/.test(m[0]) ? 1 : 0), type };
  }
  return null;
}

/**
 * Every citation in the view's range [from, to): a number, the type word before it (or that of
 * the citation it continues: "Công văn số 1891/UBND-NC …; số 2345/UBND-TTPVHCC …"), then an
 * optional date, issuer ("của …") and title ("về việc …").
 */
export function findCitations(view: TextView, from = 0, to = view.text.length): Citation[] {
  const text = view.text;
  const out: Citation[] = [];
  let previous: { type: DocTypeRef | null; to: number } | null = null;
  for (const n of findNumbers(view, from, to)) {
    const head = typeBefore(text, n.from);
    let type: DocTypeRef | null = null;
    let start = n.from;
    if (head) {
      type = head.type === "party-or-state-rule" ? (n.isParty ? typeOf("QĐi") : typeOf("QyĐ")) : head.type;
      start = head.from;
    } else if (previous && /^[\s;,]*(?:va\s+)?[a-z0-9]{0,2}\s*$/.test(text.slice(previous.to, n.from))) {
      type = previous.type; // a list continuing the previous citation
      const so = text.slice(Math.max(0, n.from - 8), n.from).match(/[a-z0-9]{1,2}\s*$/);
      start = so ? n.from - so[0].length : n.from;
    } else if (n.typeCode) {
      type = typeOf(n.typeCode);
    }
    const c = citationTail(view, n, to);
    const citation: Citation = { number: n.number, type, date: c.date, issuer: c.issuer, title: c.title, from: start, to: c.end };
    out.push(citation);
    previous = { type, to: c.end };
  }
  return out;
}

const DATE_AFTER = new RegExp(String.raw`^[\s,]{0,3}` + SHORT_DATE_SOURCE);
const OF_AFTER = new RegExp(String.raw`^[\s,]{0,3}${OF_WORD}\s+`);

/** Date, issuer and title after a number. */
function citationTail(view: TextView, n: FoundNumber, limit: number): { date: string | null; issuer: string | null; title: string | null; end: number } {
  const text = view.text;
  let at = n.to;
  let date: string | null = null;
  const dm = DATE_AFTER.exec(text.slice(at, at + 40));
  if (dm) {
    date = dateOfMatch(dm).iso;
    at += dm[0].length;
  }
  let issuer: string | null = null;
  const of = OF_AFTER.exec(text.slice(at, at + 12));
  if (of) {
    const from = at + of[0].length;
    const rest = text.slice(from, Math.min(limit, from + 90));
    const end = rest.search(ISSUER_END);
    const len = end < 0 ? rest.length : end;
    const words = rest.slice(0, len).trim().split(/\s+/);
    if (len > 0 && words.length <= 9) {
      issuer = originalSlice(view, from, from + rest.slice(0, len).trimEnd().length).replace(/\s+/g, " ").trim();
      at = from + rest.slice(0, len).trimEnd().length;
    }
  }
  let title: string | null = null;
  const about = /^[\s,]{0,3}v[e&]\s+(?:v[a-z]{1,3}c\s+)?/.exec(text.slice(at, at + 16));
  if (about) {
    const from = at + about[0].length;
    const end = titleEnd(view, from, Math.min(limit, from + 400));
    const body = text.slice(from, end).trimEnd();
    if (body.length > 0) {
      title = originalSlice(view, from, from + body.length).replace(/\s+/g, " ").trim();
      at = from + body.length;
    }
  }
  return { date, issuer, title, end: at };
}
