import { describe, expect, it } from "vitest";
import { KL226_DEFAULTS } from "../settings.js";
import { checkPapers } from "./papers.js";

const at = (local: string): Date => new Date(`${local}:00+07:00`);
const s = KL226_DEFAULTS.conferencePlanning; // 3 days
const start = at("2026-03-10T08:00");

describe("checkPapers — papers ahead", () => {
  it.each<[string, string | null, string, string[]]>([
    ["sent 5 days ahead", "2026-03-05T08:00", "2026-03-20T08:00", []],
    ["sent exactly 3 days ahead", "2026-03-07T08:00", "2026-03-20T08:00", []],
    ["sent a minute late", "2026-03-07T08:01", "2026-03-20T08:00", ["late"]],
    ["sent the day before", "2026-03-09T08:00", "2026-03-01T08:00", ["late"]],
    ["not sent, 4 days to go", null, "2026-03-06T08:00", []],
    ["not sent, exactly 3 days to go", null, "2026-03-07T08:00", []],
    ["not sent, under 3 days to go", null, "2026-03-07T08:01", ["missing"]],
    ["not sent, held already", null, "2026-04-01T08:00", ["missing"]],
  ])("%s", (_name, sent, now, expected) => {
    const findings = checkPapers({ start, papersSentAt: sent === null ? null : at(sent) }, s, at(now), 420);
    expect(findings.map((f) => (f.message.startsWith("Chưa gửi") ? "missing" : "late"))).toEqual(expected);
    for (const f of findings) expect(f).toMatchObject({ rule: "PAPERS", severity: "warning", field: "papersSentAt", limit: 3 });
  });

  it("writes the due time in local time and follows the setting", () => {
    const [f] = checkPapers({ start, papersSentAt: null }, s, at("2026-03-09T08:00"), 420);
    expect(f?.message).toContain("hạn gửi là 07/03/2026 08:00 (trước hội nghị 3 ngày)");
    expect(checkPapers({ start, papersSentAt: at("2026-03-09T08:00") }, { ...s, papersDaysAhead: 1 }, at("2026-03-09T08:00"), 420)).toEqual([]);
  });
});
