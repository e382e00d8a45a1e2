// Seed 004's appendix through the whole pure chain: reader → deadlines → fan-out (T2) → "6 rõ"
// (T3), against a commune shaped like Cẩm Giàng. What the later plan-import step will store.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../server/src/domain/plans/deadline.js";
import type { Schedule } from "../../server/src/domain/plans/deadline.js";
import { fanOutTask } from "../../server/src/domain/plans/fan-out.js";
import type { SubtreeOrg } from "../../server/src/domain/plans/fan-out.js";
import { checkSixClear, shareAllClear } from "../../server/src/domain/plans/six-clear.js";
import { readTaskTable } from "../../server/src/plans/readers/task-table.reader.js";

const commune: SubtreeOrg[] = [
  { id: 1, code: "CG", name: "UBND xã Cẩm Giàng", parentId: null, level: "commune", bloc: "state" },
  { id: 2, code: "CG-VP", name: "Văn phòng HĐND và UBND xã", parentId: 1, level: "office", bloc: "state" },
  { id: 3, code: "CG-VHXH", name: "Phòng Văn hóa - Xã hội", parentId: 1, level: "office", bloc: "state" },
  { id: 4, code: "CG-PVHCC", name: "Trung tâm Phục vụ hành chính công", parentId: 1, level: "office", bloc: "state" },
  { id: 5, code: "CG-DVTH", name: "Trung tâm Dịch vụ tổng hợp", parentId: 1, level: "office", bloc: "state" },
];
const subtree = { rootId: 1, orgs: commune };

async function seedRows() {
  const r = await readTaskTable({ fileName: "seed-004.txt", content: readFileSync(join(import.meta.dirname, "..", "fixtures", "plans", "seed-004-kh-153a-cam-giang.txt")) });
  return r.rows;
}

describe("seed 004 through the plan rules", () => {
  it("every deadline of the 14 tasks is understood", async () => {
    const kinds = (await seedRows()).map((r) => parseDeadline(r.deadline, { planYear: 2026 }));
    const brief = (s: Schedule) => (s.kind === "date" ? s.due : s.kind === "recurring" ? `${s.cadence.join("+")} từ ${s.from}` : s.kind);
    expect(kinds.map(brief)).toEqual([
      "2026-05-15", "ongoing", "year từ 2026-01-01", "ongoing", "ongoing", "year từ 2026-01-01", "2026-12-31",
      "2026-12-31", "2026-12-31", "2026-12-31", "2026-12-31", "2026-12-31", "quarter+half+year từ 2026-01-01", "year từ 2026-01-01",
    ]);
  });

  it("fans group leads out, matches named leads, and flags only row 9 as a T2 breach", async () => {
    const results = (await seedRows()).map((r) => fanOutTask({ tt: r.tt }, r.lead, subtree));
    expect(results.filter((x) => x.breach).map((x) => x.tasks[0]?.tt)).toEqual(["9"]);
    expect(results.flatMap((x) => x.unmatched)).toEqual([]);
    // "Các cơ quan, tổ chức, đơn vị" (rows 2, 3, 7, 8, 11) → the commune's 4 offices each
    expect(results.map((x) => x.tasks.length)).toEqual([1, 4, 4, 1, 1, 1, 4, 4, 1, 1, 4, 1, 1, 1]);
    expect(results[0]?.tasks[0]?.leadOrgIds).toEqual([3]); // "Phòng Văn hóa - Xã hội"
    expect(results[9]?.tasks[0]?.leadOrgIds).toEqual([4]); // "Trung tâm Phục vụ hành chính công"
    expect(results[8]?.tasks[0]?.leadOrgIds).toEqual([4, 3]); // "Trung tâm Phục vụ HCC; Phòng Văn hóa-Xã hội"
  });

  it("checks 6 rõ per row: 9 of 14 clear (rows 1, 2 lack coordinators; 2, 4, 5 are «Thường xuyên»; 9 has two leads)", async () => {
    const rows = await seedRows();
    const checks = rows.map((r) => {
      const fanned = fanOutTask({}, r.lead, subtree).tasks[0];
      return checkSixClear({
        leadOrgIds: fanned?.leadOrgIds ?? [], content: r.content, schedule: parseDeadline(r.deadline, { planYear: 2026 }),
        coordinatorsText: r.coordinators, product: r.product,
      }, { issuerSubtreeIds: new Set(commune.map((o) => o.id)) });
    });
    const failing = checks.flatMap((c, i) =>
      (["person", "task", "time", "responsibility", "authority", "product"] as const).filter((k) => !c[k].ok).map((k) => `${i + 1}:${k}`));
    expect(failing).toEqual(["1:responsibility", "2:time", "2:responsibility", "4:time", "5:time", "9:responsibility"]);
    expect(shareAllClear(checks)).toBe(64.3);
  });
});
