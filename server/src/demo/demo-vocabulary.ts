// Words the demo registers are made of: subjects (trích yếu), conference titles and people's
// names that read like a real province's registers, so the demo looks like the real thing.
import type { SeededRandom } from "./seeded-random.js";

/** Topics every unit writes about in 2025–2026. `{y}` is the year of the document. */
export const COMMON_TOPICS: readonly string[] = [
  "thực hiện Kết luận số 226-KL/TW của Ban Bí thư về tiếp tục đổi mới phương pháp, phong cách làm việc",
  "giảm văn bản, giấy tờ hành chính và hội nghị, cuộc họp năm {y}",
  "chuyển đổi số, phát triển chính quyền số năm {y}",
  "cải cách hành chính năm {y}",
  "thực hiện Nghị quyết số 57-NQ/TW về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
  "vận hành chính quyền địa phương hai cấp",
  "phòng, chống thiên tai và tìm kiếm cứu nạn năm {y}",
  "thực hành tiết kiệm, chống lãng phí năm {y}",
  "công tác dân vận của hệ thống chính trị năm {y}",
  "phong trào thi đua \"Cả nước chung tay xóa nhà tạm, nhà dột nát\"",
  "bảo đảm an toàn, an ninh mạng trong cơ quan nhà nước",
  "tiếp công dân, giải quyết khiếu nại, tố cáo",
  "phòng, chống tham nhũng, tiêu cực năm {y}",
  "đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức năm {y}",
  "lập dự toán ngân sách nhà nước năm {y}",
  "tổ chức các hoạt động kỷ niệm ngày lễ lớn năm {y}",
];

/** Topics particular to a kind of unit, by org code (departments) or kind. */
export const UNIT_TOPICS: Readonly<Record<string, readonly string[]>> = {
  SNV: ["sắp xếp tổ chức bộ máy các cơ quan chuyên môn", "tinh giản biên chế", "tuyển dụng công chức cấp xã năm {y}", "thi đua, khen thưởng năm {y}", "chế độ, chính sách đối với cán bộ nghỉ việc do sắp xếp bộ máy"],
  STC: ["giao dự toán ngân sách năm {y}", "quyết toán ngân sách năm {p}", "giải ngân vốn đầu tư công năm {y}", "quản lý tài sản công sau sắp xếp", "phát triển doanh nghiệp và kinh tế tư nhân"],
  SXD: ["quản lý chất lượng công trình xây dựng", "quy hoạch chung đô thị", "bảo trì quốc lộ 2 và quốc lộ 37", "phát triển nhà ở xã hội", "cấp giấy phép xây dựng"],
  SNNMT: ["phòng, chống dịch tả lợn châu Phi", "cấp giấy chứng nhận quyền sử dụng đất", "bảo vệ và phát triển rừng năm {y}", "chương trình mục tiêu quốc gia xây dựng nông thôn mới", "quản lý khai thác khoáng sản"],
  SYT: ["tiêm chủng mở rộng năm {y}", "phòng, chống sốt xuất huyết", "bảo hiểm y tế toàn dân", "an toàn thực phẩm Tết Nguyên đán", "khám, chữa bệnh từ xa"],
  SGDDT: ["tuyển sinh vào lớp 10 năm học {y}-{n}", "kỳ thi tốt nghiệp trung học phổ thông năm {y}", "sắp xếp điểm trường", "bồi dưỡng học sinh giỏi cấp tỉnh", "xây dựng trường đạt chuẩn quốc gia"],
  SKHCN: ["chuyển đổi số cấp xã", "nhiệm vụ khoa học và công nghệ cấp tỉnh năm {y}", "nền tảng số dùng chung của tỉnh", "hạ tầng viễn thông vùng lõm sóng", "sở hữu trí tuệ và chỉ dẫn địa lý"],
  SVHTTDL: ["Lễ hội Thành Tuyên năm {y}", "bảo tồn di tích quốc gia đặc biệt Tân Trào", "phát triển du lịch cộng đồng", "Đại hội Thể dục thể thao các cấp", "Công viên địa chất toàn cầu UNESCO Cao nguyên đá Đồng Văn"],
  SCT: ["bình ổn thị trường dịp Tết", "chương trình OCOP năm {y}", "an toàn điện mùa mưa bão", "xúc tiến thương mại nông sản", "quản lý cụm công nghiệp"],
  STP: ["thẩm định dự thảo văn bản quy phạm pháp luật", "phổ biến, giáo dục pháp luật năm {y}", "đăng ký hộ tịch điện tử", "trợ giúp pháp lý cho đồng bào dân tộc thiểu số", "rà soát văn bản quy phạm pháp luật sau sắp xếp"],
  SDTTG: ["Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số", "công tác tôn giáo năm {y}", "chính sách đối với người có uy tín"],
  TTT: ["thanh tra trách nhiệm thực hiện pháp luật về tiếp công dân", "kế hoạch thanh tra năm {y}", "kê khai tài sản, thu nhập năm {y}"],
  VPUBND: ["chương trình công tác của UBND tỉnh năm {y}", "kiểm soát thủ tục hành chính", "vận hành hệ thống quản lý văn bản và điều hành", "Trung tâm Phục vụ hành chính công tỉnh"],
  province: ["phát triển kinh tế - xã hội năm {y}", "thu hút đầu tư vào tỉnh", "sắp xếp đơn vị hành chính cấp xã", "xây dựng nông thôn mới năm {y}", "quy hoạch tỉnh thời kỳ 2021-2030"],
  commune: ["thu ngân sách trên địa bàn xã năm {y}", "xóa nhà tạm, nhà dột nát trên địa bàn", "giải phóng mặt bằng dự án đường liên xã", "tiêm phòng vắc xin cho đàn gia súc, gia cầm", "tuyển chọn công dân nhập ngũ năm {y}", "thu gom rác thải sinh hoạt", "cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình"],
  party: ["công tác xây dựng Đảng năm {y}", "học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII", "kiểm tra, giám sát của cấp ủy năm {y}", "phát triển đảng viên năm {y}", "công tác tuyên truyền năm {y}"],
  front: ["cuộc vận động \"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh\"", "Quỹ \"Vì người nghèo\" năm {y}", "giám sát và phản biện xã hội năm {y}", "Ngày hội Đại đoàn kết toàn dân tộc năm {y}"],
};

