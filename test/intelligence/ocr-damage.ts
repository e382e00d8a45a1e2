// Artificial OCR damage of clean Vietnamese, modelled on what the OCR'd seeds show (000–003):
// diacritics dropped ("ngay", "cua"), replaced by an acute on the wrong vowel ("Két", "trién",
// "Déc"), digits for letters ("s6", "1ap", "16i", "t6"), "P" for a capital "Đ" ("Pang"). The
// damage is per syllable and deterministic (seeded), so measurements can be repeated. Word by
// word the clean and damaged texts line up (same syllables, same separators), which is what
// lets a test score a restorer syllable by syllable.
import { prng } from "./copy-testset.js";

const stripMarks = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");

/** Digits OCR reads for letters of a word (the seeds: s6 = số, 1ap = lập, 16i = lối, t6 = tổ, x4 = xã). */
const DIGIT_FOR: Record<string, string> = { ô: "6", ố: "6", ổ: "6", ơ: "6", l: "1", a: "4", ả: "3", ẽ: "8", ề: "8" };

export type DamageRates = { strip: number; wrongMark: number; digit: number };
export const SEED_LIKE: DamageRates = { strip: 0.5, wrongMark: 0.2, digit: 0.05 };

/** One syllable damaged (or kept, with the remaining probability). */
function damageSyllable(s: string, rnd: () => number, rates: DamageRates): string {
  const r = rnd();
  if (r < rates.digit) {
    const chars = [...s.normalize("NFC")];
    const at = chars.findIndex((c) => DIGIT_FOR[c.toLowerCase()] !== undefined);
    if (chars.length > 1 && at >= 0) {
      chars[at] = DIGIT_FOR[chars[at]!.toLowerCase()]!;
      return stripMarks(chars.join(""));
    }
  }
  if (r < rates.digit + rates.strip) {
    const plain = stripMarks(s);
    return s.startsWith("Đ") && rnd() < 0.5 ? `P${plain.slice(1)}` : plain;
  }
  if (r < rates.digit + rates.strip + rates.wrongMark) {
    const plain = stripMarks(s);
    const vowels = [...plain].map((c, i) => (/[aeiouyAEIOUY]/.test(c) ? i : -1)).filter((i) => i >= 0);
    if (vowels.length === 0) return plain;
    const at = vowels[Math.floor(rnd() * vowels.length)]!;
    return (plain.slice(0, at) + `${plain[at]}\u0301` + plain.slice(at + 1)).normalize("NFC");
  }
  return s;
}

/** The text with its syllables (runs of letters) damaged; everything else kept. */
export function damageText(clean: string, seed: number, rates: DamageRates = SEED_LIKE): string {
  const rnd = prng(seed);
  return clean.normalize("NFC").replace(/\p{L}+/gu, (s) => damageSyllable(s, rnd, rates));
}

/** Syllables of a text in order (runs of letters and digits), to compare texts that line up. */
export const syllablesOf = (text: string): string[] => text.normalize("NFC").match(/[\p{L}\p{N}\p{M}¢¥§€]+/gu) ?? [];
