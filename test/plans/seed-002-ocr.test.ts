// Seed 002 (Đồng Tháp plan 498/KH-UBND) is OCR'd: its appendix of 17 tasks has no column
// separators, headers broken over two lines and cells wrapped across each other. Splitting it
// into cells is the document-intelligence issue's job; these tests pin what the plan readers
// already do with it: its deadline cells, and rows once its cells are split.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../server/src/domain/plans/deadline.js";
import type { Schedule } from "../../server/src/domain/plans/deadline.js";
import { parseLeadCell } from "../../server/src/domain/plans/leads.js";
import { readTaskTable, rowsFromCells } from "../../server/src/plans/readers/task-table.reader.js";

const seed = readFileSync(join(import.meta.dirname, "..", "fixtures", "plans", "seed-002-kh-498-dong-thap.txt"));

describe("seed 002 — OCR'd appendix", () => {
  it("as raw text gives no rows and says why (no separable columns)", async () => {
    const r = await readTaskTable({ fileName: "seed-002.txt", content: seed });
    expect(r.rows).toEqual([]);
    expect(r.warnings).toEqual([expect.stringContaining("Không tìm thấy dòng tiêu đề")]);
  });

  // The deadline cell of each of the 17 tasks as the OCR wrote it (its lines joined).
  it.each<[number, string, Schedule["kind"], string | null]>([
    [1, "Thang 5 [ndm 2026", "date", "2026-05-31"],
    [2, "11UOme X\"", "unknown", null],
    [3, "Hang nam, bt dau tu 2026", "recurring", null],
    [4, "Saukhi Thu tuéng CP ban hanh Chi thi", "event", null],
    [5, "Thuong xuyén", "ongoing", null],
    [6, "Hang nam, tur 2026", "recurring", null],
    [7, "2026- 2027", "range", "2027-12-31"],
    [8, "Quy 1V/2026", "date", "2026-12-31"],
    [9, "Quy 1V/2026", "date", "2026-12-31"],
    [10, "2026 va thuong xuyén", "ongoing", "2026-12-31"],
    [11, "Quy 1V/2026", "date", "2026-12-31"],
    [12, "Dén cuoi 2026", "date", "2026-12-31"],
    [13, "Nam 2026", "date", "2026-12-31"],
    [14, "T 2‘026 va thlwflg e h(th,eo %aé];g?", "unknown", null],
    [15, "Nam 5496", "unknown", null],
    [16, "Dinh ky [hing nim", "recurring", null],
    [17, "Thuong xuyén tir 2026", "ongoing", null],
  ])("task %i: %j → %s", (_tt, text, kind, due) => {
    const s = parseDeadline(text, { planYear: 2026 });
    expect(s.kind).toBe(kind);
    expect(s.text).toBe(text);
    if (due !== null) expect("due" in s ? s.due : null).toBe(due);
  });

  it("reads rows from its cells once split (header as OCR'd; tasks 3–5 of page 1)", () => {
    const r = rowsFromCells([
      ["TT", "Néi dung cong vide", "Co quan chu tri", "Co;t:.luan phoi hop", "San pha!n/Ket qua", "Théi han"],
      ["3", "Thuc hién cit giam tdi thiéu 15% s6 lugng van ban hanh chinh", "Cac s0, ban, nganh tinh, dia phuong", "", "Sb lugng van ban hanh chinh giam it nhat 15% mdi nam", "Hang nam, bt dau tu 2026"],
      ["4", "Trién khai Chi thi cta Thu tuong Chinh pha vé tang cuong ky cuong", "S¢ Noivu", "Cacsé, ban, nganh tinh, dia phuong", "Chithicia UBND tinh", "Saukhi Thu tuéng CP ban hanh Chi thi"],
      ["", "chin chinh 1¢ 161 1am viéc.", "", "", "", ""],
      ["5", "Tang cuong thanh tra trdch nhiém nguoi dung dau", "Thanh tra tinh", "", "Ké hoach thanh tra", "Thuong xuyén"],
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.rows.map((x) => x.tt)).toEqual(["3", "4", "5"]);
    expect(r.rows[1]?.content).toBe("Trién khai Chi thi cta Thu tuong Chinh pha vé tang cuong ky cuong chin chinh 1¢ 161 1am viéc.");
    expect(r.rows.map((x) => parseDeadline(x.deadline, { planYear: 2026 }).kind)).toEqual(["recurring", "event", "ongoing"]);
    expect(parseLeadCell(r.rows[0]?.lead ?? "")).toMatchObject({ kind: "group", group: "all_departments_and_localities" });
  });
});
