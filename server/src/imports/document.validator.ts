// documents import rows — data-contract.md §documents.
import { parseBoolean, parseDateValue, parseDocumentType } from "../domain/normalize.js";
import { documentSearchText } from "../domain/text.js";
import type { ColumnIndex } from "./import.columns.js";
import { csvLine, memoize, type Cell } from "./import.cells.js";
import { RowReader, valueOr, type OrgResolver, type RowValidator } from "./record.validator.js";

/** Register columns, in the order of the CSV lines the validator produces. */
export const DOCUMENT_COLUMNS = [
  "org_id", "number", "type_code", "issued_on", "subject",
  "legal_normative", "secret", "sent_electronically", "digitized", "signer", "search_text",
] as const;

const FLAGS = ["legal_normative", "secret", "sent_electronically", "digitized"] as const;

/** Builds the validator of document rows for a file's header. */
export function documentValidator(index: ColumnIndex<"documents">, resolveOrg: OrgResolver): RowValidator {
  const r = new RowReader(index);
  // every flag defaults to 0 (data-contract.md)
  const flagOf = memoize((raw) => parseBoolean(raw, false));
  const typeOf = memoize(parseDocumentType);
  const dateOf = memoize(parseDateValue);
  const flag = (cell: Cell) => (typeof cell === "string" ? flagOf(cell) : parseBoolean(cell, false));

  return (cells) => {
    r.reset(cells);
    const orgId = r.org("org_code", resolveOrg);
    const number = r.requiredText("number", "số ký hiệu");
    const typeCode = valueOr(r, "type", typeOf(r.text("type")), "");
    const issuedCell = r.raw("issued_on");
    const issuedOn = valueOr(r, "issued_on", typeof issuedCell === "string" ? dateOf(issuedCell) : parseDateValue(issuedCell), "");
    const subject = r.text("subject");
    const flags = FLAGS.map((f) => valueOr(r, f, flag(r.raw(f)), false));
    const signer = r.text("signer");
    if (r.problems.length > 0) return { orgId, problems: r.problems, line: "", key: [] };
    return {
      orgId,
      problems: r.problems,
      line: csvLine([orgId, number, typeCode, issuedOn, subject, ...flags, signer === "" ? null : signer, documentSearchText(number, subject, signer)]),
      key: [orgId, number, issuedOn],
    };
  };
}
