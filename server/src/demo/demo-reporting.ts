// The reporting regimes of the seed documents set up in the demo province (kl226-rules.md §4):
// - the Tỉnh ủy's Party bodies report each quarter before the 20th of its last month (seed 001,
//   Tuyên Quang's own plan 63-KH/TU §IV.1) — set on the Tỉnh ủy;
// - the province's departments and communes report quarterly to Sở Nội vụ before the 15th of the
//   last month, Sở Nội vụ to the Province before the 20th (seed 000, Thái Nguyên's 426/UBND-NC);
// - six-monthly and yearly before 05/6 and 05/12, Sở Nội vụ before 10/6 and 10/12 (seed 002,
//   Đồng Tháp's 498/KH-UBND). Seeds 000 and 002 belong to other provinces: the demo borrows the
//   quarterly lines of one and the six-month/year lines of the other so that all three run.
import type { Compilable } from "kysely";
import type { BulkSession } from "../db/bulk.js";
import type { Db } from "../db/database.js";
import type { TSettingsOverride } from "../domain/settings.js";
import { dongThap498, thaiNguyen426, tuyenQuang63 } from "../domain/reports/presets.js";
import { PARTY_CODE, PROVINCE_CODE } from "./demo-province.js";

/** Code of the demo's Sở Nội vụ (the unit that combines the province's reports). */
const HOME_AFFAIRS = "SNV";

/** The demo's settings overrides, by unit code. */
export function demoReportingOverrides(): Array<{ orgCode: string; override: TSettingsOverride }> {
  const quarterly = thaiNguyen426({ homeAffairs: HOME_AFFAIRS }).map((s) => ({ ...s, id: `${s.id}-quy`, periods: ["quarter" as const] }));
  const [snvQuarter, unitsQuarter] = quarterly;
  const [snvHalfYear, unitsHalfYear] = dongThap498({ homeAffairs: HOME_AFFAIRS });
  if (!snvQuarter || !unitsQuarter || !snvHalfYear || !unitsHalfYear) throw new Error("reporting presets changed shape");
  return [
    // the first line matching a unit and a period kind applies: Sở Nội vụ's own lines first
    { orgCode: PROVINCE_CODE, override: { reporting: { schedules: [snvQuarter, snvHalfYear, unitsQuarter, unitsHalfYear] } } },
    { orgCode: PARTY_CODE, override: { reporting: { schedules: tuyenQuang63() } } },
  ];
}

/** Writes the overrides in the demo's bulk session. */
export async function insertDemoReporting(s: BulkSession, db: Db, ids: Map<string, number>): Promise<number> {
  const rows = demoReportingOverrides().flatMap((o) => {
    const id = ids.get(o.orgCode);
    return id === undefined ? [] : [{ org_id: id, settings: JSON.stringify(o.override) }];
  });
  if (rows.length === 0) return 0;
  const q: Compilable<unknown> = db.insertInto("jurisdiction_settings").values(rows).onConflict((oc) => oc.column("org_id").doNothing());
  const compiled = q.compile();
  await s.query(compiled.sql, [...compiled.parameters]);
  return rows.length;
}
