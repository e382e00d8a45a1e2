// meetings import rows — data-contract.md §meetings; sessions (buổi) as kl226-rules.md §2.
import { parseBoolean, parseDateTime, parseEnum, parseNonNegativeInt } from "../domain/normalize.js";
import { countSessions } from "../domain/sessions.js";
import type { JurisdictionSettings, MeetingCategory, MeetingFormat, MeetingScope } from "../domain/settings.js";
import type { ColumnIndex } from "./import.columns.js";
import { csvLine, isBlank } from "./import.cells.js";
import { RowReader, valueOr, type OrgResolver, type RowValidator } from "./record.validator.js";

/** Register columns, in the order of the CSV lines the validator produces. */
export const MEETING_COLUMNS = [
  "org_id", "title", "category", "scope", "format", "start_at", "end_at", "sessions",
  "opening_min", "conclusion_min", "max_contribution_min", "exception_decision", "commune_participants",
] as const;

const CATEGORIES = ["quan_triet", "chuyen_mon", "quan_trong", "dinh_ky", "khac"] as const satisfies readonly MeetingCategory[];
const SCOPES = ["toan_tinh", "toan_xa", "nganh", "noi_bo"] as const satisfies readonly MeetingScope[];
const FORMATS = ["truc_tiep", "truc_tuyen", "ket_hop"] as const satisfies readonly MeetingFormat[];
const MINUTE_COLUMNS = ["opening_min", "conclusion_min", "max_contribution_min"] as const;
/** The minutes columns are smallint. */
const MAX_MINUTES = 32_767;

/** The session convention (noon, UTC offset) in force for a unit; null = an unresolved unit. */
export type ConventionOf = (orgId: number | null) => JurisdictionSettings["sessionConvention"];

/** Builds the validator of meeting rows for a file's header. */
export function meetingValidator(index: ColumnIndex<"meetings">, resolveOrg: OrgResolver, conventionOf: ConventionOf): RowValidator {
  const r = new RowReader(index);
  return (cells) => {
    r.reset(cells);
    const orgId = r.org("org_code", resolveOrg);
    const convention = conventionOf(orgId);
    const title = r.requiredText("title", "tên hội nghị");
    const category = valueOr(r, "category", parseEnum(r.text("category"), CATEGORIES), "khac");
    const scope = valueOr(r, "scope", parseEnum(r.text("scope"), SCOPES), "noi_bo");
    const format = valueOr(r, "format", parseEnum(r.text("format"), FORMATS), "truc_tiep");
    const start = valueOr(r, "start", parseDateTime(r.raw("start"), convention.utcOffsetMinutes), null);
    const end = valueOr(r, "end", parseDateTime(r.raw("end"), convention.utcOffsetMinutes), null);
    let sessions = 0;
    if (start && end) {
      if (end.getTime() <= start.getTime()) r.problem("end", "phải sau thời điểm bắt đầu");
      else sessions = countSessions(start, end, convention);
    }
    const minutes = MINUTE_COLUMNS.map((c) => {
      const m = valueOr(r, c, parseNonNegativeInt(r.raw(c)), null);
      if (m !== null && m > MAX_MINUTES) r.problem(c, `quá lớn (tối đa ${MAX_MINUTES} phút)`);
      return m;
    });
    const decision = r.text("exception_decision");
    const participantsCell = r.raw("commune_participants");
    // optional: empty means "not recorded", not "no"
    const participants = isBlank(participantsCell) ? null : valueOr(r, "commune_participants", parseBoolean(participantsCell, false), null);
    if (r.problems.length > 0 || !start || !end) return { orgId, problems: r.problems, line: "", key: [] };
    return {
      orgId,
      problems: r.problems,
      line: csvLine([
        orgId, title, category, scope, format, start.toISOString(), end.toISOString(), sessions,
        ...minutes, decision === "" ? null : decision, participants,
      ]),
      key: [orgId, title, start.toISOString()],
    };
  };
}
