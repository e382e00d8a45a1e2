// Vietnamese text of the conference calendar (lịch hội nghị), in one place for review.
import { formatNumber } from "../../ui/format";

export const WEEKDAY_SHORT = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"] as const;
export const WEEKDAY_LONG = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"] as const;
export const MONTH_NAME = [
  "Tháng Một", "Tháng Hai", "Tháng Ba", "Tháng Tư", "Tháng Năm", "Tháng Sáu",
  "Tháng Bảy", "Tháng Tám", "Tháng Chín", "Tháng Mười", "Tháng Mười Một", "Tháng Mười Hai",
] as const;

const dm = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

export const CALENDAR_TEXT = {
  nav: "Lịch hội nghị",
  title: "Lịch hội nghị",
  subtitle: "Hội nghị của đơn vị và hội nghị đơn vị được mời; cảnh báo trùng lịch và dồn lịch (M9 — KL 226 §2.2)",
  monthTitle: (month: number, year: number) => `${MONTH_NAME[month - 1] ?? `Tháng ${month}`} năm ${year}`,
  weekTitle: (from: string, to: string) => `Tuần ${dm(from)} – ${dm(to)}/${to.slice(0, 4)}`,
  previousMonth: "‹ Tháng trước",
  nextMonth: "Tháng sau ›",
  previousWeek: "‹ Tuần trước",
  nextWeek: "Tuần sau ›",
  today: "Hôm nay",
  view: "Chế độ xem",
  month: "Tháng",
  week: "Tuần",
  loading: "Đang tải lịch…",
  empty: "Không có hội nghị nào trong khoảng này.",
  noConference: "Không có hội nghị",
  dayLabel: (weekday: string, day: string, count: number) => `${weekday} ${dm(day)}/${day.slice(0, 4)}, ${count === 0 ? "không có hội nghị" : `${count} hội nghị`}`,
  legend: "Chú thích",
  invited: "được mời",
  planned: "theo kế hoạch",
  unplanned: "ngoài kế hoạch",
  clashBadge: (n: number) => `Trùng lịch với ${n} hội nghị`,
  clashToggle: (title: string, n: number) => `Trùng lịch: xem ${n} hội nghị trùng với “${title}”`,
  clashSharedChair: (names: string[]) => `cùng người chủ trì: ${names.join(", ")}`,
  clashSharedUnit: (names: string[]) => `cùng đơn vị: ${names.join(", ")}`,
  clashPanel: "Hội nghị trùng lịch",
  clashPanelHint: "Hai hội nghị trùng giờ có cùng người chủ trì hoặc cùng đơn vị dự (chủ trì hoặc được mời).",
  clashSummary: (n: number) => `${formatNumber(n)} hội nghị trùng lịch trong khoảng đang xem`,
  chairs: "Chủ trì",
  noChair: "chưa ghi",
  host: "Đơn vị chủ trì",
  invitedUnits: "Đơn vị được mời",
  close: "Đóng",
  bunchingTitle: (year: number) => `Lịch hội nghị năm ${year} dồn vào đầu hoặc cuối năm`,
  bunchingShare: (year: number, total: number, start: { from: string; to: string; sharePercent: number }, end: { from: string; to: string; sharePercent: number }) =>
    `dồn lịch năm ${year}: ${formatNumber(total)} hội nghị (kể cả hội nghị trong kế hoạch chưa tổ chức); đầu năm (${dm(start.from)}–${dm(start.to)}) ${formatNumber(start.sharePercent)} %, cuối năm (${dm(end.from)}–${dm(end.to)}) ${formatNumber(end.sharePercent)} % — trong giới hạn.`,
  bunchingNotJudged: (year: number, total: number, min: number) => `dồn lịch năm ${year}: chưa đánh giá vì mới có ${formatNumber(total)} hội nghị (cần từ ${min}).`,
  feeds: "Đăng ký lịch (iCalendar)",
  feedsHint: "Thêm lịch hội nghị vào Outlook, Thunderbird, Google Calendar hay điện thoại: tạo đường dẫn rồi dán vào mục “Đăng ký lịch / Subscribe to calendar” của ứng dụng. Lịch gồm hội nghị từ 90 ngày trước đến 365 ngày tới.",
  feedUnit: (name: string) => `Tạo đường dẫn lịch của ${name}`,
  feedPerson: "Tạo đường dẫn lịch cá nhân",
  feedPersonHint: "Lịch cá nhân: hội nghị bạn chủ trì (theo họ tên tài khoản) và hội nghị đơn vị bạn chủ trì hoặc được mời.",
  feedCreated: "Đã tạo đường dẫn. Đường dẫn chỉ hiện một lần — hãy sao chép ngay. Ai có đường dẫn đều xem được lịch; nếu lộ, hãy thu hồi.",
  feedUrl: "Đường dẫn lịch",
  copy: "Sao chép",
  copied: "Đã sao chép",
  feedList: "Đường dẫn đang dùng",
  noFeeds: "Chưa có đường dẫn lịch nào.",
  feedKindUnit: (name: string) => `Lịch đơn vị: ${name}`,
  feedKindPerson: (name: string) => `Lịch cá nhân (${name})`,
  feedCreatedAt: (date: string) => `tạo ngày ${date}`,
  revoke: "Thu hồi",
  revokeTitle: "Thu hồi đường dẫn lịch?",
  revokeBody: "Ứng dụng lịch đang dùng đường dẫn này sẽ không nhận được lịch nữa. Không hoàn tác được.",
} as const;
