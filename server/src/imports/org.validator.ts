// orgs import rows — data-contract.md §orgs, plus the `split_from` extension (§Extensions).
// One row at a time; checks across rows (parents, links, cycles) are in org-import.checks.ts.
import { parseDateValue, parseEnum } from "../domain/normalize.js";
import type { Bloc, OrgLevel } from "../domain/settings.js";
import { ZOrgCode } from "../orgs/org.schema.js";
import type { ColumnIndex } from "./import.columns.js";
import { isBlank, type Cell, type CellProblem } from "./import.cells.js";
import { RowReader, valueOr } from "./record.validator.js";

/** A valid org row; `mergedFrom` / `splitFrom` are null when the file has no such column
 * (the unit's links of that kind are then left as they are). */
export type OrgDraft = {
  row: number;
  code: string;
  name: string;
  parentCode: string | null;
  level: OrgLevel;
  bloc: Bloc;
  validFrom: string | null;
  validTo: string | null;
  mergedFrom: string[] | null;
  splitFrom: Array<{ code: string; share: number }> | null;
};

const LEVELS = ["central", "province", "department", "commune", "office"] as const satisfies readonly OrgLevel[];
const BLOCS = ["party", "state", "front"] as const satisfies readonly Bloc[];

/** "0.5" or "0,5" (the Vietnamese decimal mark). */
function parseShare(raw: string): number | null {
  const n = Number(raw.trim().replace(",", "."));
  return raw.trim() !== "" && Number.isFinite(n) && n > 0 && n <= 1 ? n : null;
}

/** Builds the validator of org rows for a file's header. */
export function orgValidator(index: ColumnIndex<"orgs">): (cells: readonly Cell[], rowNumber: number) => { draft: OrgDraft | null; problems: CellProblem[] } {
  const r = new RowReader(index);
  const code = (column: "code" | "parent_code", raw: string): string => {
    const parsed = ZOrgCode.safeParse(raw);
    if (parsed.success) return parsed.data;
    r.problem(column, parsed.error.issues.map((i) => i.message).join("; "));
    return raw;
  };
  const date = (column: "valid_from" | "valid_to"): string | null => {
    const cell = r.raw(column);
    return isBlank(cell) ? null : valueOr(r, column, parseDateValue(cell), null);
  };
  return (cells, rowNumber) => {
    r.reset(cells);
    const own = code("code", r.requiredText("code", "mã đơn vị"));
    const name = r.requiredText("name", "tên đơn vị");
    const parentText = r.text("parent_code");
    const parentCode = parentText === "" ? null : code("parent_code", parentText);
    const level = valueOr(r, "level", parseEnum(r.text("level"), LEVELS), "office");
    const bloc = valueOr(r, "bloc", parseEnum(r.text("bloc"), BLOCS), "state");
    const validFrom = date("valid_from");
    const validTo = date("valid_to");
    if (validFrom && validTo && validTo < validFrom) r.problem("valid_to", "trước ngày hiệu lực từ");
    const mergedFrom = index.merged_from < 0 ? null : r.text("merged_from").split(/[;,]/).map((c) => c.trim()).filter((c) => c !== "");
    let splitFrom: OrgDraft["splitFrom"] = null;
    if (index.split_from >= 0) {
      splitFrom = [];
      for (const part of r.text("split_from").split(";").map((p) => p.trim()).filter((p) => p !== "")) {
        const [c = "", s = "", ...rest] = part.split(":");
        const share = parseShare(s);
        if (c.trim() === "" || share === null || rest.length > 0) r.problem("split_from", `"${part}" không đúng dạng MÃ:tỷ lệ (tỷ lệ lớn hơn 0 và không quá 1, ví dụ XA01:0.5)`);
        else splitFrom.push({ code: c.trim(), share });
      }
    }
    if (r.problems.length > 0) return { draft: null, problems: r.problems };
    return { draft: { row: rowNumber, code: own, name, parentCode, level, bloc, validFrom, validTo, mergedFrom, splitFrom }, problems: [] };
  };
}
