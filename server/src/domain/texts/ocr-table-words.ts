// Words of an OCR'd task table (issue "Document intelligence" §1 `tasks`, §2 OCR noise): what
// a word of a unit-name cell (Cơ quan chủ trì / phối hợp) and of a deadline cell (Thời hạn) may
// look like once OCR has damaged it, and the unit lists those cells may hold. Used by
// ocr-task-table.ts to tell the columns of a table whose separators OCR lost apart.
// Compared on looseKey (fold.ts: diacritics off, OCR digits undone, letters and digits only).
import { parseDeadline } from "../plans/deadline.js";
import { foldText, looseKey } from "./fold.js";

/** Syllables of unit names (sở, ban, ngành …; the provincial departments after 2025), and OCR's "sở": s0, sd, s&, s¢. */
const UNIT_SYLLABLES = new Set(
  (
    "cac cec ceac cdc so s se sa sd ban nganh tinh dia phuong xa cap thanh tra van phong ubnd uy nhan dan hdnd " +
    "khoa hoc va cong nghe noi vu tu phap tai chinh truong tri tuyen giao hoa the thao du lich co quan bao chi " +
    "truyen thong mttq ubmttq dang to chuc don vi bo ngoai y te xay dung nong nghiep moi toc ton duc dao tao an " +
    "su ban quan ly khu kinh thuong phat hinh dai ho ngan hang kho bac thue doan lien hoi phu nu cuu binh"
  )
    .split(" ")
    .map(looseKey),
);

/** Words of deadline cells (deadline.ts) and their OCR'd spellings seen in seed 002. */
const DEADLINE_WORDS = new Set(
  (
    "thang nam hang quy tu bat dau thuong xuyen dinh ky den cuoi sau khi saukhi va truoc ngay cham nhat trong " +
    "giai doan lien tuc het ndm nim nem hing heng tur tir bt bdt ddu thuomg thucng xuyem chdm trudc"
  ).split(" "),
);

/** Edit distance ≤ 1 (one insertion, deletion or substitution). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const LONG_SYLLABLES = [...UNIT_SYLLABLES].filter((s) => s.length >= 3);
const isSyllable = (piece: string): boolean =>
  UNIT_SYLLABLES.has(piece) || (piece.length >= 3 && LONG_SYLLABLES.some((s) => withinOneEdit(piece, s)));
/**
 * A predicate over strings remembered per string (bounded): the cut search of a line asks about
 * the same tokens and token ranges many times, and folding them (looseKey) is what costs.
 */
function remembered(test: (text: string) => boolean): (text: string) => boolean {
  const memo = new Map<string, boolean>();
  return (text) => {
    let known = memo.get(text);
    if (known === undefined) {
      if (memo.size > 50_000) memo.clear();
      memo.set(text, (known = test(text)));
    }
    return known;
  };
}

/**
 * Could this token be (part of) a unit name? Its letters split into unit syllables, one OCR
 * slip per syllable of three letters or more ("Noivu", "S6NoGivu", "Khoahoe", "ngé?nh").
 * Punctuation alone ("-", ";") is allowed.
 */
export const isUnitWord: (token: string) => boolean = remembered(splitsIntoSyllables);

function splitsIntoSyllables(token: string): boolean {
  const key = looseKey(token);
  if (key === "") return !/[\p{L}\p{N}]/u.test(token);
  const ok: boolean[] = [true];
  for (let j = 1; j <= key.length; j++) {
    ok[j] = false;
    for (let i = Math.max(0, j - 7); i < j && !ok[j]; i++) ok[j] = ok[i] === true && isSyllable(key.slice(i, j));
  }
  return ok[key.length] === true;
}

/** Could this token be part of a deadline cell? A deadline word, a number or date, a quarter ("1V/2026"). */
export const isDeadlineWord: (token: string) => boolean = remembered((token) => {
  const f = foldText(token).replace(/^[[(|]+|[,.;:)\]]+$/g, "");
  if (f === "") return true;
  return DEADLINE_WORDS.has(f) || /^\d{1,4}(?:[-/.]\d{1,4}){0,2}-?$/.test(f) || /^[1il|]?v\/\d{4}$|^i{1,3}\/\d{4}$/.test(f);
});

/** A token OCR made into symbols: brackets, braces, %, or punctuation between letters ("cséi:jglg;]’"). */
export function isGarbled(token: string): boolean {
  return /[[\]{}%$#@~^*<>=]/.test(token.replace(/^\[/, "").replace(/%$/, "")) || /\p{L}[;:]\p{L}/u.test(token);
}

// One provincial unit, on looseKey text (no spaces or punctuation; l and 1 read as i, 0 and 6 as o).
const SO = "s(?:o|e|a|d)?";
const CAC = "c[a-z]{0,2}c";
const UNIT_PATTERNS = [
  `${CAC}${SO}(?:ban)?ng[a-z]{1,2}nh(?:tinh)?(?:${CAC})?(?:dia(?:phuong)?|xa(?:phuong)?)?`, // các sở, ban, ngành tỉnh, địa phương
  `${CAC}coquan(?:tochuc)?(?:donvi)?(?:baochi)?(?:truyenthong)?`,
  `${SO}no[a-z]{0,2}vu`,
  `${SO}tuphap`,
  `${SO}taichinh`,
  `${SO}khoaho[ce]vacongngh[a-z]?`,
  `${SO}v[a-z]nhoathethaovadulich`,
  `${SO}(?:congthuong|xaydung|yte|giaoducvadaotao|nongnghiepvamoitruong|ngoaivu|dantocvatongiao)`,
  "thanhtra(?:tinh)?",
  "v[a-z]nphong(?:ubnd|uybannhandan)(?:tinh)?",
  "ubnd(?:cac)?(?:c[a-z]pxa|xaphuong)",
  "truongchinhtr[a-z]tinh",
  "bantuy[a-z]ng[a-z]{1,2}ovadanvantinhuy", // Ban Tuyên giáo và Dân vận Tỉnh ủy,
  "congantinh",
];
/** The patterns in looseKey's letter classes (y, l, j → i; f → t; w → u). */
const UNIT = UNIT_PATTERNS.join("|").replace(/[ylj]/g, "i").replace(/f/g, "t").replace(/w/g, "u");
const UNIT_LIST = new RegExp(`^(?:${UNIT})(?:(?:va)?(?:${UNIT}))*$`);

const ONE_UNIT = new RegExp(`^(?:${UNIT})$`);

/** Is this the whole text of a lead or coordinators cell: one or more known units (not ending on a separator)? */
export const isUnitList: (cell: string) => boolean = remembered((cell) => !/(?:[,;:+&-]|\sv[aà])\s*$/i.test(cell) && UNIT_LIST.test(looseKey(cell)));

/** Is this one known unit? */
export const isOneUnit: (cell: string) => boolean = remembered((cell) => ONE_UNIT.test(looseKey(cell)));

/** Is this the whole text of a deadline cell: one the plans' deadline language reads, or only deadline words? */
export function isDeadlineCell(cell: string, planYear: number): boolean {
  if (parseDeadline(cell, { planYear }).kind !== "unknown") return true;
  const tokens = cell.split(/\s+/).filter((t) => t !== "");
  return tokens.length > 0 && tokens.every(isDeadlineWord) && /\d{4}/.test(cell);
}
