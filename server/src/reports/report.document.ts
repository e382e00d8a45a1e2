// What the exported documents say, shared by the DOCX and XLSX writers: the header of the
// issuing unit, number, place and date, title, "Kính gửi", "Nơi nhận", signature, and the
// statistical tables as rows of text and numbers (kl226-rules.md §4 report content).
import type { AppContext } from "../context.js";
import { formatNumberVi } from "../domain/format.js";
import { D2_LABELS, D2_ORDER, type ReportFigures } from "../domain/reports/figures.js";
import type { Narrative } from "../domain/reports/narrative.js";
import type { QualityFlag } from "../domain/reports/quality.js";
import { localDay } from "../domain/reports/report-dates.js";
import type { ReportContent } from "./report.content.js";
import type { ReportMeta } from "./report.presenter.js";

/** Everything a writer needs; `draft` marks a document that was not submitted. */
export type ReportDocument = {
  bloc: string;
  parentName: string | null;
  issuerName: string;
  number: string;
  place: string;
  dateText: string;
  title: string;
  subtitle: string;
  recipient: string | null;
  via: string | null;
  content: ReportContent;
  narrative: Narrative;
  flags: Array<QualityFlag & { explanation: string | null }>;
  signerTitle: string;
  signerName: string;
  recipients: string[];
  draft: boolean;
  /** the combined report of the subtree: its tables are the totals, then the per-unit table */
  combined: boolean;
  fileBase: string;
};

/** A table: header, rows of cells (text or number, null = "—"), numeric columns right-aligned. */
export type ReportTable = { title: string; header: string[]; rows: Array<Array<string | number | null>> };

const upper = (s: string) => s.toLocaleUpperCase("vi");
const DEFAULT_SIGNER: Record<string, string> = { commune: "CHỦ TỊCH", province: "CHỦ TỊCH", department: "GIÁM ĐỐC", office: "TRƯỞNG PHÒNG" };

/** The place name of a unit: its province's name without "Tỉnh"/"Thành phố". */
function placeOf(ctx: AppContext, orgId: number): string {
  const province = [...ctx.orgs.ancestors(orgId)].reverse().find((o) => o.level === "province" && o.bloc === "state");
  return province ? province.name.replace(/^(Tỉnh|Thành phố)\s+/i, "") : "";
}

export function buildReportDocument(ctx: AppContext, input: {
  orgId: number; recipientOrgId: number | null; via: string | null; content: ReportContent; narrative: Narrative; meta: ReportMeta;
  flags: Array<QualityFlag & { explanation: string | null }>; at: Date; draft: boolean; utcOffsetMinutes: number; combined?: boolean;
}): ReportDocument {
  const org = ctx.orgs.get(input.orgId);
  const parent = org?.parent_id ? ctx.orgs.get(org.parent_id) : undefined;
  const day = localDay(input.at, input.utcOffsetMinutes);
  const place = input.meta.place ?? placeOf(ctx, input.orgId);
  const isParty = org?.bloc === "party";
  const code = org?.code ?? "";
  const blank = "      ";
  return {
    bloc: org?.bloc ?? "state",
    parentName: parent && parent.level !== "central" ? upper(parent.name) : null,
    issuerName: upper(org?.name ?? ""),
    number: input.meta.number ? `Số: ${input.meta.number}` : isParty ? `Số ${blank}-BC/${code}` : `Số: ${blank}/BC-${code}`,
    place,
    dateText: `${place ? `${place}, ` : ""}ngày ${Number(day.slice(8, 10))} tháng ${Number(day.slice(5, 7))} năm ${day.slice(0, 4)}`,
    title: "BÁO CÁO",
    subtitle: input.combined
      ? `Tổng hợp kết quả thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về chấn chỉnh lề lối làm việc ${input.content.periodName} của ${org?.name ?? ""} và các đơn vị báo cáo`
      : `Kết quả thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về chấn chỉnh lề lối làm việc ${input.content.periodName}`,
    recipient: input.recipientOrgId === null ? null : (ctx.orgs.get(input.recipientOrgId)?.name ?? null),
    via: input.via,
    content: input.content,
    narrative: input.narrative,
    flags: input.flags,
    signerTitle: upper(input.meta.signerTitle ?? (isParty ? "T/M BAN THƯỜNG VỤ" : (DEFAULT_SIGNER[org?.level ?? ""] ?? "THỦ TRƯỞNG CƠ QUAN"))),
    signerName: input.meta.signerName ?? "",
    recipients: input.meta.recipients ?? ["Như trên", "Lưu: VT"],
    draft: input.draft,
    combined: input.combined ?? false,
    fileBase: `${input.combined ? "bao-cao-tong-hop" : "bao-cao"}-${code}-${input.content.period}`,
  };
}

/** What the titles of a combined report's tables add: their figures are the totals of the unit and the accepted reports. */
export const COMBINED_SUFFIX = " (tổng hợp: số liệu của đơn vị và các báo cáo đã tiếp nhận)";

/** The statistical tables of a report (figures of the unit itself; of a combined report, the
 * totals — `suffix` says so in every title). */
