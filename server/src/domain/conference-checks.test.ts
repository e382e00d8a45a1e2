import { describe, it, expect } from "vitest";
import { checkConference } from "./conference-checks.js";
import type { ConferenceInput, Finding } from "./conference-checks.js";
import { KL226_DEFAULTS, resolveSettings } from "./settings.js";
import { DomainError } from "./errors.js";

const at = (local: string): Date => new Date(`${local}:00+07:00`);

/** A compliant half-day in-house dissemination conference; override what a case needs. */
function buildConference(overrides: Partial<ConferenceInput> = {}): ConferenceInput {
  return {
    category: "quan_triet", scope: "noi_bo", format: "truc_tuyen",
    start: at("2026-03-02T08:00"), end: at("2026-03-02T11:30"),
    openingMin: 10, conclusionMin: 50, maxContributionMin: 10, exceptionDecision: null,
    ...overrides,
  };
}

type Case = [string, Partial<ConferenceInput>, number, Array<Partial<Finding>>];

describe("checkConference", () => {
  it.each<Case>([
    ["compliant conference", {}, 0, []],
    // M4
    ["quán triệt over ½ day", { end: at("2026-03-02T17:00") }, 0, [{
      rule: "M4", severity: "warning", field: "end", limit: 1, actual: 2,
      message: "Hội nghị quán triệt không quá 1/2 ngày (1 buổi); hội nghị này kéo dài 2 buổi — KL 226 §2.2",
    }]],
    ["quán triệt ending exactly at noon", { end: at("2026-03-02T12:00") }, 0, []],
    ["chuyên môn full day is fine", { category: "chuyen_mon", end: at("2026-03-02T17:00") }, 0, []],
    ["chuyên môn over 1 day", { category: "chuyen_mon", end: at("2026-03-03T10:00") }, 0, [{
      rule: "M4", limit: 2, actual: 3,
      message: "Hội nghị chuyên môn không quá 1 ngày (2 buổi); hội nghị này kéo dài 3 buổi — KL 226 §2.2",
    }]],
    ["quan trọng 1.5 days is fine", { category: "quan_trong", end: at("2026-03-03T11:30") }, 0, []],
    ["quan trọng 2 days", { category: "quan_trong", end: at("2026-03-03T17:00") }, 0, [{
      rule: "M4", limit: 3, actual: 4,
      message: "Hội nghị quan trọng không quá 1,5 ngày (3 buổi); hội nghị này kéo dài 4 buổi — KL 226 §2.2",
    }]],
    ["khác has no limit", { category: "khac", end: at("2026-03-05T17:00") }, 0, []],
    // M5
    ["opening 15 min", { openingMin: 15 }, 0, [{
      rule: "M5", severity: "warning", field: "openingMin", limit: 10, actual: 15,
      message: "Phát biểu khai mạc không quá 10 phút (đang nhập 15 phút) — KL 226 §2.2",
    }]],
    ["conclusion 60 and contribution 12", { conclusionMin: 60, maxContributionMin: 12 }, 0, [
      { rule: "M5", field: "conclusionMin", limit: 50, actual: 60, message: "Phát biểu kết luận không quá 50 phút (đang nhập 60 phút) — KL 226 §2.2" },
      { rule: "M5", field: "maxContributionMin", limit: 10, actual: 12, message: "Mỗi tham luận không quá 10 phút (đang nhập 12 phút) — KL 226 §2.2" },
    ]],
    ["empty speech values are not checked", { openingMin: null, conclusionMin: null, maxContributionMin: null }, 0, []],
    ["định kỳ exempt from M5", { category: "dinh_ky", openingMin: 30, end: at("2026-03-04T17:00") }, 0, []],
    // M3
    ["toàn tỉnh within quota (2nd)", { scope: "toan_tinh" }, 1, []],
    ["toàn tỉnh over quota (3rd)", { scope: "toan_tinh" }, 2, [{
      rule: "M3", severity: "error", field: "exceptionDecision", limit: 2, actual: 3,
      message: "Đã đủ 2 hội nghị toàn tỉnh trong năm 2026; cần quyết định cho phép của Ban Thường vụ — KL 226 §2.2",
    }]],
    ["toàn tỉnh over quota with decision", { scope: "toan_tinh", exceptionDecision: "15-QĐ/TU" }, 2, []],
    ["blank decision does not count", { scope: "toan_tinh", exceptionDecision: "  " }, 2, [{ rule: "M3", severity: "error" }]],
    ["toàn xã 3rd is fine", { scope: "toan_xa" }, 2, []],
    ["toàn xã 4th", { scope: "toan_xa" }, 3, [{
      rule: "M3", limit: 3, actual: 4,
      message: "Đã đủ 3 hội nghị toàn xã trong năm 2026; cần quyết định cho phép của Ban Thường vụ — KL 226 §2.2",
    }]],
    ["định kỳ exempt from M3", { scope: "toan_tinh", category: "dinh_ky" }, 5, []],
    ["ngành scope has no quota", { scope: "nganh" }, 10, []],
    ["year is the local year (31/12 23:00 UTC = 1/1 local)", {
      scope: "toan_tinh", start: new Date("2026-12-31T23:00:00Z"), end: new Date("2027-01-01T03:00:00Z"),
    }, 2, [{ rule: "M3", message: "Đã đủ 2 hội nghị toàn tỉnh trong năm 2027; cần quyết định cho phép của Ban Thường vụ — KL 226 §2.2" }]],
    ["all three rules at once", { scope: "toan_tinh", end: at("2026-03-02T17:00"), openingMin: 11 }, 2, [
      { rule: "M3" }, { rule: "M4" }, { rule: "M5" },
    ]],
  ])("%s", (_name, overrides, wideUsedThisYear, want) => {
    const findings = checkConference(buildConference(overrides), { settings: KL226_DEFAULTS, wideUsedThisYear });
    expect(findings).toHaveLength(want.length);
    want.forEach((w, i) => expect(findings[i]).toMatchObject({ source: "KL 226 §2.2", ...w }));
  });

  it.each<[string, Parameters<typeof resolveSettings>[0], Partial<ConferenceInput>, number, Array<Partial<Finding>>]>([
    ["tightened opening limit", [{ speechLimits: { openingMin: 5 } }], { openingMin: 8 }, 0, [{ rule: "M5", limit: 5, actual: 8 }]],
    ["province allows 3 toàn tỉnh", [{ targets: { M3Province: 3 } }], { scope: "toan_tinh" }, 2, []],
    ["a limit set for khác", [{ sessionLimits: { khac: 1 } }], { category: "khac", end: at("2026-03-02T17:00") }, 0, [{ rule: "M4", limit: 1 }]],
    ["quán triệt limit removed", [{ sessionLimits: { quan_triet: null } }], { end: at("2026-03-03T17:00") }, 0, []],
  ])("uses settings: %s", (_name, overrides, conf, wide, want) => {
    const findings = checkConference(buildConference(conf), { settings: resolveSettings(overrides), wideUsedThisYear: wide });
    expect(findings).toHaveLength(want.length);
    want.forEach((w, i) => expect(findings[i]).toMatchObject(w));
  });

  it.each<[string, Partial<ConferenceInput>]>([
    ["quán triệt ending before it starts", { end: at("2026-03-02T07:00") }],
    ["khác (no M4 limit) ending when it starts", { category: "khac", end: at("2026-03-02T08:00") }],
  ])("throws INVALID_RANGE: %s", (_name, overrides) => {
    const c = buildConference(overrides);
    expect(() => checkConference(c, { settings: KL226_DEFAULTS, wideUsedThisYear: 0 })).toThrow(DomainError);
  });
});
