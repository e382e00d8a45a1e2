// M8 — KL 226 §2.2; KH 63-KH/TU §III.2: invite only the bloc concerned (Đảng / Chính quyền /
// Mặt trận, đoàn thể) and only the staff directly concerned; the host names one leader to
// chair, not all leaders. Recorded on each conference and flagged before it is saved, unless
// the form gives a reason (invitationReason). Pure: the caller resolves the invited units.
import type { Finding } from "../conference-checks.js";
import { RULE_SOURCES } from "../settings.js";

/** The three blocs of the political system (khối). */
export const BLOCS = ["party", "state", "front"] as const;
export type Bloc = (typeof BLOCS)[number];

export const BLOC_LABEL: Record<Bloc, string> = { party: "Đảng", state: "Chính quyền", front: "Mặt trận, đoàn thể" };

/** An invited unit as the check sees it. */
export type InvitedUnit = { code: string; name: string; /** in the host's subtree (its management scope) */ withinHostScope: boolean };

/** What M8 needs of a conference. `hostBloc`: the bloc of the host unit. */
export type InvitationInput = {
  hostBloc: Bloc; chairs: readonly string[]; invitedBlocs: readonly Bloc[];
  invitedUnits: readonly InvitedUnit[]; invitationReason: string | null;
};

const hasText = (s: string | null) => s !== null && s.trim() !== "";

/**
 * M8 findings. Flagged (warning) unless a reason is given: blocs other than the host's, units
 * outside the host's subtree, more than one chair. Noted (info) whatever the reason: no chair
 * named — the rule asks the host to name one.
 */
export function checkInvitations(c: InvitationInput): Finding[] {
  const source = RULE_SOURCES.M8.source;
  const chairs = c.chairs.filter((n) => n.trim() !== "");
  const findings: Finding[] = [];
  const warn = (field: string, limit: number, actual: number, message: string, records?: Finding["records"]): void => {
    findings.push({ rule: "M8", severity: "warning", field, limit, actual, source, message: `${message} — ${source}`, ...(records ? { records } : {}) });
  };
  // a note, not a breach: nothing says several chair it, and the form asks for the name
  if (chairs.length === 0) {
    findings.push({ rule: "M8", severity: "info", field: "chairs", limit: 1, actual: 0, source,
      message: `Chưa ghi đồng chí lãnh đạo chủ trì hội nghị; cần phân công một đồng chí chủ trì — ${source}` });
  }
  if (hasText(c.invitationReason)) return findings;
  const otherBlocs = [...new Set(c.invitedBlocs)].filter((b) => b !== c.hostBloc);
  if (otherBlocs.length > 0) {
    const names = otherBlocs.map((b) => `khối ${BLOC_LABEL[b]}`).join(", ");
    warn("invitedBlocs", 0, otherBlocs.length, `Mời ${names} ngoài khối ${BLOC_LABEL[c.hostBloc]} của đơn vị chủ trì; chỉ mời đúng khối liên quan, hoặc ghi rõ lý do`);
  }
  const outside = c.invitedUnits.filter((u) => !u.withinHostScope);
  if (outside.length > 0) {
    const names = outside.map((u) => u.name).join(", ");
    warn("invitedOrgCodes", 0, outside.length, `Mời ${outside.length} đơn vị ngoài phạm vi quản lý của đơn vị chủ trì (${names}); chỉ mời thành phần trực tiếp liên quan, hoặc ghi rõ lý do`,
      outside.map((u) => ({ kind: "org" as const, code: u.code, name: u.name })));
  }
  if (chairs.length > 1) warn("chairs", 1, chairs.length, `Có ${chairs.length} đồng chí lãnh đạo cùng chủ trì; chỉ phân công một đồng chí chủ trì, hoặc ghi rõ lý do`);
  return findings;
}
