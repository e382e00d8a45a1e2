import { describe, expect, it } from "vitest";
import { findTargets } from "./doc-targets.js";
import { readingView } from "./fold.js";

const targets = (s: string) => {
  const v = readingView(s);
  return findTargets(v, 0, v.text.length).map((t) => [t.percent, t.direction, t.indicator]);
};

describe("targets stated in a body (percent, direction, KL 226 indicator)", () => {
  it.each<[string, Array<[number, string, string | null]>]>([
    ["Hằng năm, giảm tối thiểu 15% số lượng văn bản hành chính ban hành so với năm trước.", [[15, "decrease", "D1"]]],
    ["Hang nam, giam tdi thiéu 10% sé luong hoi nghi duoc td chirc.", [[10, "decrease", "M1"]]],
    ["số lượng hội nghị trực tiếp chiếm không quá 40% và số lượng hội nghị trực tuyến chiếm không ít hơn 60% tổng số hội nghị", [[40, "at_most", null], [60, "at_least", "M2"]]],
    ["thực hiện xử lý thủ tục hành chính trên môi trường số và số hóa văn bản đạt từ 95% trở lên.", [[95, "at_least", "T1"], [95, "at_least", "D3"]]],
    ["100% văn bản ban hành (không chứa nội dung bí mật nhà nước) được truyền tải qua môi trường mạng.", [[100, "at_least", "D4"]]],
    ["tăng cường kiểm tra, giám sát 100% hồ sơ công việc được xử lý trên môi trường số", [[100, "at_least", null]]],
    ["Phát biểu khai mạc không quá 10 phút; thời gian họp không quá 1/2 ngày.", []],
  ])("%j", (text, expected) => {
    expect(targets(text)).toEqual(expected);
  });

  it("states each target once", () => {
    expect(targets("giảm 10% số lượng hội nghị; ... giảm tối thiểu 10% số lượng hội nghị, cuộc họp")).toEqual([[10, "decrease", "M1"]]);
  });
});
