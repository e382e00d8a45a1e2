import type { DemoAccount } from "./demo.types.js";
import { MERGED_COMMUNE, PARTY_CODE, PROVINCE_CODE } from "./demo-province.js";

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

/** Who receives and decides the reports addressed to a unit, by the receiving unit's code: Sở
 * Nội vụ's aggregator for the departments and communes, the Tỉnh ủy's office for its Party
 * bodies, the Province's office for Sở Nội vụ's own reports. */
export const DEMO_REVIEWERS: Readonly<Record<string, string>> = { SNV: "snv.tonghop", [PARTY_CODE]: "vptu.tonghop", [PROVINCE_CODE]: "vpubnd.tonghop" };

/** The demo accounts that prepare (`preparer`) and send (`submitter`) a unit's reports; other
 * units' heads prepare and send their own. */
export const DEMO_REPORTERS: Readonly<Record<string, { preparer: string; submitter: string }>> = {
  [MERGED_COMMUNE.code]: { preparer: "xa.kienthiet", submitter: "xa.kienthiet.lanhdao" },
  SYT: { preparer: "syt.vanthu", submitter: "lanhdao.syt" },
};

/** The account of a unit's head that sends its reports in the demo's history. */
export const headUsername = (orgCode: string): string => `lanhdao.${orgCode.toLowerCase().replace(/_/g, "-")}`;

/** Accounts that only sign the demo's report history (heads of units, the receiving offices):
 * created disabled, so nobody signs in with them until an administrator enables them. */
export function historyAccounts(heads: ReadonlyArray<{ orgCode: string; name: string }>): Array<Omit<DemoAccount, "password">> {
  return [
    ...heads.map((h) => ({ username: headUsername(h.orgCode), fullName: h.name, role: "aggregator" as const, orgCode: h.orgCode, description: "Lãnh đạo đơn vị: duyệt và gửi báo cáo định kỳ" })),
    { username: "vptu.tonghop", fullName: "Lý Thị Minh Phương", role: "aggregator", orgCode: PARTY_CODE, description: "Chuyên viên Văn phòng Tỉnh ủy: tiếp nhận báo cáo của các cơ quan Đảng" },
    { username: "vpubnd.tonghop", fullName: "Quan Văn Đức", role: "aggregator", orgCode: PROVINCE_CODE, description: "Chuyên viên Văn phòng UBND tỉnh: tiếp nhận báo cáo của Sở Nội vụ" },
  ];
}
