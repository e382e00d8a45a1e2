import { describe, expect, it } from "vitest";
import { checkPaperFile, cleanFileName, MAX_PAPER_BYTES } from "./paper-files.js";

const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

describe("conference paper files", () => {
  it.each([
    ["Chương trình.pdf", Buffer.from("%PDF-1.7\n..."), "application/pdf"],
    ["bao-cao.DOCX", zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["so-lieu.xlsx", zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["so-do.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "image/png"],
    ["anh.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg"],
  ])("accepts %s as %s", (name, content, type) => {
    expect(checkPaperFile(name, content)).toEqual({ ok: true, contentType: type });
  });

  it.each([
    ["virus.exe", Buffer.from("MZ"), /chỉ nhận tệp \.pdf, \.docx/],
    ["gia.pdf", Buffer.from("MZ không phải pdf"), /không phải định dạng \.pdf/],
    ["gia.docx", Buffer.from("%PDF-1.4"), /không phải định dạng \.docx/],
    ["rong.pdf", Buffer.alloc(0), /tệp rỗng/],
    ["lon.pdf", Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(MAX_PAPER_BYTES)]), /vượt quá 10 MB/],
  ])("refuses %s", (name, content, reason) => {
    const r = checkPaperFile(name, content);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("keeps only the base name, without control characters or quotes", () => {
    expect(cleanFileName("C:\\tai lieu\\Báo cáo \"số 1\".pdf")).toBe("Báo cáo số 1.pdf");
    expect(cleanFileName("../../etc/passwd\u0000.pdf")).toBe("passwd.pdf");
    expect(cleanFileName("  ")).toBe("tai-lieu");
  });
});