/** Trích yếu templates by document type; `{t}` is a topic. */
const SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  CV: ["V/v triển khai {t}", "V/v đôn đốc thực hiện {t}", "V/v hướng dẫn {t}", "V/v góp ý dự thảo văn bản về {t}", "V/v báo cáo kết quả {t}", "V/v tăng cường {t}", "V/v rà soát, cung cấp thông tin về {t}", "V/v đề nghị phối hợp {t}"],
  QĐ: ["Về việc phê duyệt kế hoạch {t}", "Về việc kiện toàn Ban Chỉ đạo {t}", "Về việc ban hành Quy chế {t}", "Về việc khen thưởng thành tích {t}", "Về việc giao chỉ tiêu {t}", "Về việc thành lập Tổ công tác {t}"],
  KH: ["Triển khai thực hiện {t}", "Kiểm tra {t}", "Tổ chức thực hiện {t}", "Tuyên truyền {t}"],
  TB: ["Kết luận của lãnh đạo tại cuộc họp về {t}", "Thông báo kết quả {t}", "Phân công nhiệm vụ {t}"],
  BC: ["Kết quả {t} {q}", "Tình hình {t} {q}", "Sơ kết {t} {q}"],
  TTr: ["Đề nghị phê duyệt {t}", "Đề nghị ban hành kế hoạch {t}", "Đề nghị bổ sung kinh phí {t}"],
  NQ: ["Về {t}", "Về lãnh đạo {t}"],
  KL: ["Kết luận của Ban Thường vụ về {t}"],
  HD: ["Hướng dẫn {t}"],
  CTr: ["Chương trình hành động {t}"],
  TT: ["Thông tri về {t}"],
};

const QUARTER = ["quý I", "quý II", "quý III", "quý IV"];

/** Fill a topic's year placeholders from the document's day: {y} year, {p} previous, {n} next. */
function fillYears(text: string, year: number): string {
  return text.replaceAll("{y}", String(year)).replaceAll("{p}", String(year - 1)).replaceAll("{n}", String(year + 1));
}

