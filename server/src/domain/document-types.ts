// Document type codes — kl226-rules.md §8 (Nghị định 30/2020 Art. 7 & Appendix III; Party
// guidance 36-HD/VPTW) and data-contract.md §documents `type`.
import { fail, foldDiacritics, ok } from "./text.js";
import type { Parsed } from "./text.js";

/** A document type code such as "QĐ", "KH", "CV" (see {@link DOCUMENT_TYPES}). */
export type DocTypeCode = string;

/** Buckets of the D2 breakdown (Nghị quyết, Quyết định, Công văn, Kế hoạch, Thông báo, khác). */
export type D2Bucket = "CV" | "QĐ" | "KH" | "TB" | "NQ" | "other";

/**
 * Every accepted type: the 27 coded State types of NĐ 30, công văn ("CV", our code — NĐ 30
 * gives it none, Party numbers use CV) and thư công ("TCg", ours), plus the Party-only KL,
 * TT and QĐi. The full name "Quy định" maps to the State code QyĐ; the Party writes QĐi.
 */
export const DOCUMENT_TYPES: ReadonlyArray<{ code: DocTypeCode; name: string }> = [
  { code: "NQ", name: "Nghị quyết" }, { code: "QĐ", name: "Quyết định" }, { code: "CT", name: "Chỉ thị" },
  { code: "QC", name: "Quy chế" }, { code: "QyĐ", name: "Quy định" }, { code: "TC", name: "Thông cáo" },
  { code: "TB", name: "Thông báo" }, { code: "HD", name: "Hướng dẫn" }, { code: "CTr", name: "Chương trình" },
  { code: "KH", name: "Kế hoạch" }, { code: "PA", name: "Phương án" }, { code: "ĐA", name: "Đề án" },
  { code: "DA", name: "Dự án" }, { code: "BC", name: "Báo cáo" }, { code: "BB", name: "Biên bản" },
  { code: "TTr", name: "Tờ trình" }, { code: "HĐ", name: "Hợp đồng" }, { code: "CV", name: "Công văn" },
  { code: "CĐ", name: "Công điện" }, { code: "BGN", name: "Bản ghi nhớ" }, { code: "BTT", name: "Bản thỏa thuận" },
  { code: "GUQ", name: "Giấy ủy quyền" }, { code: "GM", name: "Giấy mời" }, { code: "GGT", name: "Giấy giới thiệu" },
  { code: "GNP", name: "Giấy nghỉ phép" }, { code: "PG", name: "Phiếu gửi" }, { code: "PC", name: "Phiếu chuyển" },
  { code: "PB", name: "Phiếu báo" }, { code: "TCg", name: "Thư công" },
  { code: "KL", name: "Kết luận" }, { code: "TT", name: "Thông tri" }, { code: "QĐi", name: "Quy định của Đảng" },
];

/** Fold for lookup; also makes "ủy"/"uỷ", "thỏa"/"thoả" (old/new accent placement) equal. */
const foldName = (s: string): string => foldDiacritics(s).replace(/[^a-z0-9 ]/g, "");

const BY_NAME = new Map(DOCUMENT_TYPES.map((t) => [foldName(t.name), t.code]));

const REASON =
  "không phải loại văn bản hợp lệ (mã theo Nghị định 30 như QĐ, KH, TB, NQ, BC, TTr, CV hoặc tên đầy đủ như \"Công văn\", \"Quyết định\")";

/**
 * Parse a document type, trying in turn: the code as written (so clashing codes QĐ/QyĐ,
 * ĐA/DA, HD/HĐ, CT/CTr, TTr/TT are told apart exactly); the code in any case ("qđ" → QĐ,
 * "hd" → HD, "da" → DA); the code with its diacritics dropped when exactly one code fits
 * ("QD" → QĐ, "CD" → CĐ, "QDI" → QĐi; a fit of two, e.g. "DÀ" for ĐA/DA, is refused as
 * ambiguous); the full Vietnamese name with or without diacritics ("Công văn", "cong van" → CV).
 */
export function parseDocumentType(raw: string): Parsed<DocTypeCode> {
  const s = raw.trim();
  if (s === "") return fail(`trống; ${REASON}`);
  const exact = DOCUMENT_TYPES.find((t) => t.code === s);
  if (exact) return ok(exact.code);
  const lower = s.toLowerCase();
  const caseless = DOCUMENT_TYPES.find((t) => t.code.toLowerCase() === lower);
  if (caseless) return ok(caseless.code);
  const folded = foldName(s);
  const markless = DOCUMENT_TYPES.filter((t) => foldName(t.code) === folded);
  if (markless.length === 1 && markless[0]) return ok(markless[0].code);
  if (markless.length > 1) {
    const options = markless.map((t) => `${t.code} (${t.name})`).join(" hay ");
    return fail(`mã "${s}" không rõ: ${options}`);
  }
  const byName = BY_NAME.get(folded);
  return byName ? ok(byName) : fail(REASON);
}

const D2_OWN_BUCKETS: readonly D2Bucket[] = ["CV", "QĐ", "KH", "TB", "NQ"];

/**
 * The D2 bucket of a type code: CV, QĐ, KH, TB, NQ keep their own bucket, every other type is
 * "other". D2 — KH 153a/KH-UBND §IV.2.b (kl226-rules.md §1).
 */
export function d2BucketOf(code: DocTypeCode): D2Bucket {
  return D2_OWN_BUCKETS.find((b) => b === code) ?? "other";
}
