// Shared Vietnamese wording: labels of the enumerations every feature shows (roles, levels,
// conference kinds) and the app-wide messages. Feature-specific text lives in each
// feature's texts.ts.
import { formatNumber } from "./format";

export const APP_TEXT = {
  appName: "leloi",
  appTagline: "Thực hiện Kết luận 226-KL/TW",
  skipToContent: "Bỏ qua, đến nội dung chính",
  loading: "Đang tải…",
  retry: "Thử lại",
  cancel: "Hủy",
  close: "Đóng",
  confirm: "Xác nhận",
  save: "Lưu",
  saving: "Đang lưu…",
  delete: "Xóa",
  deleted: "Đã xóa.",
  edit: "Sửa",
  back: "Quay lại",
  yes: "Có",
  no: "Không",
  all: "Tất cả",
  chooseFile: "Chọn tệp",
  noFile: "Chưa chọn tệp",
  forbiddenTitle: "Không có quyền truy cập đơn vị này",
  forbiddenBody: "Tài khoản của bạn chỉ được xem và thao tác trong phạm vi đơn vị mình và các đơn vị trực thuộc.",
  roleForbiddenTitle: "Không có quyền sử dụng chức năng này",
  roleForbiddenBody: "Vai trò của tài khoản không cho phép thao tác này. Hãy liên hệ quản trị viên nếu cần.",
  backToMyUnit: "Về đơn vị của tôi",
  notFoundTitle: "Không tìm thấy trang",
  notFoundBody: "Địa chỉ này không tồn tại hoặc đã được thay đổi.",
  goHome: "Về trang tổng quan",
  genericError: "Đã xảy ra lỗi",
  networkError: "Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.",
  unknownUnit: "Không tìm thấy đơn vị",
} as const;

export const ROLE_LABEL: Record<string, string> = {
  admin: "Quản trị viên",
  aggregator: "Tổng hợp",
  officer: "Cán bộ nhập liệu",
  viewer: "Chỉ xem",
};

export const LEVEL_LABEL: Record<string, string> = {
  central: "Trung ương",
  province: "Cấp tỉnh",
  department: "Sở, ban, ngành",
  commune: "Cấp xã",
  office: "Phòng, bộ phận",
};

export const BLOC_LABEL: Record<string, string> = { party: "Khối Đảng", state: "Khối Nhà nước", front: "Mặt trận, đoàn thể" };

export const CATEGORY_LABEL: Record<string, string> = {
  quan_triet: "Quán triệt, phổ biến",
  chuyen_mon: "Chuyên môn, nghiệp vụ",
  quan_trong: "Quan trọng, cần thảo luận",
  dinh_ky: "Kỳ họp định kỳ",
  khac: "Khác",
};

export const SCOPE_LABEL: Record<string, string> = { toan_tinh: "Toàn tỉnh", toan_xa: "Toàn xã", nganh: "Ngành", noi_bo: "Nội bộ" };

export const FORMAT_LABEL: Record<string, string> = { truc_tiep: "Trực tiếp", truc_tuyen: "Trực tuyến", ket_hop: "Kết hợp" };

/** Label of an enumeration value, or the value itself when unknown. */
export function labelOf(labels: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return labels[value] ?? value;
}

export const NAV_TEXT = {
  main: "Điều hướng chính",
  dashboard: "Tổng quan",
  documents: "Sổ văn bản",
  meetings: "Hội nghị",
  imports: "Nhập dữ liệu",
  users: "Quản lý tài khoản",
  account: "Tài khoản",
  userMenu: (name: string, role: string) => `${name}, ${role}`,
} as const;

export const PAGER_TEXT = {
  first: "« Trang đầu",
  previous: "‹ Trang trước",
  next: "Trang sau ›",
  page: (page: number, pages: number | null) => (pages === null ? `Trang ${formatNumber(page)}` : `Trang ${formatNumber(page)}/${formatNumber(pages)}`),
  total: (total: number, exact: boolean, noun: string) => `${exact ? "" : "Hơn "}${formatNumber(total)} ${noun}`,
  nav: "Phân trang",
} as const;
