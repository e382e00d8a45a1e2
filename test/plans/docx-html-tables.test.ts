import { describe, expect, it } from "vitest";
import { gridOfHtmlTable, tablesFromHtml } from "../../server/src/plans/readers/docx-table.reader.js";
import { blockFromGrid } from "../../server/src/plans/readers/task-table.grid.js";
import { rowsFromCells } from "../../server/src/plans/readers/task-table.rows.js";

const HEAD = "<tr><th>TT</th><th>Nội dung</th><th>Chủ trì</th><th>Phối hợp</th><th>Sản phẩm</th><th>Thời hạn</th></tr>";

describe("DOCX HTML tables (mammoth output)", () => {
  it("keeps paragraphs as lines, decodes entities later, ignores inline tags", () => {
    const [t] = tablesFromHtml("<p>x</p><table><tr><td><p><strong>A</strong> &amp; B</p><p>C<br />D</p></td></tr></table>");
    expect(t?.rows[0]?.[0]?.lines).toEqual(["A &amp; B", "C", "D"]);
  });

  it("lays out colspan and rowspan as merged cells; a lead merged down over two tasks belongs to both", () => {
    const html = `<table>${HEAD}` +
      `<tr><td colspan="6">I. VĂN BẢN</td></tr>` +
      `<tr><td>1</td><td>Việc một</td><td rowspan="2">Sở Nội vụ</td><td>Không</td><td>Báo cáo</td><td>Năm 2026</td></tr>` +
      `<tr><td>2</td><td>Việc hai</td><td>Không</td><td>Quyết định</td><td>Quý IV/2026</td></tr>` +
      `<tr><td rowspan="2">3</td><td>Việc ba,</td><td rowspan="2">Sở Tư pháp</td><td></td><td>Kế hoạch</td><td>Thường xuyên</td></tr>` +
      `<tr><td>phần tiếp</td><td></td><td></td><td></td></tr></table>`;
    const [t] = tablesFromHtml(html);
    if (!t) throw new Error("no table");
    const grid = gridOfHtmlTable(t);
    expect(grid.rows.map((r) => r.length)).toEqual([6, 6, 6, 6, 6, 6]);
    const r = rowsFromCells(blockFromGrid(grid).cells);
    expect(r.rows.map(({ tt, content, lead }) => ({ tt, content, lead }))).toEqual([
      { tt: "1", content: "Việc một", lead: "Sở Nội vụ" },
      { tt: "2", content: "Việc hai", lead: "Sở Nội vụ" },
      // TT merged down too: one task over two rows, the lead not repeated
      { tt: "3", content: "Việc ba, phần tiếp", lead: "Sở Tư pháp" },
    ]);
  });
});
