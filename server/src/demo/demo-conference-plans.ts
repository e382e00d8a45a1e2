// Annual conference plans of the demo province (rule M7, KH 63-KH/TU §III.2 — due 20/02/2026 for
// 2026): the province issued on time, Sở Y tế on time, Xã Kiến Thiết ten days late, Sở Xây dựng
// none at all. Each plan lists most of the unit's 2026 conferences (those conferences are linked
// to their planned item, a few held a month later than planned), some planned ones not held (yet),
// and leaves some held ones out, so planned vs held shows all three. From October 2026 the
// province also has a 2027 draft whose online share misses M2, to show the check.
import type { Compilable } from "kysely";
import type { BulkSession } from "../db/bulk.js";
import type { Db } from "../db/database.js";
import { KL226_DEFAULTS, type Bloc, type MeetingCategory, type MeetingFormat, type MeetingScope } from "../domain/settings.js";
import { localDay } from "./demo-calendar.js";
import { MERGED_COMMUNE, PROVINCE_CODE } from "./demo-province.js";
import type { DemoMeeting } from "./demo.types.js";

const OFFSET = KL226_DEFAULTS.sessionConvention.utcOffsetMinutes;

/** A planned conference of a demo plan; `holds` is the demo conference that holds it. */
export type DemoPlannedConference = {
  title: string; category: MeetingCategory; scope: MeetingScope; format: MeetingFormat;
  plannedMonth: number; expectedSessions: number | null; chair: string; invitedBlocs: Bloc[];
  holds: { start: Date; title: string } | null;
};
export type DemoConferencePlan = { orgCode: string; year: number; number: string; issuedOn: string | null; note: string; items: DemoPlannedConference[] };

/** Units with a 2026 plan: code, number, issue day, chair. Sở Xây dựng (SXD) has none. */
const PLANS_2026: ReadonlyArray<[string, string, string, string]> = [
  [PROVINCE_CODE, "18/KH-UBND", "2026-02-10", "Chủ tịch UBND tỉnh"],
  ["SYT", "25/KH-SYT", "2026-02-18", "Giám đốc Sở Y tế"],
  [MERGED_COMMUNE.code, "05/KH-UBND", "2026-03-02", "Chủ tịch UBND xã"],
];

/** Planned for 2026 but not held by the demo's registers. */
const NOT_HELD: ReadonlyArray<[string, MeetingCategory, number]> = [
  ["Hội nghị chuyên đề chuyển đổi số trong cơ quan", "chuyen_mon", 4],
  ["Hội nghị sơ kết 9 tháng thực hiện Kết luận 226-KL/TW", "chuyen_mon", 10],
  ["Hội nghị tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027", "quan_trong", 12],
];

const monthOf = (at: Date): number => Number(localDay(at, OFFSET).slice(5, 7));

/** A demo plan from the unit's 2026 conferences up to `today`: every fourth one left out
 * (unplanned), every fifth planned a month before it was held. */
function planOf(orgCode: string, number: string, issuedOn: string, chair: string, meetings: readonly DemoMeeting[], today: string): DemoConferencePlan {
  const own = meetings.filter((m) => m.orgCode === orgCode && localDay(m.start, OFFSET).startsWith("2026")).sort((a, b) => a.start.getTime() - b.start.getTime());
  const held: DemoPlannedConference[] = own.flatMap((m, i) => {
    if (i % 4 === 3) return [];
    const month = monthOf(m.start);
    return [{
      title: m.title, category: m.category, scope: m.scope, format: m.format,
      plannedMonth: i % 5 === 4 && month > 1 ? month - 1 : month, expectedSessions: m.sessions, chair,
      invitedBlocs: m.scope === "toan_tinh" || m.scope === "toan_xa" ? ["party", "state", "front"] : ["state"], holds: { start: m.start, title: m.title },
    }];
  });
  const notHeld: DemoPlannedConference[] = NOT_HELD.map(([title, category, month]) => ({
    title, category, scope: "noi_bo", format: "truc_tuyen", plannedMonth: month, expectedSessions: 1, chair, invitedBlocs: ["state"], holds: null,
  }));
  return {
    orgCode, year: 2026, number, issuedOn: issuedOn <= today ? issuedOn : null,
    note: "Kế hoạch tổ chức hội nghị năm 2026 theo Kế hoạch 63-KH/TU", items: [...held, ...notHeld],
  };
}

/** The province's 2027 draft: two of four planned online, below M2's 60 %. */
function draft2027(): DemoConferencePlan {
  const item = (title: string, format: MeetingFormat, plannedMonth: number): DemoPlannedConference => ({
    title, category: "chuyen_mon", scope: "nganh", format, plannedMonth, expectedSessions: 1, chair: "Phó Chủ tịch UBND tỉnh", invitedBlocs: ["state"], holds: null,
  });
  return {
    orgCode: PROVINCE_CODE, year: 2027, number: "", issuedOn: null, note: "Dự thảo, đang lấy ý kiến các sở, ngành",
    items: [
      item("Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2027", "truc_tiep", 1),
      item("Hội nghị chuyên đề cải cách hành chính", "truc_tuyen", 3),
      item("Hội nghị sơ kết 6 tháng đầu năm 2027", "ket_hop", 7),
      item("Hội nghị đối thoại với doanh nghiệp", "truc_tiep", 9),
    ],
  };
}

/** The demo's plans, given its conferences and `now`. Pure. */
export function buildDemoConferencePlans(meetings: readonly DemoMeeting[], now: Date): DemoConferencePlan[] {
  const today = localDay(now, OFFSET);
  const plans = PLANS_2026.map(([code, number, issuedOn, chair]) => planOf(code, number, issuedOn, chair, meetings, today));
  return today >= "2026-10-01" ? [...plans, draft2027()] : plans;
}

async function run<R>(s: BulkSession, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  return s.query<R>(compiled.sql, [...compiled.parameters]);
}

/** Writes the plans in the demo's bulk session and links the conferences holding planned items;
 * returns the number of planned conferences written. A few hundred small statements. */
export async function insertDemoConferencePlans(s: BulkSession, db: Db, ids: Map<string, number>, meetings: readonly DemoMeeting[], now: Date): Promise<number> {
  let written = 0;
  for (const plan of buildDemoConferencePlans(meetings, now)) {
    const orgId = ids.get(plan.orgCode);
    if (orgId === undefined) continue;
    const [row] = await run(s, db.insertInto("conference_plans")
      .values({ org_id: orgId, year: plan.year, number: plan.number || null, issued_on: plan.issuedOn, note: plan.note }).returning("id"));
    if (!row) continue;
    for (const item of plan.items) {
      const [planned] = await run(s, db.insertInto("planned_conferences").values({
        plan_id: row.id, title: item.title, category: item.category, scope: item.scope, format: item.format,
        planned_month: item.plannedMonth, expected_sessions: item.expectedSessions, chair: item.chair, invited_blocs: item.invitedBlocs,
      }).returning("id"));
      written += 1;
      if (planned && item.holds) {
        await run(s, db.updateTable("meetings").set({ planned_id: planned.id })
          .where("org_id", "=", orgId).where("start_at", "=", item.holds.start).where("title", "=", item.holds.title).where("planned_id", "is", null));
      }
    }
  }
  return written;
}
