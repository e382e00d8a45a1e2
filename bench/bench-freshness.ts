// Freshness (d): a document written through the API is counted by the very next sheet, with no
// aggregation job in between — the monthly rollup is kept by triggers in the write's transaction.
import { buildApp } from "../server/src/app.js";
import type { AppContext } from "../server/src/context.js";
import { createSession, SESSION_COOKIE } from "../server/src/auth/session.js";
import { hashPassword } from "../server/src/auth/password.js";
import { insertUsers } from "../server/src/demo/demo.repository.js";

export type Freshness = { before: number; after: number; counted: boolean; postMs: number; sheetMs: number };

type SheetJson = { indicators: { D1?: { current?: number } } };

/** Signs in a bench admin at `provinceCode`, POSTs one document for `orgCode` dated in 2026,
 * then GETs the province's 2026 sheet and checks that D1's current count grew by one. */
export async function measureFreshness(ctx: AppContext, provinceCode: string, orgCode: string): Promise<Freshness> {
  await ctx.orgs.refresh();
  const province = ctx.orgs.byCode(provinceCode);
  if (!province) throw new Error(`bench: unknown unit ${provinceCode}`);
  const username = `bench.${Date.now()}`;
  const passwordHash = await hashPassword(`bench-${Date.now()}-password`);
  await ctx.handle.bulk((s) =>
    insertUsers(s, ctx.handle.db, new Map([[provinceCode, province.id]]), [
      { username, password: "", passwordHash, fullName: "Đo hiệu năng", role: "admin", orgCode: provinceCode, description: "" },
    ]),
  );
  const user = await ctx.handle.db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow();
  const headers = { cookie: `${SESSION_COOKIE}=${await createSession(ctx.handle.db, user.id, ctx.now())}` };
  const app = await buildApp(ctx);
  await app.ready();
  try {
    const sheetUrl = `/api/indicators?org=${encodeURIComponent(provinceCode)}&period=2026&subtree=1`;
    const first = await app.inject({ method: "GET", url: sheetUrl, headers });
    if (first.statusCode !== 200) throw new Error(`bench: sheet answered ${first.statusCode}: ${first.body}`);
    const before = (first.json() as SheetJson).indicators.D1?.current ?? NaN;

    let t = performance.now();
    const post = await app.inject({
      method: "POST", url: "/api/documents", headers,
      payload: { orgCode, number: `${Date.now() % 100_000}/UBND-VP`, type: "CV", issuedOn: "2026-06-15", subject: "V/v kiểm tra độ tươi của bảng chỉ tiêu", digitized: true, sentElectronically: true },
    });
    const postMs = performance.now() - t;
    if (post.statusCode !== 201) throw new Error(`bench: POST /api/documents answered ${post.statusCode}: ${post.body}`);

    t = performance.now();
    const next = await app.inject({ method: "GET", url: sheetUrl, headers });
    const sheetMs = performance.now() - t;
    const after = (next.json() as SheetJson).indicators.D1?.current ?? NaN;
    return { before, after, counted: after === before + 1, postMs, sheetMs };
  } finally {
    await app.close();
  }
}
