// M3, M6, M8, M9 in the sheet on a generated calendar (two provinces, chairs written several ways,
// invited units and blocs, reasons, links to upper conferences, conferences across the period's
// edges): the sheet's record lists equal a straightforward reference computation — the form's
// pure rules (findClashes, checkInvitations, isFlaggedRepeat) applied to every conference.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findClashes, type ClashConference } from "../../server/src/domain/conferences/clashes.js";
import { checkInvitations, type Bloc } from "../../server/src/domain/conferences/invitations.js";
import { isFlaggedRepeat, type UpperConference } from "../../server/src/domain/conferences/repeats.js";
import { parsePeriod } from "../../server/src/domain/period.js";
import { KL226_DEFAULTS, type MeetingCategory, type MeetingFormat, type MeetingScope } from "../../server/src/domain/settings.js";
import type { IndicatorSheet } from "../../server/src/domain/indicators.js";
import { computeSheets } from "../../server/src/indicators/indicator.service.js";
import { conferenceAreaOf } from "../../server/src/meetings/meeting-planning.service.js";
import type { OrgRow } from "../../server/src/orgs/org.types.js";
import { buildOrg, startTestApp, type TestApp } from "../helpers/test-app.js";

const TITLES = [
  "Hội nghị trực tuyến quán triệt Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ",
  "Hội nghị quán triệt Nghị quyết số 57-NQ/TW về phát triển khoa học, công nghệ",
  "Hội nghị quán triệt Nghị quyết số 18-NQ/TW về sắp xếp tinh gọn bộ máy",
  "Hội nghị trực tuyến quán triệt Kết luận 226-KL/TW về chấn chỉnh lề lối làm việc",
  "Hội nghị quán triệt Kết luận về chấn chỉnh lề lối làm việc của hệ thống chính trị",
  "Hội nghị giao ban công tác chuyên môn",
];
const CHAIRS = ["Nguyễn Văn An", "đ/c Nguyễn Văn An", "Trần Thị Bình", "ĐỒNG CHÍ  Trần   Thị Bình", "Ông Lê Văn Cường", "Lê Văn Cường", " "];
const BLOCS: Bloc[] = ["party", "state", "front"];
const CATEGORIES: MeetingCategory[] = ["quan_triet", "quan_triet", "chuyen_mon", "quan_trong", "dinh_ky", "khac"];
const FORMATS: MeetingFormat[] = ["truc_tiep", "truc_tuyen", "ket_hop"];
const SCOPES: MeetingScope[] = ["toan_tinh", "toan_xa", "nganh", "noi_bo"];
const HOUR_MS = 3_600_000;

type Row = {
  id: number; org_id: number; title: string; category: MeetingCategory; scope: MeetingScope; format: MeetingFormat; start_at: Date; end_at: Date;
  chairs: string[]; invited_blocs: string[]; invited_org_ids: number[]; invitation_reason: string | null; repeat_reason: string | null;
  related_meeting_id: number | string | null; related_document: string | null; commune_participants: boolean | null; exception_decision: string | null;
};

let t: TestApp;
let province: OrgRow;
let commune: OrgRow;
let units: OrgRow[];
let rows: Row[];

