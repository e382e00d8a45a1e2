import type { IndicatorSheet } from "../domain/indicators.js";
import { formatNumberVi } from "../domain/format.js";

/** The sheet as a short table for a terminal, in Vietnamese. */
export function formatSheetText(sheet: IndicatorSheet): string {
  const lines = [`Bảng chỉ tiêu KL 226 — ${sheet.org}${sheet.subtree ? " (cả cấp dưới)" : ""} — kỳ ${sheet.period}`];
  for (const [id, ind] of Object.entries(sheet.indicators)) {
    if (id === "D2") continue;
    const value = typeof ind.value === "number" ? formatNumberVi(ind.value) : "—";
    const target = typeof ind.target === "number" ? formatNumberVi(ind.target) : "—";
    const status = ind.met === null ? "chưa tính được" : ind.met ? "đạt" : "KHÔNG ĐẠT";
    lines.push(`  ${id.padEnd(3)} ${value.padStart(9)}  chỉ tiêu ${target.padStart(5)}  ${status}`);
  }
  for (const note of sheet.notes) lines.push(`  * ${note}`);
  return `${lines.join("\n")}\n`;
}
