// Ratings as an Excel workbook: the ranking by peer group, and the basis of every criterion with
// the ids of the records behind it.
import ExcelJS from "exceljs";
import { CRITERION_LABELS } from "../domain/reports/rating.js";
import type { RatingsView } from "./rating.service.js";

const FONT = "Times New Roman";
const GROUP: Record<string, string> = { department: "Sở, ban, ngành", commune: "Xã, phường", province: "Tỉnh", office: "Phòng, ban", central: "Trung ương" };

export async function writeRatingsXlsx(v: RatingsView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "leloi";
  const criteria = v.settings.criteria.map((c) => c.id);
  const rank = wb.addWorksheet("Xếp loại");
  const title = rank.addRow([`Đánh giá, xếp loại thực hiện Kết luận 226-KL/TW năm ${v.year} (Quy định 366-QĐ/TW)`]);
  title.getCell(1).font = { name: FONT, size: 14, bold: true };
  const header = ["Nhóm", "Hạng", "Hạng năm trước", "Thay đổi", "Mã đơn vị", "Đơn vị", "Tổng điểm", "Xếp loại",
    ...criteria.map((c) => `${CRITERION_LABELS[c]} (điểm)`), "Lý do thay đổi thứ hạng"];
  const h = rank.addRow(header);
  h.eachCell((c) => { c.font = { name: FONT, size: 12, bold: true }; c.alignment = { wrapText: true, horizontal: "center", vertical: "middle" }; });
  rank.columns = header.map((_, i) => ({ width: i === 5 ? 40 : i === header.length - 1 ? 50 : 14 }));
  for (const r of v.rows) {
    const row = rank.addRow([
      GROUP[r.peerGroup] ?? r.peerGroup, r.rank, r.previousRank, r.rankChange, r.code, r.name, r.score, r.ratingLabel,
      ...criteria.map((c) => r.criteria.find((x) => x.id === c)?.points ?? null), r.changeReason,
    ]);
    row.eachCell((c) => { c.font = { name: FONT, size: 12 }; c.alignment = { wrapText: true, vertical: "top" }; });
  }
  const basis = wb.addWorksheet("Căn cứ");
  const bh = basis.addRow(["Mã đơn vị", "Đơn vị", "Tiêu chí", "Trọng số", "Điểm tiêu chí (0–100)", "Điểm quy đổi", "Căn cứ", "Bản ghi liên quan"]);
  bh.eachCell((c) => { c.font = { name: FONT, size: 12, bold: true }; });
  basis.columns = [14, 36, 34, 10, 14, 14, 60, 50].map((width) => ({ width }));
  for (const r of v.rows) {
    for (const c of r.criteria) {
      const refs = c.refs.filter((x) => x.ids.length > 0).map((x) => `${x.kind}: ${x.ids.join(", ")}`).join("; ");
      basis.addRow([r.code, r.name, c.label, c.weight, c.score, c.points, c.basis, refs]).eachCell((x) => { x.font = { name: FONT, size: 12 }; x.alignment = { wrapText: true, vertical: "top" }; });
    }
    for (const g of r.gates) basis.addRow([r.code, r.name, "Điều kiện xếp loại", null, null, null, g.text, g.passed ? "Đạt" : "Không đạt"]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
