import type { AppContext } from "../context.js";
import { hashPassword } from "../auth/password.js";
import { generateDemoProvince } from "./demo.generator.js";
import { PROVINCE_CODE } from "./demo-province.js";
import { DEMO_PASSWORD } from "./demo-accounts.js";
import { insertDemoReporting } from "./demo-reporting.js";
import { insertDemoConferencePlans } from "./demo-conference-plans.js";
import { insertDemoReportHistory } from "./demo-report-history.js";
import { copyDocuments, copyMeetings, copyTthc, insertLoadAudit, insertOrgs, insertUsers, listFirstOrgs, lockAndListOrgs } from "./demo.repository.js";

/** The seed used when none is given: the demo everyone sees is the same. */
export const DEMO_SEED = 226;

export type DemoCounts = { orgs: number; documents: number; meetings: number; tthc: number; users: number; reports: number; reportVersions: number };
export type DemoLoadResult =
  | { loaded: true; counts: DemoCounts; summary: string }
  | { loaded: false; reason: string; summary: string };

/** The database may receive the demo when it has no unit, or only the root unit (e.g. "VN")
 * that the first admin was attached to; the province then goes under that root. */
type Existing = Array<{ id: number; code: string; parent_id: number | null; level: string }>;
function placement(existing: Existing): { ok: true; parentId: number | null } | { ok: false } {
  if (existing.length === 0) return { ok: true, parentId: null };
  const only = existing[0];
  if (existing.length === 1 && only && only.parent_id === null && (only.level === "central" || only.code === "VN")) return { ok: true, parentId: only.id };
  return { ok: false };
}

const vi = (n: number): string => n.toLocaleString("vi-VN");

/**
 * Loads the demo province (generateDemoProvince) into an empty database in one transaction:
 * units with Kysely, the registers by COPY, the demo accounts with argon2id hashes, one audit
 * row, then the reporting history up to `now` (demo-report-history.ts) in the same transaction.
 * Registers for 2026 stop at `now` (default: the context's clock). Does nothing when the
 * database already holds units other than a bare root, so calling it at every start is safe.
 */
export async function loadDemoProvince(ctx: AppContext, options: { seed?: number; now?: Date } = {}): Promise<DemoLoadResult> {
  const skipped = { loaded: false, reason: "database-not-empty", summary: "Cơ sở dữ liệu đã có đơn vị; không nạp dữ liệu mẫu." } as const;
  if (!placement(await listFirstOrgs(ctx.handle.db)).ok) return skipped;

  const seed = options.seed ?? DEMO_SEED;
  const now = options.now ?? ctx.now();
  const demo = generateDemoProvince(seed, now);
  const users = await Promise.all(demo.users.map(async (u) => ({ ...u, passwordHash: await hashPassword(u.password) })));
  const { db } = ctx.handle;
  const counts = await ctx.handle.bulk(async (s) => {
    // checked again under the lock: another process may have loaded it meanwhile
    const where = placement(await lockAndListOrgs(s, db));
    if (!where.ok) return null;
    const ids = await insertOrgs(s, db, demo.orgs, where.parentId);
    await copyDocuments(s, ids, demo.documents);
    await copyMeetings(s, ids, demo.meetings);
    await copyTthc(s, ids, demo.tthc);
    await insertDemoReporting(s, db, ids); // reporting regimes of seeds 000, 001, 002
    await insertDemoConferencePlans(s, db, ids, demo.meetings, now); // annual conference plans (M7)
    const userCount = await insertUsers(s, db, ids, users);
    const history = await insertDemoReportHistory(s, ctx, { seed, now, heads: demo.heads }); // periodic reports sent, decided, drafted
    const result: DemoCounts = {
      orgs: demo.orgs.length, documents: demo.documents.length, meetings: demo.meetings.length, tthc: demo.tthc.length,
      users: userCount, reports: history.reports, reportVersions: history.versions,
    };
    await insertLoadAudit(s, db, ids.get(PROVINCE_CODE) ?? 0, { province: PROVINCE_CODE, ...result });
    return result;
  });
  if (counts === null) return skipped;
  await ctx.orgs.refresh();
  return {
    loaded: true,
    counts,
    summary: `Tỉnh Tuyên Quang — ${vi(counts.orgs)} đơn vị, ${vi(counts.documents)} văn bản, ${vi(counts.meetings)} hội nghị, ${vi(counts.tthc)} bản ghi TTHC, ${vi(counts.reports)} báo cáo định kỳ, ${counts.users} tài khoản mẫu (mật khẩu ${DEMO_PASSWORD}).`,
  };
}
