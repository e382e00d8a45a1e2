// Document numbers ("số, ký hiệu") as written in Vietnamese administrative documents —
// Nghị định 30/2020 Appendix I §II.3 (State: `426/UBND-NC`, `153a/KH-UBND`, `09/2019/NĐ-CP`)
// and Party guidance 36-HD/VPTW (`63-KH/TU`, `226-KL/TW`) — found on the reading view
// (fold.ts) with the spaces and line breaks OCR puts around `/` and `-` tolerated, and written
// back in their canonical form: spaces removed, known symbol parts restored ("QB-TTg",
// "QP-TTg", "QD-TTg" → "QĐ-TTg"; "NP-CP" → "NĐ-CP").
import { DOCUMENT_TYPES } from "../document-types.js";
import { originalSlice } from "./fold.js";
import type { TextView } from "./fold.js";

/** Part of a symbol: letters then letters/digits (`UBND`, `QH15`, `TTg`). */
const PART = String.raw`[a-z][a-z0-9]{0,11}`;
/**
 * A number on the reading view: digits (and a letter: 153a), an optional year (`/2019`), then
 * symbol parts joined by `/` or `-`, each separator possibly surrounded by spaces or a line
 * break. Groups: 1 = number, 2 = year, 3.. = parts.
 */
export const NUMBER_SOURCE = String.raw`(\d{1,5}[a-z]?)\s{0,3}(?:\/\s{0,2}(\d{4})\s{0,2})?[\/-]\s{0,3}(${PART})(?:\s{0,2}[\/-]\s{0,3}(${PART}))?(?:\s{0,2}-\s{0,2}(${PART}))?`;

/** Symbol parts whose OCR'd or diacritic-less forms are restored (folded form → canonical). */
const KNOWN_PARTS: Readonly<Record<string, string>> = {
  qd: "QĐ", qb: "QĐ", qp: "QĐ", qđ: "QĐ",
  nd: "NĐ", np: "NĐ", nb: "NĐ",
  ttg: "TTg", ttr: "TTr", ubnd: "UBND", hdnd: "HĐND", ctr: "CTr", qdi: "QĐi",
  kh: "KH", kl: "KL", tw: "TW", tu: "TU", cv: "CV", ct: "CT", nq: "NQ", cp: "CP", nc: "NC",
  tb: "TB", bc: "BC", hd: "HD", vptw: "VPTW", vpub: "VPUB", bnv: "BNV", snv: "SNV", ubmttq: "UBMTTQ",
  du: "ĐU", dut: "ĐUT", bch: "BCH", btc: "BTC", btg: "BTG",
};

/** A number found in a text. */
export type FoundNumber = {
  /** Canonical form, e.g. "534/QĐ-TTg". */
  number: string;
  /** Range on the reading view. */
  from: number;
  to: number;
  /** The Party form `N-XX/YY` (else the State form `N/XX-YY`). */
  isParty: boolean;
  /** The symbol part that names a document type ("KH" in 63-KH/TU and 153a/KH-UBND), if any. */
  typeCode: string | null;
  /** A letter or digit stuck to the front: OCR damage ("A98/KH-UBND" for 498). */
  damaged: boolean;
};

const TYPE_CODES = new Map(DOCUMENT_TYPES.map((t) => [t.code.toLowerCase(), t.code]));
TYPE_CODES.set("qd", "QĐ");
TYPE_CODES.set("qđ", "QĐ");

/** Canonical form of one symbol part written `raw` in the original. */
function canonicalPart(raw: string, folded: string): string {
  return KNOWN_PARTS[folded] ?? raw.replace(/\s+/g, "");
}

/** Parse the number at a regex match on the reading view. */
function numberOfMatch(view: TextView, m: RegExpExecArray): FoundNumber {
  const from = m.index;
  const to = from + m[0].length;
  const raw = originalSlice(view, from, to).replace(/\s+/g, "");
  // The original parts, in order, split the same way as the folded ones.
  const rawParts = raw.split(/[/-]/);
  const foldedParts = m[0].replace(/\s+/g, "").split(/[/-]/);
  const parts = foldedParts.map((f, i) => (i === 0 || /^\d{4}$/.test(f) ? (rawParts[i] ?? f) : canonicalPart(rawParts[i] ?? f, f)));
  const seps = raw.match(/[/-]/g) ?? [];
  let number = parts[0] ?? "";
  for (let i = 1; i < parts.length; i++) number += `${seps[i - 1] ?? "/"}${parts[i] ?? ""}`;
  const firstSep = seps[0] ?? "/";
  const isParty = firstSep === "-";
  const symbolParts = foldedParts.slice(1).filter((p) => !/^\d{4}$/.test(p));
  // Party: N-TYPE/BODY; State: N/TYPE-BODY or N/BODY-UNIT (a công văn names no type).
  const firstSymbol = parts.find((p, i) => i > 0 && !/^\d{4}$/.test(p)) ?? "";
  const typeCode = TYPE_CODES.get(firstSymbol.toLowerCase()) ?? TYPE_CODES.get(symbolParts[0] ?? "") ?? null;
  const before = from > 0 ? view.text.charAt(from - 1) : " ";
  return { number, from, to, isParty, typeCode, damaged: /[a-z0-9]/.test(before) };
}

/** A symbol part: a known code, or written mostly in capitals ("UBND", "TTg", "QH15"). */
function isSymbolPart(raw: string, folded: string): boolean {
  if (KNOWN_PARTS[folded] !== undefined) return true;
  const letters = raw.replace(/[^\p{L}]/gu, "");
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return letters.length > 0 && (upper === letters.length || upper >= 2);
}

/** Every number in a reading view, in text order. */
export function findNumbers(view: TextView, from = 0, to = view.text.length): FoundNumber[] {
  const re = new RegExp(NUMBER_SOURCE, "g");
  const text = view.text.slice(0, to);
  re.lastIndex = from;
  const out: FoundNumber[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // A date "11/12/2025" never matches (parts start with a letter); "2021 - 2030" neither.
    // Symbol parts are abbreviations: "226-\nhang" (a number ending a line) is no number.
    const raw = originalSlice(view, m.index, m.index + m[0].length).replace(/\s+/g, "");
    const rawParts = raw.split(/[/-]/).slice(1).filter((p) => !/^\d{4}$/.test(p));
    const folded = m[0].replace(/\s+/g, "").split(/[/-]/).slice(1).filter((p) => !/^\d{4}$/.test(p));
    if (!rawParts.every((p, i) => isSymbolPart(p, folded[i] ?? ""))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(numberOfMatch(view, m));
  }
  return out;
}

/** The loose key of a number (case, Đ/D, spaces ignored): "534/QĐ-TTg" → "534/qd-ttg". */
export function numberKey(n: string): string {
  return n.toLowerCase().replace(/đ/g, "d").replace(/\s+/g, "");
}

/** Compare numbers loosely (case, Đ/D, spaces): "534/QĐ-TTg" equals "534/QD-TTG". */
export function sameNumber(a: string, b: string): boolean {
  return numberKey(a) === numberKey(b);
}

/**
 * Spellings a register may hold a number in (a clerk's typing): as given, with Đ written D, in
 * capitals, without spaces. A look-up by these is an index probe; matches are then compared by
 * {@link numberKey}.
 */
export function numberSpellings(n: string): string[] {
  const compact = n.replace(/\s+/g, "");
  const noD = compact.replace(/Đ/g, "D").replace(/đ/g, "d");
  return [...new Set([n, compact, noD, compact.toUpperCase(), noD.toUpperCase()])];
}