export function figureTables(f: ReportFigures, withBreakdown: ReportContent["breakdown"], suffix = ""): ReportTable[] {
  const tables: ReportTable[] = [
    {
      title: "Văn bản ban hành theo loại",
      header: ["Loại văn bản", "Kỳ này", "Cùng kỳ năm trước", "Tỷ lệ giảm (%)"],
      rows: [
        ...D2_ORDER.map((b) => [D2_LABELS[b], f.documents.byType[b].current, f.documents.byType[b].previous, f.documents.byType[b].cut]),
        ["Cộng văn bản hành chính", f.documents.administrative.current, f.documents.administrative.previous, f.documents.administrative.cut],
        ["Văn bản quy phạm pháp luật", f.documents.legalNormative.current, f.documents.legalNormative.previous, f.documents.legalNormative.cut],
        ["Tổng số văn bản", f.documents.total.current, f.documents.total.previous, f.documents.total.cut],
      ],
    },
    {
      title: "Hội nghị, cuộc họp (không tính kỳ họp định kỳ)",
      header: ["Nội dung", "Kỳ này", "Cùng kỳ năm trước", "Tỷ lệ giảm (%)"],
      rows: [
        ["Tổng số hội nghị", f.conferences.total.current, f.conferences.total.previous, f.conferences.total.cut],
        ["Tổ chức trực tiếp", f.conferences.inPerson, null, null],
        ["Tổ chức trực tuyến", f.conferences.online, null, null],
        ["Kết hợp trực tiếp và trực tuyến", f.conferences.hybrid, null, null],
        [f.conferences.hybridCountsAsOnline ? "Tỷ lệ trực tuyến, kể cả kết hợp (%)" : "Tỷ lệ trực tuyến (%)", f.conferences.onlineShare, null, null],
      ],
    },
    {
      title: "Ứng dụng công nghệ thông tin, chuyển đổi số",
      header: ["Nội dung", "Số lượng", "Tỷ lệ (%)"],
      rows: [
        ["Hồ sơ thủ tục hành chính tiếp nhận", f.tthc.received, null],
        ["Hồ sơ TTHC xử lý trên môi trường số", f.tthc.processedDigitally, f.tthc.share],
        ["Văn bản không mật", f.digital.nonSecret, null],
        ["Văn bản được số hóa", f.digital.digitized, f.digital.digitizedShare],
        ["Văn bản gửi dưới dạng điện tử", f.digital.sentElectronically, f.digital.sentShare],
      ],
    },
    {
      title: "Thực hiện nhiệm vụ được giao",
      header: ["Nội dung", "Số lượng"],
      rows: [
        ["Nhiệm vụ đến hạn trong kỳ", f.tasks.due],
        ["Hoàn thành đúng hạn", f.tasks.doneOnTime],
        ["Hoàn thành quá hạn", f.tasks.doneLate],
        ["Quá hạn chưa hoàn thành", f.tasks.overdue],
        ["Chưa đến hạn", f.tasks.notYetDue],
      ],
    },
  ];
  for (const t of tables) t.title += suffix;
  if (withBreakdown) tables.push(breakdownTable(withBreakdown));
  return tables;
}

/** Per-unit table of a combined report, the unit's own row and the totals last. */
export function breakdownTable(b: NonNullable<ReportContent["breakdown"]>): ReportTable {
  const row = (name: string, status: string, f: ReportFigures | null): Array<string | number | null> => [
    name, status,
    f?.documents.administrative.current ?? null, f?.documents.administrative.previous ?? null, f?.documents.administrative.cut ?? null,
    f?.conferences.total.current ?? null, f?.conferences.onlineShare ?? null, f?.tthc.share ?? null, f?.digital.sentShare ?? null,
  ];
  const label: Record<string, string> = { accepted: "Đã tiếp nhận", submitted: "Chờ tiếp nhận", returned: "Bị trả lại", late: "Chưa gửi (quá hạn)", due: "Chưa gửi", not_due: "Chưa đến kỳ" };
  return {
    title: `Tổng hợp theo đơn vị (${b.accepted}/${b.expected} báo cáo đã tiếp nhận)`,
    header: ["Đơn vị", "Tình trạng báo cáo", "VB hành chính kỳ này", "Cùng kỳ năm trước", "Tỷ lệ giảm (%)", "Số hội nghị", "Trực tuyến (%)", "TTHC xử lý số (%)", "VB gửi điện tử (%)"],
    rows: [
      ...b.units.map((u) => row(u.name, label[u.status] ?? u.status, u.figures)),
      row("Đơn vị tổng hợp (số liệu của đơn vị)", "", b.own),
      row("Tổng cộng", "", b.combined),
    ],
  };
}

/** The indicator table: id, rule, value, target, assessment. */
export function indicatorTable(content: ReportContent): ReportTable {
  return {
    title: "Kết quả các chỉ tiêu Kết luận 226-KL/TW",
    header: ["Mã", "Chỉ tiêu", "Kết quả", "Chỉ tiêu giao", "Đánh giá"],
    rows: Object.entries(content.indicators)
      .filter(([, i]) => typeof i.value === "number" || i.value === null)
      .map(([id, i]) => [id, String(i.title ?? id), typeof i.value === "number" ? i.value : null, i.target, i.met === true ? "Đạt" : i.met === false ? "Chưa đạt" : "—"]),
  };
}

/** A cell as text: numbers the Vietnamese way, null as "—". */
export const cellText = (v: string | number | null): string => (v === null ? "—" : typeof v === "number" ? formatNumberVi(v) : v);
