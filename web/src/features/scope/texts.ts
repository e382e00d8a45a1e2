// Vietnamese text of the unit picker, period picker and breadcrumbs.
export const SCOPE_TEXT = {
  unit: "Đơn vị",
  unitSearch: "Tìm theo tên hoặc mã, không cần dấu",
  noUnitFound: "Không có đơn vị phù hợp",
  moreUnits: (n: number) => `… và ${n} đơn vị khác, hãy gõ thêm để lọc`,
  period: "Kỳ báo cáo",
  periodKind: "Loại kỳ",
  year: "Năm",
  kindYear: "Năm",
  kindHalf: "6 tháng",
  kindQuarter: "Quý",
  kindMonth: "Tháng",
  halfFirst: "6 tháng đầu năm",
  halfSecond: "6 tháng cuối năm",
  quarter: (n: number) => `Quý ${["I", "II", "III", "IV"][n - 1] ?? n}`,
  month: (n: number) => `Tháng ${n}`,
  range: "Phạm vi số liệu",
  selfOnly: "Riêng đơn vị",
  withSubtree: "Cả đơn vị trực thuộc",
  breadcrumbs: "Đường dẫn đơn vị",
} as const;

const ROMAN = ["I", "II", "III", "IV"];

/** "Năm 2026", "6 tháng đầu năm 2026", "Quý II/2026", "Tháng 5/2026". */
export function periodLabelText(kind: string, year: number, index: number): string {
  if (kind === "half") return `${index === 1 ? SCOPE_TEXT.halfFirst : SCOPE_TEXT.halfSecond} ${year}`;
  if (kind === "quarter") return `Quý ${ROMAN[index - 1] ?? index}/${year}`;
  if (kind === "month") return `Tháng ${index}/${year}`;
  return `Năm ${year}`;
}