/** A subject (trích yếu) for a document of `type` issued on `day` about one of `topics`. */
export function documentSubject(rng: SeededRandom, type: string, topics: readonly string[], day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const topic = fillYears(rng.chance(0.55) ? rng.pick(topics) : rng.pick(COMMON_TOPICS), year);
  const template = rng.pick(SUBJECTS[type] ?? SUBJECTS.CV ?? ["{t}"]);
  // a report is about the period just ended
  const q = month === 1 ? `năm ${year - 1}` : rng.chance(0.5) ? `tháng ${month - 1}/${year}` : `${QUARTER[Math.floor((month - 2) / 3)] ?? "quý I"} năm ${year}`;
  // a topic that already names its year needs no period after it
  return template.replace("{t}", topic).replace(topic.includes(`năm ${year}`) ? " {q}" : "{q}", topic.includes(`năm ${year}`) ? "" : q);
}

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Ma", "Hà", "Nông", "Triệu", "Quan", "Lương", "Chẩu", "Lý"];
const MALE = [["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành"], ["Hùng", "Tuấn", "Dũng", "Hải", "Thắng", "Bình", "Sơn", "Trung", "Cường", "Long", "Phúc", "Quyết", "Việt", "Toàn", "Khánh"]] as const;
const FEMALE = [["Thị", "Thu", "Ngọc", "Thanh", "Minh"], ["Lan", "Hương", "Hoa", "Thủy", "Nga", "Hạnh", "Thảo", "Hằng", "Mai", "Yến", "Huyền"]] as const;

/** A plausible Vietnamese full name (họ, đệm, tên). */
export function personName(rng: SeededRandom): string {
  const [middles, givens] = rng.chance(0.6) ? MALE : FEMALE;
  return `${rng.pick(SURNAMES)} ${rng.pick(middles)} ${rng.pick(givens)}`;
}

/** Documents most often disseminated at quán triệt conferences in 2025–2026. */
const DISSEMINATED = [
  "Kết luận số 226-KL/TW của Ban Bí thư",
  "Nghị quyết số 57-NQ/TW của Bộ Chính trị",
  "Nghị quyết số 66-NQ/TW về đổi mới công tác xây dựng và thi hành pháp luật",
  "Nghị quyết số 68-NQ/TW về phát triển kinh tế tư nhân",
  "Nghị quyết số 71-NQ/TW về đột phá phát triển giáo dục và đào tạo",
  "Nghị quyết số 72-NQ/TW về tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân",
  "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII",
  "Chỉ thị số 45-CT/TW về đại hội đảng bộ các cấp",
];

const QUARTERS = ["I", "II", "III", "IV"];

/** A year is reviewed at its end (from November) or early in the next one. */
function reviewOfYear(year: number, month: number): string {
  const reviewed = month >= 11 ? year : year - 1;
  return `Hội nghị tổng kết công tác năm ${reviewed}, triển khai nhiệm vụ năm ${reviewed + 1}`;
}

/** The first half is reviewed from June to September; otherwise the quarter just ended. */
function reviewOfPart(year: number, month: number): string {
  if (month >= 6 && month <= 9) return `Hội nghị sơ kết 6 tháng đầu năm ${year}`;
  const quarter = Math.ceil(month / 3) - 1; // the quarter before this month's, 0 = the last of the year before
  return quarter === 0 ? `Hội nghị sơ kết công tác quý IV năm ${year - 1}` : `Hội nghị sơ kết công tác quý ${QUARTERS[quarter - 1]} năm ${year}`;
}

/** A conference title (tên hội nghị) of a category, for a unit, on a day. */
export function meetingTitle(rng: SeededRandom, category: string, topics: readonly string[], day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const topic = fillYears(rng.pick(topics), year);
  switch (category) {
    case "quan_triet":
      return `Hội nghị quán triệt, triển khai ${rng.pick(DISSEMINATED)}`;
    case "quan_trong":
      return rng.pick([
        reviewOfYear(year, month),
        reviewOfPart(year, month),
        `Hội nghị đánh giá kết quả ${topic}`,
        `Hội nghị đối thoại với Nhân dân về ${topic}`,
      ]);
    case "dinh_ky":
      return rng.pick([`Họp giao ban tháng ${month}/${year}`, `Phiên họp thường kỳ tháng ${month}/${year}`, `Hội nghị giao ban công tác tháng ${month}/${year}`]);
    case "khac":
      return rng.pick([`Hội nghị tiếp xúc cử tri`, `Gặp mặt kỷ niệm ngày truyền thống`, `Hội nghị lấy ý kiến về ${topic}`]);
    default:
      return rng.pick([`Họp chuyên môn về ${topic}`, `Hội nghị tập huấn ${topic}`, `Hội nghị triển khai ${topic}`, `Họp bàn giải pháp ${topic}`]);
  }
}
