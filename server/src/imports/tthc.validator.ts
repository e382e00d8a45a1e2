// tthc import rows — data-contract.md §tthc (T1: records of administrative procedures per month).
import { parseDateValue, parseNonNegativeInt } from "../domain/normalize.js";
import { parsePeriod } from "../domain/period.js";
import type { Parsed } from "../domain/normalize.js";
import type { ColumnIndex } from "./import.columns.js";
import { csvLine, memoize, type Cell } from "./import.cells.js";
import { RowReader, valueOr, type OrgResolver, type RowValidator } from "./record.validator.js";

/** Register columns, in the order of the CSV lines the validator produces. */
export const TTHC_COLUMNS = ["org_id", "month", "received", "processed_digitally"] as const;

/** The counts are integer columns. */
const MAX_COUNT = 2_147_483_647;
const MONTH_REASON = "không phải tháng hợp lệ (dạng 2026-05)";

/** A month period ("2026-05"; also "05/2026" as Vietnamese sheets write it) → its first day. */
function parseMonthText(raw: string): Parsed<string> {
  const s = raw.trim();
  if (s === "") return { ok: false, reason: `trống; cần tháng (dạng 2026-05)` };
  const vn = /^(\d{1,2})\/(\d{4})$/.exec(s);
  const id = vn ? `${vn[2]}-${(vn[1] ?? "").padStart(2, "0")}` : s;
  try {
    const period = parsePeriod(id);
    return period.kind === "month" ? { ok: true, value: period.start } : { ok: false, reason: MONTH_REASON };
  } catch {
    return { ok: false, reason: MONTH_REASON };
  }
}

/** XLSX turns "2026-05" typed in a cell into a date: its month is the period. */
function parseMonth(cell: Cell, fromText: (raw: string) => Parsed<string>): Parsed<string> {
  if (cell instanceof Date || typeof cell === "number") {
    const d = parseDateValue(cell);
    return d.ok ? { ok: true, value: `${d.value.slice(0, 7)}-01` } : { ok: false, reason: MONTH_REASON };
  }
  return fromText(typeof cell === "string" ? cell : "");
}

/** Builds the validator of TTHC rows for a file's header. */
export function tthcValidator(index: ColumnIndex<"tthc">, resolveOrg: OrgResolver): RowValidator {
  const r = new RowReader(index);
  const monthOf = memoize(parseMonthText);
  const count = (column: "received" | "processed_digitally"): number | null => {
    const n = valueOr(r, column, parseNonNegativeInt(r.raw(column)), null);
    if (n === null && !r.problems.some((p) => p.column === column)) r.problem(column, "trống; cần số hồ sơ");
    if (n !== null && n > MAX_COUNT) r.problem(column, "quá lớn");
    return n;
  };
  return (cells) => {
    r.reset(cells);
    const orgId = r.org("org_code", resolveOrg);
    const month = valueOr(r, "period", parseMonth(r.raw("period"), monthOf), "");
    const received = count("received");
    const digital = count("processed_digitally");
    if (received !== null && digital !== null && digital > received) {
      r.problem("processed_digitally", `lớn hơn tổng hồ sơ (${digital} > ${received})`);
    }
    if (r.problems.length > 0) return { orgId, problems: r.problems, line: "", key: [] };
    return { orgId, problems: r.problems, line: csvLine([orgId, month, received, digital]), key: [orgId, month] };
  };
}
