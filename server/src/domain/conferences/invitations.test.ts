import { describe, expect, it } from "vitest";
import { checkInvitations, type InvitationInput } from "./invitations.js";

function buildInput(o: Partial<InvitationInput> = {}): InvitationInput {
  return { hostBloc: "state", chairs: ["Nguyễn Văn An"], invitedBlocs: ["state"], invitedUnits: [], invitationReason: null, ...o };
}
const inside = { code: "VP", name: "Văn phòng HĐND và UBND xã", withinHostScope: true };
const outside = { code: "SNV", name: "Sở Nội vụ", withinHostScope: false };

describe("checkInvitations — M8", () => {
  it.each<[string, Partial<InvitationInput>, string[]]>([
    ["one chair, own bloc, own units", { invitedUnits: [inside] }, []],
    ["two chairs", { chairs: ["Nguyễn Văn An", "Trần Thị Bình"] }, ["warning:chairs"]],
    ["two chairs with a reason", { chairs: ["Nguyễn Văn An", "Trần Thị Bình"], invitationReason: "Hội nghị liên tịch Đảng ủy – UBND" }, []],
    ["no chair (noted even with a reason)", { chairs: [" "], invitationReason: "x" }, ["info:chairs"]],
    ["another bloc invited", { invitedBlocs: ["state", "party"] }, ["warning:invitedBlocs"]],
    ["a unit outside the host's subtree", { invitedUnits: [inside, outside] }, ["warning:invitedOrgCodes"]],
    ["a unit outside with a reason", { invitedUnits: [outside], invitationReason: "Sở hướng dẫn nghiệp vụ" }, []],
    ["everything at once", { chairs: ["A", "B", "C"], invitedBlocs: ["front"], invitedUnits: [outside] }, ["warning:invitedBlocs", "warning:invitedOrgCodes", "warning:chairs"]],
  ])("%s", (_name, input, expected) => {
    const findings = checkInvitations(buildInput(input));
    expect(findings.map((f) => `${f.severity}:${f.field}`)).toEqual(expected);
    for (const f of findings) expect(f).toMatchObject({ rule: "M8", source: "KL 226 §2.2; KH 63-KH/TU §III.2" });
  });

  it("names the blocs, the outside units and the number of chairs", () => {
    const [blocs, units, chairs] = checkInvitations(buildInput({ chairs: ["A", "B"], invitedBlocs: ["party", "front"], invitedUnits: [outside] }));
    expect(blocs?.message).toContain("Mời khối Đảng, khối Mặt trận, đoàn thể ngoài khối Chính quyền");
    expect(units?.message).toContain("(Sở Nội vụ)");
    expect(units?.records).toEqual([{ kind: "org", code: "SNV", name: "Sở Nội vụ" }]);
    expect(chairs).toMatchObject({ limit: 1, actual: 2 });
  });
});
