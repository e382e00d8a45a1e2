// Shared set-up of the reports tests: a province tree, users, registers loaded through the
// import API (all or nothing, like a real unit's upload), the clock, and request helpers.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { createSession, SESSION_COOKIE } from "../../server/src/auth/session.js";
import type { Role } from "../../server/src/auth/policy.js";
import { buildOrg, buildUser, type TestApp } from "../helpers/test-app.js";

export type Headers = Record<string, string>;
export type Org = { id: number; code: string; name: string };
export type Account = { id: number; headers: Headers };

export const tag = () => randomBytes(3).toString("hex").toUpperCase();

/** Sets the app's clock (services read ctx.now()). */
export function setClock(t: TestApp, iso: string): void {
  const at = new Date(iso);
  t.ctx.now = () => at;
}

/** A user on a unit; `relogin` gives fresh session headers at the current clock (sessions last 12 h). */
export type LoggedIn = Account & { relogin(): Promise<Headers> };
export async function account(t: TestApp, orgId: number, role: Role): Promise<LoggedIn> {
  const u = await buildUser(t.ctx, orgId, role);
  const a: LoggedIn = {
    id: u.user.id, headers: u.headers,
    async relogin() {
      const token = await createSession(t.ctx.handle.db, u.user.id, t.ctx.now());
      a.headers = { cookie: `${SESSION_COOKIE}=${token}` };
      return a.headers;
    },
  };
  return a;
}

/** A province with Sở Nội vụ, Sở Y tế, two communes (one with an office) and a Party committee with one department. */
export type Tree = { province: Org; snv: Org; syt: Org; x1: Org; x1Office: Org; x2: Org; party: Org; partyDept: Org };

export async function buildTree(t: TestApp): Promise<Tree> {
  const k = tag();
  const province = await buildOrg(t.ctx, { code: `TINH_${k}`, name: `Tỉnh Thử Nghiệm ${k}`, level: "province" });
  const under = (code: string, name: string, level: "department" | "commune" | "office" | "province", parentId = province.id, bloc: "state" | "party" = "state") =>
    buildOrg(t.ctx, { code: `${code}_${k}`, name, parentId, level, bloc });
  const snv = await under("SNV", "Sở Nội vụ", "department");
  const syt = await under("SYT", "Sở Y tế", "department");
  const x1 = await under("X1", "Xã Kiến Thiết", "commune");
  const x1Office = await under("X1_VP", "Văn phòng HĐND và UBND xã Kiến Thiết", "office", x1.id);
  const x2 = await under("X2", "Xã Tân Trào", "commune");
  const party = await under("TU", "Tỉnh ủy Thử Nghiệm", "province", province.id, "party");
  const partyDept = await under("BTC", "Ban Tổ chức Tỉnh ủy", "department", party.id, "party");
  return { province, snv, syt, x1, x1Office, x2, party, partyDept };
}

/** Imports register rows through POST /api/imports/:kind (CSV), expecting success. */
export async function importCsv(t: TestApp, headers: Headers, kind: "documents" | "meetings" | "tthc", lines: string[]): Promise<void> {
  const boundary = "----leloi-reports-boundary";
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${kind}.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(`${lines.join("\n")}\n`),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({ method: "POST", url: `/api/imports/${kind}`, payload, headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` } });
  expect(res.statusCode, res.body).toBe(200);
}

let docSeq = 0;
/** Document CSV rows: `n` documents of `type` issued by `code` on `day`. */
export function documentRows(code: string, day: string, n: number, type = "CV", flags = "0,0,1,1"): string[] {
  return Array.from({ length: n }, () => {
    docSeq += 1;
    return `${code},${docSeq}/${type}-T,${type},${day},Văn bản thử ${docSeq},${flags},`;
  });
}
export const DOC_HEADER = "org_code,number,type,issued_on,subject,legal_normative,secret,sent_electronically,digitized,signer";
export const MEETING_HEADER = "org_code,title,category,scope,format,start,end";
let meetingSeq = 0;
export function meetingRows(code: string, day: string, n: number, format: "truc_tiep" | "truc_tuyen" | "ket_hop"): string[] {
  return Array.from({ length: n }, () => {
    meetingSeq += 1;
    return `${code},Hội nghị thử ${meetingSeq},chuyen_mon,noi_bo,${format},${day} 08:00,${day} 11:00`;
  });
}

/** A JSON request through the app. */
export async function call(t: TestApp, method: "GET" | "POST" | "PATCH" | "PUT", url: string, headers: Headers, payload?: unknown) {
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}
