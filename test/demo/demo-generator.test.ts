import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoProvince } from "../../server/src/demo/demo.generator.js";
import { SCHEDULED_AHEAD_DAYS } from "../../server/src/demo/meeting-generator.js";
import { DEMO_ACCOUNTS } from "../../server/src/demo/demo-accounts.js";
import { MERGED_COMMUNE } from "../../server/src/demo/demo-province.js";
import { countSessions } from "../../server/src/domain/sessions.js";
import { KL226_DEFAULTS } from "../../server/src/domain/settings.js";
import type { DemoProvince } from "../../server/src/demo/demo.types.js";

const NOW = new Date("2026-11-23T03:00:00Z");
let demo: DemoProvince;

beforeAll(() => {
  demo = generateDemoProvince(226, NOW);
});

const share = (part: number, whole: number) => (part / whole) * 100;

describe("generateDemoProvince", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const again = generateDemoProvince(226, NOW);
    expect(again.documents.length).toBe(demo.documents.length);
    expect(again.documents.slice(0, 500)).toEqual(demo.documents.slice(0, 500));
    expect(again.documents.slice(-500)).toEqual(demo.documents.slice(-500));
    expect(again.meetings).toEqual(demo.meetings);
    expect(again.tthc).toEqual(demo.tthc);
    const other = generateDemoProvince(7, NOW);
    expect(other.orgs.map((o) => o.code)).toEqual(demo.orgs.map((o) => o.code));
    expect(other.documents.length).not.toBe(demo.documents.length);
  });

  it("builds a province with the Party bloc, the Front, ≥ 10 departments and ≥ 20 communes with offices", () => {
    const province = demo.orgs.find((o) => o.code === "TQ");
    expect(province).toMatchObject({ level: "province", bloc: "state", parentCode: null });
    expect(demo.orgs.find((o) => o.code === "TU_TQ")).toMatchObject({ level: "province", bloc: "party", parentCode: "TQ" });
    expect(demo.orgs.filter((o) => o.parentCode === "TU_TQ" && o.bloc === "party").length).toBeGreaterThanOrEqual(4);
    expect(demo.orgs.some((o) => o.bloc === "front")).toBe(true);
    expect(demo.orgs.filter((o) => o.level === "department" && o.bloc === "state" && o.parentCode === "TQ").length).toBeGreaterThanOrEqual(10);
    const communes = demo.orgs.filter((o) => o.level === "commune" && o.validTo === null);
    expect(communes.length).toBeGreaterThanOrEqual(20);
    for (const c of communes) {
      expect(c.name).toMatch(/^(Xã|Phường) \p{Lu}/u);
      expect(demo.orgs.filter((o) => o.parentCode === c.code && o.level === "office").length).toBe(3);
    }
    expect(new Set(demo.orgs.map((o) => o.code)).size).toBe(demo.orgs.length);
  });

  it("has one commune merged on 2025-07-01 from three former communes that closed on 2025-06-30", () => {
    const merged = demo.orgs.find((o) => o.code === MERGED_COMMUNE.code);
    expect(merged?.validFrom).toBe("2025-07-01");
    expect(merged?.mergedFrom).toHaveLength(3);
    for (const code of merged?.mergedFrom ?? []) {
      expect(demo.orgs.find((o) => o.code === code)).toMatchObject({ level: "commune", validTo: "2025-06-30" });
      const theirs = demo.documents.filter((d) => d.orgCode === code);
      expect(theirs.length).toBeGreaterThan(300);
      expect(theirs.every((d) => d.issuedOn >= "2025-01-01" && d.issuedOn <= "2025-06-30")).toBe(true);
    }
    expect(demo.documents.filter((d) => d.orgCode === MERGED_COMMUNE.code).every((d) => d.issuedOn >= "2025-07-01")).toBe(true);
  });

  it("fills 2025 and 2026 up to now with realistic volumes, types and flags", () => {
    const y2025 = demo.documents.filter((d) => d.issuedOn < "2026-01-01");
    const y2026 = demo.documents.filter((d) => d.issuedOn >= "2026-01-01");
    expect(demo.documents.length).toBeLessThanOrEqual(250_000);
    expect(y2025.length).toBeGreaterThan(100_000);
    expect(y2026.length).toBeGreaterThan(50_000);
    expect(y2026.every((d) => d.issuedOn <= "2026-11-23")).toBe(true);
    expect(share(y2025.filter((d) => d.typeCode === "CV").length, y2025.length)).toBeGreaterThan(50);
    expect(share(y2025.filter((d) => d.typeCode === "CV").length, y2025.length)).toBeLessThan(65);
    expect(share(y2025.filter((d) => d.typeCode === "QĐ").length, y2025.length)).toBeGreaterThan(10);
    const legal = demo.documents.filter((d) => d.legalNormative);
    expect(legal.length).toBeGreaterThan(0);
    expect(legal.length).toBeLessThan(demo.documents.length / 100);
    const open = y2026.filter((d) => !d.secret);
    expect(share(open.filter((d) => d.digitized).length, open.length)).toBeGreaterThanOrEqual(93);
    expect(share(open.filter((d) => d.sentElectronically).length, open.length)).toBeGreaterThanOrEqual(97);
    expect(demo.documents.some((d) => d.secret)).toBe(true);
  });

  it("numbers documents as Nghị định 30 and the Party do, unique per unit and day, restarting on 1 January", () => {
    const keys = new Set(demo.documents.map((d) => `${d.orgCode}|${d.number}|${d.issuedOn}`));
    expect(keys.size).toBe(demo.documents.length);
    const province = demo.documents.filter((d) => d.orgCode === "TQ");
    expect(province.find((d) => d.typeCode === "QĐ")?.number).toBe("01/QĐ-UBND");
    expect(province.filter((d) => d.typeCode === "CV").every((d) => /^\d{2,}\/UBND-[A-Z]+$/.test(d.number))).toBe(true);
    const first2026 = province.find((d) => d.issuedOn >= "2026-01-01" && d.typeCode === "QĐ" && !d.secret);
    expect(first2026?.number).toBe("01/QĐ-UBND");
    const party = demo.documents.filter((d) => d.orgCode === "TU_TQ");
    expect(party.every((d) => /^\d{2,}-[A-Za-zĐđ]+\/TU$/.test(d.number))).toBe(true);
  });

  it("holds conferences with sessions from the domain rule, more online in 2026, and 2 counted province-wide ones in 2026", () => {
    for (const m of demo.meetings) {
      expect(m.sessions).toBe(countSessions(m.start, m.end, KL226_DEFAULTS.sessionConvention));
      // held up to now, or scheduled for the next SCHEDULED_AHEAD_DAYS local days
      expect(m.start.getTime()).toBeLessThanOrEqual(NOW.getTime() + (SCHEDULED_AHEAD_DAYS + 1) * 86_400_000);
    }
    const scheduled = demo.meetings.filter((m) => m.start > NOW);
    expect(scheduled.length).toBeGreaterThan(50);
    expect(scheduled.every((m) => m.openingMin === null && m.conclusionMin === null && m.maxContributionMin === null)).toBe(true);
    const in2026 = demo.meetings.filter((m) => m.start >= new Date("2026-01-01T00:00:00+07:00"));
    const online2026 = in2026.filter((m) => m.format !== "truc_tiep").length;
    expect(share(online2026, in2026.length)).toBeGreaterThanOrEqual(55);
    expect(share(online2026, in2026.length)).toBeLessThanOrEqual(75);
    const wide = in2026.filter((m) => m.scope === "toan_tinh" && m.category !== "dinh_ky");
    expect(wide.length).toBeGreaterThanOrEqual(2);
    expect(wide.length).toBeLessThanOrEqual(3);
    expect(wide.filter((m) => m.exceptionDecision !== null)).toHaveLength(1);
    expect(demo.meetings.some((m) => m.category === "quan_triet" && m.sessions > 1)).toBe(true);
    expect(demo.meetings.some((m) => (m.openingMin ?? 0) > 10 || (m.conclusionMin ?? 0) > 50 || (m.maxContributionMin ?? 0) > 10)).toBe(true);
    expect(demo.meetings.some((m) => m.scope === "toan_xa")).toBe(true);
    const keys = new Set(demo.meetings.map((m) => `${m.orgCode}|${m.title}|${m.start.getTime()}`));
    expect(keys.size).toBe(demo.meetings.length);
  });

  it("reports TTHC monthly, 90–100 % processed digitally, and lists accounts of existing units", () => {
    expect(demo.tthc.length).toBeGreaterThan(200);
    for (const t of demo.tthc) {
      expect(t.processedDigitally).toBeLessThanOrEqual(t.received);
      expect(t.processedDigitally / t.received).toBeGreaterThanOrEqual(0.89);
      expect(t.month < "2026-11-01").toBe(true);
    }
    const codes = new Set(demo.orgs.map((o) => o.code));
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual(["admin", "aggregator", "aggregator", "officer", "officer", "viewer"]);
    for (const a of DEMO_ACCOUNTS) expect(codes.has(a.orgCode)).toBe(true);
  });
});
