import type { DemoAccount } from "./demo.types.js";
import { MERGED_COMMUNE, PROVINCE_CODE } from "./demo-province.js";

/** The one password of every demo account — documented in the README, never for production. */
export const DEMO_PASSWORD = "demo1234";

/** Accounts created with the demo province, listed in the README. The aggregator works at
 * Sở Nội vụ but is attached to the province: a role sees only its own unit's subtree, and the
 * provincial summary needs the whole province. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: "admin.tq", password: DEMO_PASSWORD, fullName: "Quản trị hệ thống tỉnh Tuyên Quang", role: "admin", orgCode: PROVINCE_CODE,
    description: "Quản trị viên của tỉnh: quản lý đơn vị, tài khoản, cấu hình chỉ tiêu, xem nhật ký",
  },
  {
    username: "snv.tonghop", password: DEMO_PASSWORD, fullName: "Hoàng Thị Thu Hà", role: "aggregator", orgCode: PROVINCE_CODE,
    description: "Chuyên viên Sở Nội vụ tổng hợp số liệu Kết luận 226 của toàn tỉnh (phạm vi: cả tỉnh)",
  },
  {
    username: "lanhdao.tinh", password: DEMO_PASSWORD, fullName: "Nguyễn Văn Sơn", role: "viewer", orgCode: PROVINCE_CODE,
    description: "Lãnh đạo UBND tỉnh: chỉ xem bảng chỉ tiêu của toàn tỉnh và từng đơn vị",
  },
  {
    username: "syt.vanthu", password: DEMO_PASSWORD, fullName: "Ma Thị Hạnh", role: "officer", orgCode: "SYT",
    description: "Văn thư Sở Y tế: nhập sổ văn bản, hội nghị và số liệu TTHC của Sở",
  },
  {
    username: "xa.kienthiet", password: DEMO_PASSWORD, fullName: "Triệu Văn Long", role: "officer", orgCode: MERGED_COMMUNE.code,
    description: "Công chức Văn phòng HĐND và UBND xã Kiến Thiết (xã hợp nhất từ 3 xã cũ ngày 01/7/2025)",
  },
  {
    // an account of the commune itself in a submitting role: only such an account sends the
    // commune's periodic reports (reporting.submitRoles); the officer above prepares them
    username: "xa.kienthiet.lanhdao", password: DEMO_PASSWORD, fullName: "Hoàng Văn Thái", role: "aggregator", orgCode: MERGED_COMMUNE.code,
    description: "Lãnh đạo UBND xã Kiến Thiết: duyệt và gửi báo cáo định kỳ của xã lên Sở Nội vụ",
  },
];
