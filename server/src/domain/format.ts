// Vietnamese number formatting for user-facing messages: "," is the decimal mark and "."
// groups thousands (1,5 ngày; 148.717 văn bản). Written by hand rather than with Intl so the
// output never depends on the ICU data bundled with the Node build.

/**
 * Round to at most `decimals` places (half away from zero) without producing -0.
 * @example roundTo(17.45, 1) === 17.5
 */
export function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  // the epsilon absorbs binary noise such as 17.45 * 10 = 174.49999…
  const r = (Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9)) / f;
  return r === 0 ? 0 : r;
}

/**
 * Format a number the Vietnamese way, trailing zeros dropped.
 * @example formatNumberVi(1.5) === "1,5"; formatNumberVi(148717) === "148.717"
 */
export function formatNumberVi(n: number, maxDecimals = 1): string {
  const r = roundTo(n, maxDecimals);
  const [intPart = "0", fracPart = ""] = Math.abs(r).toFixed(maxDecimals).split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const frac = fracPart.replace(/0+$/, "");
  return `${r < 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/**
 * A number of half-day sessions (buổi) as days: 1 → "1/2 ngày", 2 → "1 ngày", 3 → "1,5 ngày".
 */
export function formatSessionsAsDays(sessions: number): string {
  return sessions === 1 ? "1/2 ngày" : `${formatNumberVi(sessions / 2)} ngày`;
}
