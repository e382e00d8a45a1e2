// The written parts of a report (issue "Periodic reports" §2): results, shortcomings, causes,
// proposals — the usual sections of a Vietnamese implementation report (báo cáo kết quả).
export const NARRATIVE_SECTIONS = ["ketQua", "hanChe", "nguyenNhan", "kienNghi"] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
export type Narrative = Record<NarrativeSection, string>;

export const NARRATIVE_LABELS: Readonly<Record<NarrativeSection, string>> = {
  ketQua: "Kết quả thực hiện",
  hanChe: "Hạn chế",
  nguyenNhan: "Nguyên nhân",
  kienNghi: "Kiến nghị, đề xuất",
};

export const EMPTY_NARRATIVE: Narrative = { ketQua: "", hanChe: "", nguyenNhan: "", kienNghi: "" };

/** A stored narrative (any JSON) as a complete one: unknown keys dropped, missing ones blank. */
export function narrativeOf(stored: unknown): Narrative {
  const o = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  return Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, typeof o[s] === "string" ? o[s] : ""])) as Narrative;
}
