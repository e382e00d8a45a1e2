// Test data of the browser tests: a small province whose numbers the tests know exactly
// (Xã Hòa Bình, Xã Tân Lập) plus units with a year and a half of ordinary activity, so that
// the dashboard (and its screenshot) looks like a real one.
import { countSessions } from "../../server/src/domain/sessions.js";
import { KL226_DEFAULTS } from "../../server/src/domain/settings.js";
import type { AppContext } from "../../server/src/context.js";
import type { NewDocument } from "../../server/src/db/schema.js";
import { buildOrg, buildUser, withSearchText } from "../helpers/test-app.js";

export const CODES = {
  province: "E2E_TINH",
  department: "E2E_SNV",
  hoaBinh: "E2E_HOA_BINH",
  tanLap: "E2E_TAN_LAP",
  minhXuan: "E2E_MINH_XUAN",
} as const;

type Meeting = { category: "quan_triet" | "chuyen_mon" | "quan_trong" | "dinh_ky" | "khac"; scope: "toan_tinh" | "toan_xa" | "nganh" | "noi_bo"; format: "truc_tiep" | "truc_tuyen" | "ket_hop"; start: string; end: string; opening?: number };

const pad = (n: number) => String(n).padStart(2, "0");

function documentsOf(orgId: number, prefix: string, count: number, month: string, flags: { digitized: (i: number) => boolean; sent: (i: number) => boolean }): NewDocument[] {
  return Array.from({ length: count }, (_, i) => withSearchText({
    org_id: orgId,
    number: `${i + 1}/${prefix}-${month}`,
    type_code: i % 5 === 0 ? "QĐ" : i % 7 === 0 ? "KH" : i % 4 === 0 ? "TB" : "CV",
    issued_on: `${month}-${pad(1 + (i % 27))}`,
    subject: `Về việc triển khai nhiệm vụ tháng ${month.slice(5)} số ${i + 1}`,
    digitized: flags.digitized(i),
    sent_electronically: flags.sent(i),
  }));
}

