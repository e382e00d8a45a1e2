// The columns of each import — data-contract.md §CSV / XLSX columns. English names are the
// contract's; the Vietnamese header in brackets is accepted too (case-insensitive).

/** What can be imported: org units, the document register, conferences, TTHC statistics. */
export type ImportKind = "orgs" | "documents" | "meetings" | "tthc";

export const IMPORT_KINDS: readonly ImportKind[] = ["orgs", "documents", "meetings", "tthc"];

/** One column: `name` is the English header (and the name used in error messages). */
export type ColumnSpec = { readonly name: string; readonly vi: string; readonly required: boolean };

/** Columns per kind, in the order of the templates. */
export const IMPORT_COLUMNS = {
  orgs: [
    { name: "code", vi: "Mã", required: true },
    { name: "name", vi: "Tên", required: true },
    { name: "parent_code", vi: "Mã cấp trên", required: true },
    { name: "level", vi: "Cấp", required: true },
    { name: "bloc", vi: "Khối", required: true },
    { name: "valid_from", vi: "Hiệu lực từ", required: false },
    { name: "valid_to", vi: "Hiệu lực đến", required: false },
    { name: "merged_from", vi: "Hợp nhất từ", required: false },
    // extension (data-contract.md §Extensions): a split takes a share of a former unit's records
    { name: "split_from", vi: "Tách từ", required: false },
  ],
  documents: [
    { name: "org_code", vi: "Mã đơn vị", required: true },
    { name: "number", vi: "Số ký hiệu", required: true },
    { name: "type", vi: "Loại", required: true },
    { name: "issued_on", vi: "Ngày ban hành", required: true },
    { name: "subject", vi: "Trích yếu", required: true },
    { name: "legal_normative", vi: "QPPL", required: false },
    { name: "secret", vi: "Mật", required: false },
    { name: "sent_electronically", vi: "Gửi điện tử", required: false },
    { name: "digitized", vi: "Số hóa", required: false },
    { name: "signer", vi: "Người ký", required: false },
  ],
  meetings: [
    { name: "org_code", vi: "Mã đơn vị", required: true },
    { name: "title", vi: "Tên hội nghị", required: true },
    { name: "category", vi: "Loại", required: true },
    { name: "scope", vi: "Quy mô", required: true },
    { name: "format", vi: "Hình thức", required: true },
    { name: "start", vi: "Bắt đầu", required: true },
    { name: "end", vi: "Kết thúc", required: true },
    { name: "opening_min", vi: "Phát biểu khai mạc (phút)", required: false },
    { name: "conclusion_min", vi: "Phát biểu kết luận (phút)", required: false },
    { name: "max_contribution_min", vi: "Tham luận dài nhất (phút)", required: false },
    { name: "exception_decision", vi: "Quyết định cho phép", required: false },
    { name: "commune_participants", vi: "Có cấp xã dự", required: false },
  ],
  tthc: [
    { name: "org_code", vi: "Mã đơn vị", required: true },
    // the contract names no Vietnamese header for `period`; "Tháng" is ours
    { name: "period", vi: "Tháng", required: true },
    { name: "received", vi: "Tổng hồ sơ", required: true },
    { name: "processed_digitally", vi: "Xử lý trên môi trường số", required: true },
  ],
} as const satisfies Record<ImportKind, readonly ColumnSpec[]>;

/** The English column names of a kind. */
export type ColumnName<K extends ImportKind> = (typeof IMPORT_COLUMNS)[K][number]["name"];

/** Column name → index of the cell in a source row (−1 when the file has no such column). */
export type ColumnIndex<K extends ImportKind> = Record<ColumnName<K>, number>;

/** Which columns the header names, and what is wrong with it. */
export type HeaderMapping<K extends ImportKind> = { index: ColumnIndex<K>; problems: string[]; ignored: string[] };

const normalise = (s: string): string => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/** A header cell as written, then both halves of "Vietnamese [english]" (the templates' form). */
function labelsOf(header: string): string[] {
  const label = normalise(header);
  const bracket = /^(.*?)\s*\[(.+)\]$/.exec(label);
  return bracket?.[1] !== undefined && bracket[2] !== undefined ? [label, bracket[1].trim(), bracket[2].trim()] : [label];
}

/**
 * Maps header cells to the kind's columns. A missing required column, or two headers naming
 * the same column, is a problem (`header: column: reason`); an unknown header is ignored
 * (spreadsheets often carry a "STT" column) and listed in `ignored`.
 */
export function mapHeader<K extends ImportKind>(kind: K, headers: readonly string[]): HeaderMapping<K> {
  const columns: readonly ColumnSpec[] = IMPORT_COLUMNS[kind];
  const byLabel = new Map<string, string>();
  for (const c of columns) {
    byLabel.set(normalise(c.name), c.name);
    byLabel.set(normalise(c.vi), c.name);
  }
  const index: Record<string, number> = Object.fromEntries(columns.map((c) => [c.name, -1]));
  const problems: string[] = [];
  const ignored: string[] = [];
  headers.forEach((header, i) => {
    if (header.trim() === "") return;
    const name = labelsOf(header).map((l) => byLabel.get(l)).find((n) => n !== undefined);
    if (name === undefined) {
      ignored.push(header.trim());
    } else if (index[name] !== -1) {
      problems.push(`header: ${name}: cột bị lặp lại ("${header.trim()}")`);
    } else {
      index[name] = i;
    }
  });
  for (const c of columns) {
    if (c.required && index[c.name] === -1) problems.push(`header: ${c.name}: thiếu cột bắt buộc (${c.name} hoặc "${c.vi}")`);
  }
  return { index: index as ColumnIndex<K>, problems, ignored };
}

/** The header line of a template: "Vietnamese [english]", which `mapHeader` reads back. */
export function templateHeaders(kind: ImportKind): string[] {
  return IMPORT_COLUMNS[kind].map((c) => `${c.vi} [${c.name}]`);
}