beforeAll(async () => {
  t = await startTestApp();
  province = await buildOrg(t.ctx, { level: "province", name: "UBND tỉnh", bloc: "state" });
  const party = await buildOrg(t.ctx, { parentId: province.id, level: "department", name: "Ban Tuyên giáo", bloc: "party" });
  const department = await buildOrg(t.ctx, { parentId: province.id, level: "department", name: "Sở Nội vụ" });
  commune = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "UBND xã A" });
  const office = await buildOrg(t.ctx, { parentId: commune.id, level: "office", name: "Văn phòng xã A" });
  const communeB = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "UBND xã B" });
  const front = await buildOrg(t.ctx, { parentId: communeB.id, level: "office", name: "MTTQ xã B", bloc: "front" });
  const otherProvince = await buildOrg(t.ctx, { level: "province", name: "UBND tỉnh khác" });
  const otherCommune = await buildOrg(t.ctx, { parentId: otherProvince.id, level: "commune", name: "UBND xã khác" });
  units = [province, party, department, commune, office, communeB, front, otherProvince, otherCommune];

  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const some = <T>(xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(xs)))];
  const seen = new Set<string>();
  const values = [];
  for (let i = 0; i < 420; i++) {
    const org = pick(units);
    // mostly 2026, a few across the edges of the year (late December 2025, a conference running into 2027)
    const day = Date.UTC(2025, 11, 20) + Math.floor(random() * 380) * 86_400_000;
    const start = new Date(day + (pick([7, 8, 9, 13, 14]) - 7) * HOUR_MS);
    const title = pick(TITLES);
    const key = `${org.id}|${title}|${start.getTime()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const category = pick(CATEGORIES);
    values.push({
      org_id: org.id, title, category, scope: pick(SCOPES), format: pick(FORMATS), start_at: start,
      end_at: new Date(start.getTime() + pick([1, 3, 3, 8, 30]) * HOUR_MS), sessions: 1,
      chairs: some(CHAIRS, 2), invited_blocs: some(BLOCS, 2),
      invited_org_ids: random() < 0.3 ? some(units.filter((u) => u.id !== org.id).map((u) => u.id), 2) : [],
      invitation_reason: random() < 0.1 ? "Hội nghị liên tịch" : random() < 0.05 ? "  " : null,
      repeat_reason: category === "quan_triet" && random() < 0.1 ? "Chỉ đạo riêng của tỉnh" : random() < 0.05 ? " " : null,
      related_document: random() < 0.05 ? pick(["57-NQ/TW", "18-NQ/TW"]) : null,
      commune_participants: random() < 0.3 ? true : null,
      exception_decision: random() < 0.1 ? "Quyết định số 1-QĐ/TU" : null,
    });
  }
  const inserted = await t.ctx.handle.db.insertInto("meetings").values(values).returning("id").execute();
  // some dissemination conferences name the upper conference they follow
  const ids = inserted.map((r) => Number(r.id));
  for (const id of ids.filter(() => random() < 0.05)) {
    await t.ctx.handle.db.updateTable("meetings").set({ related_meeting_id: pick(ids) }).where("id", "=", id).execute();
  }
  rows = (await t.ctx.handle.db.selectFrom("meetings").selectAll().execute()) as unknown as Row[];
}, 60_000);

afterAll(async () => {
  await t.close();
});

/** The reference: each conference of the sheet's units starting in the period, judged alone by the form's rules. */
function reference(unitIds: number[], periodId: string) {
  const period = parsePeriod(periodId);
  const offset = KL226_DEFAULTS.sessionConvention.utcOffsetMinutes;
  const instant = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - offset * 60_000);
  const [from, to] = [instant(period.start), instant(period.end)];
  const s = KL226_DEFAULTS.conferencePlanning;
  const mine = new Set(unitIds);
  const inPeriod = rows.filter((r) => mine.has(r.org_id) && r.start_at >= from && r.start_at < to);
  const clash = (r: Row): ClashConference => ({ id: Number(r.id), orgId: r.org_id, start: r.start_at, end: r.end_at, chairs: r.chairs, invitedOrgIds: r.invited_org_ids });
  const upper = (r: Row): UpperConference => ({
    id: Number(r.id), orgCode: "", orgName: "", title: r.title, start: r.start_at, end: r.end_at, format: r.format, scope: r.scope, communeParticipants: r.commune_participants,
  });
  const ids = (list: Row[]) => list.map((r) => Number(r.id)).sort((a, b) => a - b);
  return {
    // a province counts its province-wide conferences (a commune would count its commune-wide ones)
    M3: inPeriod.filter((r) => r.scope === "toan_tinh" && r.category !== "dinh_ky" && r.exception_decision === null),
    M6: ids(inPeriod.filter((r) => {
      const above = new Set(t.ctx.orgs.ancestors(r.org_id).map((o) => o.id).filter((id) => id !== r.org_id));
      const input = {
        category: r.category, title: r.title, start: r.start_at, repeatReason: r.repeat_reason,
        relatedMeetingId: r.related_meeting_id === null ? null : Number(r.related_meeting_id), relatedDocument: r.related_document,
      };
      return isFlaggedRepeat(input, rows.filter((u) => above.has(u.org_id)).map(upper), s);
    })),
    M8: ids(inPeriod.filter((r) => {
      const host = t.ctx.orgs.get(r.org_id) as OrgRow;
      const invitedUnits = r.invited_org_ids.map((id) => ({ code: String(id), name: String(id), withinHostScope: t.ctx.orgs.isInSubtree(r.org_id, id) }));
      return checkInvitations({ hostBloc: host.bloc, chairs: r.chairs, invitedBlocs: r.invited_blocs as Bloc[], invitedUnits, invitationReason: r.invitation_reason })
        .some((f) => f.severity === "warning");
    })),
    M9: ids(inPeriod.filter((r) => {
      const area = new Set(conferenceAreaOf(t.ctx, r.org_id));
      return findClashes(clash(r), rows.filter((o) => area.has(o.org_id)).map(clash)).length > 0;
    })),
  };
}

const listOf = (sheet: IndicatorSheet, id: string) => sheet.indicators[id] as unknown as { value: number | null; violations: string[]; violationCount: number };

describe("M3, M6, M8, M9 in the sheet on a generated calendar", () => {
  it.each(["2026", "2026Q1", "2026Q4", "2026-12"])("equal the form's rules applied to every conference (%s), for a subtree, a unit and a batch", async (periodId) => {
    const targets = [
      { org: province, subtree: true }, { org: commune, subtree: true }, { org: commune, subtree: false },
      { org: units[7] as OrgRow, subtree: true }, ...units.map((org) => ({ org, subtree: false })),
    ];
    const sheets = await computeSheets(t.ctx, targets, parsePeriod(periodId));
    targets.forEach((target, i) => {
      const sheet = sheets[i] as IndicatorSheet;
      const expected = reference(t.ctx.orgs.countedOrgs(target.org.id, target.subtree).map((c) => c.id), periodId);
      for (const rule of ["M6", "M8", "M9"] as const) {
        expect(listOf(sheet, rule).violations, `${rule} ${target.org.name} ${target.subtree}`).toEqual(expected[rule].map(String));
        expect(listOf(sheet, rule).violationCount).toBe(expected[rule].length);
      }
    });
    // the generated calendar has something to find
    const whole = reference(t.ctx.orgs.subtreeIds(province.id), periodId);
    if (periodId === "2026") for (const rule of ["M6", "M8", "M9"] as const) expect(whole[rule].length, rule).toBeGreaterThan(5);
    // M3 counts the province's own wide conferences (the subtree's, whatever the sheet's scope)
    expect(listOf(sheets[0] as IndicatorSheet, "M3").value).toBe(whole.M3.length);
  });

  it("counts a conference written a moment ago in the next sheet", async () => {
    const before = await computeSheets(t.ctx, [{ org: commune, subtree: false }], parsePeriod("2026"));
    const busy = rows.find((r) => r.org_id === commune.id && r.start_at.getUTCFullYear() === 2026 && r.start_at.getUTCMonth() < 11) as Row;
    const [added] = await t.ctx.handle.db.insertInto("meetings").values({
      org_id: commune.id, title: "Họp đột xuất", category: "chuyen_mon", scope: "noi_bo", format: "truc_tiep",
      start_at: busy.start_at, end_at: new Date(busy.start_at.getTime() + HOUR_MS), sessions: 1,
    }).returning("id").execute();
    const after = await computeSheets(t.ctx, [{ org: commune, subtree: false }], parsePeriod("2026"));
    expect(listOf(after[0] as IndicatorSheet, "M9").violations).toContain(String(added?.id));
    expect(listOf(after[0] as IndicatorSheet, "M9").violationCount).toBeGreaterThan(listOf(before[0] as IndicatorSheet, "M9").violationCount);
    await t.ctx.handle.db.deleteFrom("meetings").where("id", "=", Number(added?.id)).execute();
  });
});
