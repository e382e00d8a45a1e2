// What the demo's officers write in their reports: the four sections built from the report's own
// figures and breaches, an explanation for every data-quality flag, the receiving level's reasons
// and comments when it returns a report, and the correction that answers them. Pure: the same
// content and random stream give the same text.
import { formatNumberVi } from "../domain/format.js";
import type { Narrative } from "../domain/reports/narrative.js";
import type { QualityFlag } from "../domain/reports/quality.js";
import type { ReportContent } from "../reports/report.content.js";
import type { SeededRandom } from "./seeded-random.js";

const n = (x: number): string => formatNumberVi(x);
const pct = (x: number | null): string => (x === null ? "—" : `${formatNumberVi(x)} %`);

const GAPS = [
  "Một số văn bản vẫn gửi kèm bản giấy song song với bản điện tử.",
  "Việc số hóa hồ sơ, tài liệu lưu trữ còn chậm so với kế hoạch.",
  "Một số cuộc họp chuyên môn còn kéo dài, nội dung chưa thật sự cần thiết.",
  "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến toàn trình chưa cao.",
];
const CAUSES = [
  "Hạ tầng mạng và thiết bị ở một số bộ phận chưa đồng bộ, đường truyền có lúc gián đoạn.",
  "Một bộ phận cán bộ, công chức chưa thành thạo ký số và phần mềm quản lý văn bản.",
  "Khối lượng công việc tăng sau sắp xếp tổ chức bộ máy và đơn vị hành chính.",
  "Người dân ở vùng sâu, vùng xa còn quen nộp hồ sơ trực tiếp.",
];
const PROPOSALS = [
  "Đề nghị Sở Nội vụ tiếp tục tổ chức tập huấn kỹ năng ký số, xử lý văn bản trên môi trường điện tử.",
  "Đề nghị UBND tỉnh bố trí kinh phí nâng cấp hệ thống quản lý văn bản và điều hành.",
  "Đề nghị Sở Khoa học và Công nghệ hỗ trợ nâng cấp đường truyền cho các điểm cầu trực tuyến.",
  "Đề nghị cấp trên ban hành mẫu báo cáo thống nhất để giảm số liệu phải tổng hợp thủ công.",
];

/** The four sections of a report from its figures and breaches. */
export function writeNarrative(content: ReportContent, r: SeededRandom): Narrative {
  const f = content.figures;
  const docs = f.documents.administrative;
  const cut = docs.cut === null ? "" : docs.cut >= 0 ? `, giảm ${n(docs.cut)} % so với cùng kỳ năm trước` : `, tăng ${n(-docs.cut)} % so với cùng kỳ năm trước`;
  const results = [
    `Trong ${content.periodName}, ${content.org.name} ban hành ${n(docs.current)} văn bản hành chính${cut}.`,
    `Tổ chức ${n(f.conferences.total.current)} hội nghị, trong đó ${n(f.conferences.online)} hội nghị trực tuyến và ${n(f.conferences.hybrid)} hội nghị kết hợp (tỷ lệ trực tuyến ${pct(f.conferences.onlineShare)}).`,
    `Văn bản gửi trên môi trường điện tử đạt ${pct(f.digital.sentShare)}, số hóa đạt ${pct(f.digital.digitizedShare)}.`,
  ];
  if (f.tthc.received > 0) results.push(`Tiếp nhận ${n(f.tthc.received)} hồ sơ thủ tục hành chính, ${pct(f.tthc.share)} được xử lý trên môi trường số.`);
  const breaches = content.breaches;
  const shortcomings = breaches.length === 0
    ? `Các chỉ tiêu theo Kết luận 226-KL/TW cơ bản đạt. ${r.pick(GAPS)}`
    : `Chưa đạt ${breaches.length} chỉ tiêu: ${breaches.map((b) => `${b.id} (${b.title.charAt(0).toLowerCase()}${b.title.slice(1)})`).join("; ")}. ${r.pick(GAPS)}`;
  const causes = breaches.length === 0 ? r.pick(CAUSES) : `${r.pick(CAUSES)} Việc rà soát, cắt giảm văn bản và hội nghị chưa được thực hiện thường xuyên.`;
  return { ketQua: results.join(" "), hanChe: shortcomings, nguyenNhan: causes, kienNghi: r.pick(PROPOSALS) };
}

