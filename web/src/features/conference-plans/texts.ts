// Vietnamese text of the annual conference plan page (kế hoạch tổ chức hội nghị hằng năm, M7).
import { formatDate, formatNumber } from "../../ui/format";

export const CONFERENCE_PLAN_TEXT = {
  nav: "KH hội nghị",
  title: (year: number) => `Kế hoạch tổ chức hội nghị năm ${year}`,
  lead: "Đơn vị lập kế hoạch hội nghị đầu năm, đối chiếu ngay với chỉ tiêu năm (giảm 10%, trực tuyến ≥ 60%, định mức hội nghị toàn tỉnh/toàn xã) và ban hành đúng hạn.",
  year: "Năm kế hoạch",
  unit: "Đơn vị",

  // plan and deadline
  deadline: (date: string) => `Hạn ban hành: ${formatDate(date)}`,
  noPlan: "Đơn vị chưa lập kế hoạch tổ chức hội nghị năm này.",
  createPlan: (year: number) => `Lập kế hoạch năm ${year}`,
  draft: "Dự thảo — chưa ban hành",
  issued: (number: string | null, date: string) => `Đã ban hành: số ${number ?? "—"} ngày ${formatDate(date)}`,
  locked: "Kế hoạch đã ban hành nên không sửa được. Chưa hỗ trợ lập phiên bản mới của kế hoạch đã ban hành.",
  viewOnly: "Bạn chỉ có quyền xem kế hoạch của đơn vị này.",
  note: "Ghi chú",
  deletePlan: "Xóa dự thảo",
  confirmDeletePlanTitle: "Xóa dự thảo kế hoạch?",
  confirmDeletePlanBody: "Dự thảo và danh sách hội nghị dự kiến sẽ bị xóa; các hội nghị đã gắn với mục trong dự thảo trở thành hội nghị ngoài kế hoạch.",

  // planned conferences
  itemsTitle: "Danh sách hội nghị dự kiến",
  colTitle: "Tên hội nghị",
  colCategory: "Loại",
  colScope: "Quy mô",
  colFormat: "Hình thức",
  colWhen: "Thời gian dự kiến",
  colSessions: "Số buổi",
  colChair: "Chủ trì",
  colBlocs: "Khối được mời",
  colHeld: "Đã tổ chức",
  colActions: "Thao tác",
  month: (m: number) => `Tháng ${m}`,
  monthNone: "— Chọn tháng —",
  plannedMonth: "Tháng dự kiến",
  plannedDate: "Ngày dự kiến (nếu có)",
  sessionsHint: "buổi = 1/2 ngày",
  noItems: "Chưa có hội nghị nào trong kế hoạch.",
  add: "Thêm vào kế hoạch",
  addTitle: "Thêm hội nghị dự kiến",
  edit: "Sửa",
  save: "Lưu",
  cancel: "Hủy",
  delete: "Xóa",
  confirmDeleteItemTitle: "Xóa hội nghị khỏi kế hoạch?",
  confirmDeleteItemBody: (title: string) => `«${title}» sẽ bị xóa khỏi kế hoạch.`,
  needWhen: "Cần chọn tháng hoặc nhập ngày dự kiến",
  badDate: "Ngày phải có dạng dd/mm/yyyy",
  heldLink: (n: number) => `Hội nghị #${n}`,
  heldOn: (date: string) => `Ngày ${date}`,
  colScopeFormat: "Quy mô, hình thức",
  colChairBlocs: "Chủ trì, khối mời",
  notHeld: "Chưa tổ chức",
  rowFlag: (rules: string) => `Vi phạm: ${rules}`,

  // target check
  checkTitle: "Đối chiếu chỉ tiêu năm",
  checkLive: "Kiểm tra lại ngay khi danh sách thay đổi (kể cả dòng đang nhập).",
  checkOk: "Kế hoạch đạt các chỉ tiêu M1, M2, M3, M4.",
  countLine: (planned: number, allowed: number | null, last: number | null, cut: number): string =>
    allowed === null
      ? `Số hội nghị: ${formatNumber(planned)} — năm trước chưa có hội nghị nào được ghi nhận, chưa tính được mức giảm`
      : `Số hội nghị: ${formatNumber(planned)} / tối đa ${formatNumber(allowed)} (năm trước ${formatNumber(last ?? 0)}, giảm ít nhất ${formatNumber(cut)}%)`,
  onlineLine: (online: number, planned: number, share: number | null, target: number, hybrid: boolean) =>
    `Trực tuyến${hybrid ? " (kể cả kết hợp)" : ""}: ${formatNumber(online)}/${formatNumber(planned)}${share === null ? "" : ` = ${formatNumber(share)}%`} — cần ít nhất ${formatNumber(target)}%`,
  quotaLine: (province: number, provinceMax: number, commune: number, communeMax: number) =>
    `Toàn tỉnh: ${province}/${provinceMax} · Toàn xã: ${commune}/${communeMax} (không tính kỳ họp định kỳ)`,
  ruleLabel: "Quy định",
  sourceLabel: "Căn cứ",
  blocking: "Chưa đạt chỉ tiêu năm: muốn ban hành phải xác nhận",
  warning: "Cảnh báo",

  // issue dialog
  issue: "Ban hành kế hoạch",
  issueTitle: "Ban hành kế hoạch tổ chức hội nghị",
  issueNumber: "Số, ký hiệu",
  issueNumberHint: "Ví dụ: 12-KH/UBND",
  issuedOn: "Ngày ban hành",
  issueLate: (date: string) => `Sau hạn ${formatDate(date)}: kế hoạch sẽ được ghi nhận là ban hành chậm (M7).`,
  issueFindings: "Kế hoạch còn các vấn đề sau:",
  acknowledge: "Tôi đã xem các cảnh báo và vẫn ban hành kế hoạch",
  issueConfirm: "Ban hành",
  issueLockNote: "Sau khi ban hành, kế hoạch bị khóa, không sửa được.",
  issuedFlash: "Đã ban hành kế hoạch.",
  required: "Bắt buộc",

  // planned vs held
  progressTitle: "Kế hoạch và thực hiện trong năm",
  progressSummary: (planned: number, held: number, unplanned: number) =>
    `${formatNumber(held)}/${formatNumber(planned)} hội nghị trong kế hoạch đã tổ chức · ${formatNumber(unplanned)} hội nghị ngoài kế hoạch`,
  colMonth: "Tháng",
  colPlanned: "Dự kiến",
  colHeldPlanned: "Đã tổ chức theo kế hoạch",
  colUnplanned: "Ngoài kế hoạch",
  meetingsTitle: "Hội nghị đã tổ chức trong năm",
  unplannedBadge: "Ngoài kế hoạch",
  plannedBadge: "Theo kế hoạch",
  noMeetings: "Chưa có hội nghị nào trong năm.",
} as const;