/** Inserts the province and returns its accounts (password "matkhau-123"). */
export async function seedProvince(ctx: AppContext) {
  const province = await buildOrg(ctx, { code: CODES.province, name: "Tỉnh Thử Nghiệm", level: "province" });
  const department = await buildOrg(ctx, { code: CODES.department, name: "Sở Nội vụ", parentId: province.id, level: "department" });
  const hoaBinh = await buildOrg(ctx, { code: CODES.hoaBinh, name: "Xã Hòa Bình", parentId: province.id, level: "commune" });
  const tanLap = await buildOrg(ctx, { code: CODES.tanLap, name: "Xã Tân Lập", parentId: province.id, level: "commune" });
  const minhXuan = await buildOrg(ctx, { code: CODES.minhXuan, name: "Phường Minh Xuân", parentId: province.id, level: "commune" });

  const all = () => true;
  const docs: NewDocument[] = [
    // Xã Hòa Bình, known exactly: 2025 Feb 10 + May 10; 2026 Feb 6 + May 4, all digitised and sent.
    // Year 2026: D1 = (20 − 10) / 20 = 50 %; Q1: (10 − 6) / 10 = 40 %; D3 = 100 %.
    ...documentsOf(hoaBinh.id, "UBND-HB", 10, "2025-02", { digitized: all, sent: all }),
    ...documentsOf(hoaBinh.id, "UBND-HB", 10, "2025-05", { digitized: all, sent: all }),
    ...documentsOf(hoaBinh.id, "UBND-HB", 6, "2026-02", { digitized: all, sent: all }),
    ...documentsOf(hoaBinh.id, "UBND-HB", 4, "2026-05", { digitized: all, sent: all }),
  ];
  // the others: a plausible year and a half, fewer documents in 2026, some not digitised
  const busy: Array<[number, string, number]> = [[province.id, "UBND", 30], [department.id, "SNV", 22], [tanLap.id, "UBND-TL", 9], [minhXuan.id, "UBND-MX", 12]];
  for (const [orgId, prefix, base] of busy) {
    for (let m = 1; m <= 12; m += 1) {
      docs.push(...documentsOf(orgId, prefix, base + ((m * 7) % 5), `2025-${pad(m)}`, { digitized: (i) => i % 4 !== 0, sent: (i) => i % 3 !== 0 }));
      if (m <= 6) docs.push(...documentsOf(orgId, prefix, Math.round(base * 0.8) + (m % 3), `2026-${pad(m)}`, { digitized: (i) => i % 19 !== 0, sent: (i) => i % 9 !== 0 }));
    }
  }
  for (let i = 0; i < docs.length; i += 500) await ctx.handle.db.insertInto("documents").values(docs.slice(i, i + 500)).execute();

  const conv = KL226_DEFAULTS.sessionConvention;
  const meetings: Array<Meeting & { orgId: number; title: string }> = [];
  const formats: Meeting["format"][] = ["truc_tuyen", "truc_tuyen", "ket_hop", "truc_tiep"];
  for (const [orgId] of busy) {
    for (let m = 1; m <= 12; m += 1) {
      const perMonth = 2 + (m % 3);
      for (let k = 0; k < perMonth; k += 1) {
        const day = pad(3 + k * 5);
        meetings.push({ orgId, title: `Hội nghị chuyên môn tháng ${m}/2025 số ${k + 1}`, category: "chuyen_mon", scope: "noi_bo", format: formats[(k + m) % 4] ?? "truc_tiep", start: `2025-${pad(m)}-${day}T08:00:00+07:00`, end: `2025-${pad(m)}-${day}T11:30:00+07:00` });
        if (m <= 6 && k < perMonth - 1) {
          meetings.push({ orgId, title: `Hội nghị chuyên môn tháng ${m}/2026 số ${k + 1}`, category: "chuyen_mon", scope: "noi_bo", format: formats[(k + m + 1) % 4] ?? "truc_tuyen", start: `2026-${pad(m)}-${day}T08:00:00+07:00`, end: `2026-${pad(m)}-${day}T11:30:00+07:00` });
        }
      }
    }
  }
  // breaches the dashboard should show: a whole-day quán triệt (M4), a long opening speech (M5)
  meetings.push({ orgId: tanLap.id, title: "Hội nghị quán triệt Nghị quyết cả ngày", category: "quan_triet", scope: "toan_xa", format: "truc_tiep", start: "2026-03-10T08:00:00+07:00", end: "2026-03-10T17:00:00+07:00" });
  meetings.push({ orgId: province.id, title: "Hội nghị toàn tỉnh sơ kết 6 tháng", category: "quan_trong", scope: "toan_tinh", format: "ket_hop", start: "2026-06-05T08:00:00+07:00", end: "2026-06-05T11:30:00+07:00", opening: 25 });
  await ctx.handle.db
    .insertInto("meetings")
    .values(meetings.map((m) => ({
      org_id: m.orgId, title: m.title, category: m.category, scope: m.scope, format: m.format,
      start_at: new Date(m.start), end_at: new Date(m.end),
      sessions: countSessions(new Date(m.start), new Date(m.end), conv),
      opening_min: m.opening ?? null, conclusion_min: null, max_contribution_min: null, exception_decision: null, commune_participants: null,
    })))
    .execute();

  const tthc = [];
  for (const [orgId] of busy) {
    for (let m = 1; m <= 6; m += 1) tthc.push({ org_id: orgId, month: `2026-${pad(m)}-01`, received: 40 + m, processed_digitally: 38 + m });
  }
  await ctx.handle.db.insertInto("tthc_stats").values(tthc).execute();

  return {
    orgs: { province, department, hoaBinh, tanLap, minhXuan },
    admin: await buildUser(ctx, province.id, "admin"),
    officer: await buildUser(ctx, hoaBinh.id, "officer"),
  };
}

/** A documents file for Xã Hòa Bình: 10 documents of March 2026, none digitised. */
export function notDigitizedCsv(): string {
  const rows = Array.from({ length: 10 }, (_, i) => `${CODES.hoaBinh},${i + 1}/UBND-NHAP,CV,${pad(i + 2)}/03/2026,Văn bản nhập từ tệp số ${i + 1},0,0,1,0,Nguyễn Văn A`);
  return ["org_code,number,type,issued_on,subject,legal_normative,secret,sent_electronically,digitized,signer", ...rows, ""].join("\n");
}