/** What a draft not yet sent holds: the results written so far, the rest still blank. */
export function writeDraftNarrative(periodName: string, orgName: string): Narrative {
  return { ketQua: `Dự thảo: tổng hợp kết quả thực hiện Kết luận 226-KL/TW ${periodName} của ${orgName} (đang rà soát số liệu).`, hanChe: "", nguyenNhan: "", kienNghi: "" };
}

const monthOf = (f: QualityFlag): string => {
  const m = String(f.details.month ?? "");
  return m.length >= 7 ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : "trong kỳ";
};

/** An explanation for every flag, by key. */
export function explainFlags(flags: readonly QualityFlag[], r: SeededRandom): Record<string, string> {
  return Object.fromEntries(flags.map((f) => {
    const month = monthOf(f);
    const holiday = /^0[12]\//.test(month) ? "trùng kỳ nghỉ Tết Nguyên đán" : "các văn bản trong tháng do cơ quan cấp trên trực tiếp ban hành";
    const text = f.kind === "empty_month"
      ? `Tháng ${month} đơn vị không ban hành văn bản hành chính do ${holiday}; đã đối chiếu với sổ đăng ký văn bản đi.`
      : f.kind === "outlier"
        ? Number(f.details.value ?? 0) > Number(f.details.median ?? 0)
          ? `Tháng ${month} tăng do ${r.pick(["triển khai sắp xếp tổ chức bộ máy", "tổng kết, đánh giá nhiệm vụ cuối kỳ", "triển khai các văn bản mới của cấp trên"])}; số liệu đã được đối chiếu với sổ.`
          : `Tháng ${month} giảm do ${r.pick(["trùng kỳ nghỉ lễ", "đơn vị tập trung thực hiện nhiệm vụ chuyên môn", "nhiều nội dung được xử lý qua hệ thống điều hành, không ban hành văn bản"])}; số liệu đã được đối chiếu với sổ.`
        : "Đã rà soát: chênh lệch do một số bản ghi nhập trùng hình thức tổ chức; đơn vị sẽ chỉnh sửa sổ trong kỳ sau.";
    return [f.key, text];
  }));
}

/** The receiving level's reason and comments when it returns a report. */
export function writeReturn(content: ReportContent): { reason: string; comments: Array<{ anchor: string; body: string }> } {
  const comments = [{ anchor: "section:nguyenNhan", body: "Nguyên nhân nêu còn chung chung; đề nghị phân tích cụ thể nguyên nhân chủ quan, khách quan và trách nhiệm của từng bộ phận." }];
  if (content.figures.conferences.total.current > 0) {
    comments.push({ anchor: "figure:conferences.online", body: "Đề nghị rà soát lại số hội nghị trực tuyến, đối chiếu với danh sách điểm cầu đã đăng ký." });
  }
  return { reason: "Đề nghị bổ sung phân tích nguyên nhân và đối chiếu số liệu hội nghị trước khi tổng hợp.", comments };
}

/** The corrected sections sent in answer to a return. */
export function correctNarrative(before: Narrative): Narrative {
  return {
    ...before,
    nguyenNhan: `${before.nguyenNhan} Nguyên nhân chủ quan: người đứng đầu một số bộ phận chưa quyết liệt chỉ đạo; nguyên nhân khách quan: yêu cầu báo cáo, hội nghị của cấp trên tăng trong kỳ.`,
    kienNghi: `${before.kienNghi} Đơn vị đã rà soát, đối chiếu lại số hội nghị trực tuyến với danh sách điểm cầu.`,
  };
}
