import { describe, expect, it } from "vitest";
import { parseDeadline } from "../domain/plans/deadline.js";
import { diffOccurrences, evaluateTask, occurrencesFor, type TaskCells, type TaskEnv } from "./task.evaluate.js";

const orgs = [
  { id: 1, code: "CG", name: "UBND xã Cẩm Giàng", parentId: null, level: "commune" as const, bloc: "state" as const },
  { id: 2, code: "VP", name: "Văn phòng HĐND và UBND xã", parentId: 1, level: "office" as const, bloc: "state" as const },
  { id: 3, code: "VHXH", name: "Phòng Văn hóa - Xã hội", parentId: 1, level: "office" as const, bloc: "state" as const },
  { id: 4, code: "KT", name: "Phòng Kinh tế", parentId: 1, level: "office" as const, bloc: "state" as const },
];
const env: TaskEnv = {
  issuerId: 1, planYear: 2026, horizonYear: 2027,
  subtree: { rootId: 1, orgs }, issuerSubtreeIds: new Set([1, 2, 3, 4]), aliases: {},
};
const cells = (over: Partial<TaskCells> = {}): TaskCells => ({
  tt: "1", content: "Ban hành kế hoạch", coordinatorsText: "Không", product: "Kế hoạch", deadlineText: "Quý IV/2026", reviewCadence: null, ...over,
});

describe("evaluateTask", () => {
  it("gives a named unit as the one lead, all six clear", () => {
    const ev = evaluateTask(cells(), { kind: "cell", text: "Phòng VH-XH" }, env);
    expect(ev).toMatchObject({ leadOrgId: 3, group: null, flags: { t2: { breach: false, leadOrgIds: [3] }, deadlineUnderstood: true } });
    expect(ev.flags.sixClear?.allClear).toBe(true);
  });

  it("turns a group cell into a group task with the units it fans out to, unchecked itself", () => {
    const ev = evaluateTask(cells(), { kind: "cell", text: "Các cơ quan, tổ chức, đơn vị" }, env);
    expect(ev.group).toBe("all_agencies");
    expect(ev.groupUnits.map((u) => u.id)).toEqual([4, 3, 2]); // by Vietnamese name
    expect(ev.flags).toMatchObject({ sixClear: null, group: { group: "all_agencies", units: 3 } });
    expect(ev.leadOrgId).toBeNull();
  });

  it("flags two named leads as a T2 breach with no lead, and names the unmatched", () => {
    const ev = evaluateTask(cells(), { kind: "cell", text: "Phòng Kinh tế; Ban Quản lý chợ" }, env);
    expect(ev).toMatchObject({ leadOrgId: null, flags: { t2: { breach: true, leadOrgIds: [4], unmatched: ["Ban Quản lý chợ"] } } });
    expect(ev.flags.sixClear?.responsibility.ok).toBe(false);
  });

  it("uses an alias first, and keeps a fixed lead as it is", () => {
    const aliased = evaluateTask(cells(), { kind: "cell", text: "Ban Quản lý chợ" }, { ...env, aliases: { "Ban quản lý chợ": 4 } });
    expect(aliased.leadOrgId).toBe(4);
    const fixed = evaluateTask(cells(), { kind: "fixed", orgId: 2, text: "Văn phòng HĐND và UBND xã" }, env);
    expect(fixed).toMatchObject({ leadOrgId: 2, flags: { t2: { breach: false, leadOrgIds: [2] } } });
  });

  it("fails rõ thời gian for «Thường xuyên» unless a review cadence is set, and keeps unknown text", () => {
    expect(evaluateTask(cells({ deadlineText: "Thường xuyên" }), { kind: "fixed", orgId: 2, text: "" }, env).flags.sixClear?.time.ok).toBe(false);
    expect(evaluateTask(cells({ deadlineText: "Thường xuyên", reviewCadence: "quarter" }), { kind: "fixed", orgId: 2, text: "" }, env).flags.sixClear?.time.ok).toBe(true);
    const unknown = evaluateTask(cells({ deadlineText: "Tùy tình hình" }), { kind: "fixed", orgId: 2, text: "" }, env);
    expect(unknown).toMatchObject({ schedule: { kind: "unknown", text: "Tùy tình hình" }, flags: { deadlineUnderstood: false } });
  });
});

describe("occurrencesFor", () => {
  const at = (text: string, review: TaskCells["reviewCadence"] = null) =>
    occurrencesFor(parseDeadline(text, { planYear: 2026 }), review, env).map((o) => `${o.period}@${o.due}`);

  it.each([
    ["Chậm nhất 15/5/2026", null, ["2026-05@2026-05-15"]],
    ["Năm 2030", null, ["2030@2030-12-31"]], // a single due is kept whatever the horizon
    ["Hằng năm, bắt đầu từ 2026", null, ["2026@2026-12-31", "2027@2027-12-31"]],
    ["Thường xuyên", null, []],
    ["Thường xuyên", "half", ["2026S1@2026-06-30", "2026S2@2026-12-31", "2027S1@2027-06-30", "2027S2@2027-12-31"]],
    ["Sau khi Thủ tướng CP ban hành Chỉ thị", null, []],
  ] as const)("%s (review %s)", (text, review, expected) => {
    expect(at(text, review)).toEqual(expected);
  });
});

describe("diffOccurrences", () => {
  it("keeps completed ones, moves open ones of a period still due, drops the rest, adds the new", () => {
    const stored = [
      { id: 1, period: "2026Q1", due: "2026-03-31", completedOn: "2026-03-20" },
      { id: 2, period: "2026Q2", due: "2026-06-30", completedOn: null },
      { id: 3, period: "2026", due: "2026-12-31", completedOn: null },
      { id: 4, period: "2026Q3", due: "2026-09-30", completedOn: "2026-10-02" },
    ];
    const wanted = [{ period: "2026", due: "2026-12-15" }, { period: "2027", due: "2027-12-15" }, { period: "2026Q1", due: "2026-03-15" }];
    expect(diffOccurrences(stored, wanted)).toEqual({
      insert: [{ period: "2027", due: "2027-12-15" }],
      moveDue: [{ id: 3, due: "2026-12-15" }],
      remove: [2],
    });
  });
});
