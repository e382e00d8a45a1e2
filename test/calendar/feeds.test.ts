import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { buildConference, type Headers } from "./calendar-setup.js";

type Unit = { id: number; code: string; name: string };
type Feed = { id: number; kind: string; orgCode: string; orgName: string; createdAt: string; url?: string };

let t: TestApp;
let province: Unit;
let communeA: Unit;
let communeB: Unit;
let officerA: { headers: Headers; user: { id: number } };
let leader: { headers: Headers; user: { id: number } };
const ids: Record<string, number> = {};

beforeAll(async () => {
  // "now" in February: the feed window (90 days back, 365 ahead) holds March's conferences
  t = await startTestApp(new Date("2026-02-20T03:00:00Z"));
  province = await buildOrg(t.ctx, { level: "province", name: "UBND tỉnh Thử" });
  communeA = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "UBND xã An" });
  communeB = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "UBND xã Bình" });
  officerA = await buildUser(t.ctx, communeA.id, "officer");
  leader = await buildUser(t.ctx, province.id, "viewer");
  await t.ctx.handle.db.updateTable("users").set({ full_name: "Nguyễn Văn An" }).where("id", "=", leader.user.id).execute();

  ids.chairedInA = await buildConference(t, { orgId: communeA.id, start: "2026-03-02T08:00", end: "2026-03-02T11:30", chairs: ["Đ/c Nguyễn Văn An"], title: "Hội nghị chuyên đề, xã An" });
  ids.chairedInB = await buildConference(t, { orgId: communeB.id, start: "2026-03-04T14:00", end: "2026-03-04T16:00", chairs: ["NGUYỄN VĂN AN"], format: "truc_tuyen" });
  ids.provinceInvitesA = await buildConference(t, { orgId: province.id, start: "2026-03-03T08:00", end: "2026-03-03T11:00", chairs: ["Trần Thị Bình"], invitedOrgIds: [communeA.id] });
  ids.otherInB = await buildConference(t, { orgId: communeB.id, start: "2026-03-05T08:00", end: "2026-03-05T10:00", chairs: ["Nguyễn Văn Anh"] });
  ids.longAgo = await buildConference(t, { orgId: communeA.id, start: "2025-10-01T08:00", end: "2025-10-01T10:00" });
}, 120_000);

afterAll(async () => {
  await t.close();
});

const createFeed = (headers: Headers | undefined, payload: Record<string, unknown>) => t.app.inject({ method: "POST", url: "/api/calendar/feeds", headers, payload });
const fetchIcs = (url: string) => t.app.inject({ method: "GET", url });

/** The VEVENTs of an .ics, parsed by ical.js. */
function eventsOf(ics: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const tz = calendar.getFirstSubcomponent("vtimezone");
  if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

describe("calendar feeds", () => {
  it("answers 401 without a session on the feed management routes", async () => {
    for (const [method, url] of [["GET", "/api/calendar/feeds"], ["POST", "/api/calendar/feeds"], ["DELETE", "/api/calendar/feeds/1"]] as const) {
      const res = await t.app.inject({ method, url, payload: method === "POST" ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("refuses a unit feed outside the user's subtree", async () => {
    expect((await createFeed(officerA.headers, { kind: "unit", org: communeB.code })).statusCode).toBe(403);
  });

  it("issues a unit feed whose .ics ical.js reads: the unit's conferences and those it is invited to, in Asia/Ho_Chi_Minh", async () => {
    const res = await createFeed(officerA.headers, { kind: "unit" });
    expect(res.statusCode, res.body).toBe(201);
    const feed = res.json() as Feed;
    expect(feed).toMatchObject({ kind: "unit", orgCode: communeA.code, orgName: "UBND xã An" });
    expect(feed.url).toMatch(/^\/ical\/[A-Za-z0-9_-]{43}\.ics$/);

    const ics = await fetchIcs(feed.url as string);
    expect(ics.statusCode, ics.body).toBe(200);
    expect(ics.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const { calendar, events } = eventsOf(ics.body);
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Asia/Ho_Chi_Minh");
    expect(events.map((e) => e.uid).sort()).toEqual([`meeting-${ids.chairedInA}@leloi`, `meeting-${ids.provinceInvitesA}@leloi`].sort());

    const chaired = events.find((e) => e.uid === `meeting-${ids.chairedInA}@leloi`) as ICAL.Event;
    expect(chaired.summary).toBe("Hội nghị chuyên đề, xã An");
    expect(chaired.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Asia/Ho_Chi_Minh");
    expect(chaired.startDate.zone?.tzid).toBe("Asia/Ho_Chi_Minh");
    expect([chaired.startDate.hour, chaired.startDate.minute, chaired.endDate.hour, chaired.endDate.minute]).toEqual([8, 0, 11, 30]);
    // the VTIMEZONE makes 08:00 local 01:00 UTC
    expect(chaired.startDate.toJSDate().toISOString()).toBe("2026-03-02T01:00:00.000Z");
    expect(chaired.endDate.toJSDate().toISOString()).toBe("2026-03-02T04:30:00.000Z");
    expect(chaired.description).toContain("Chủ trì: Đ/c Nguyễn Văn An");
    expect(chaired.description).toContain("Hình thức: Trực tiếp");
    expect(chaired.description).toContain("Loại: Chuyên môn, nghiệp vụ");
    const stamp = chaired.component.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe("2026-02-20T03:00:00.000Z");

    const invited = events.find((e) => e.uid === `meeting-${ids.provinceInvitesA}@leloi`) as ICAL.Event;
    expect(invited.description).toContain("Đơn vị được mời: UBND xã An");

    // the token is stored only as its hash, and the creation is audited without it
    const token = (feed.url as string).slice(6, -4);
    const stored = await t.ctx.handle.db.selectFrom("calendar_feeds").selectAll().where("id", "=", feed.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token);
    const audit = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "calendar_feeds").where("entity_id", "=", String(feed.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
    expect(JSON.stringify(audit[0]?.after)).not.toContain(token);
  });

  it("gives a person the conferences they chair (name folded) and those of their unit", async () => {
    const res = await createFeed(leader.headers, { kind: "person" });
    expect(res.statusCode, res.body).toBe(201);
    const feed = res.json() as Feed;
    expect(feed.orgCode).toBe(province.code);
    const { events } = eventsOf((await fetchIcs(feed.url as string)).body);
    // "Nguyễn Văn Anh" is another person; the October conference is before the 90-day window
    expect(events.map((e) => e.uid).sort()).toEqual(
      [ids.chairedInA, ids.chairedInB, ids.provinceInvitesA].map((id) => `meeting-${id}@leloi`).sort(),
    );
    const online = events.find((e) => e.uid === `meeting-${ids.chairedInB}@leloi`) as ICAL.Event;
    expect(online.startDate.toJSDate().toISOString()).toBe("2026-03-04T07:00:00.000Z");
    expect(online.description).toContain("Hình thức: Trực tuyến");
  });

  it("lists the user's feeds and revokes one: its URL then answers 404", async () => {
    const created = (await createFeed(officerA.headers, { kind: "person" })).json() as Feed;
    const list = await t.app.inject({ method: "GET", url: "/api/calendar/feeds", headers: officerA.headers });
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: Feed[] }).items;
    expect(items[0]).toMatchObject({ id: created.id, kind: "person", orgCode: communeA.code });
    expect(items.every((f) => f.url === undefined)).toBe(true);

    // nobody else revokes it
    const other = await t.app.inject({ method: "DELETE", url: `/api/calendar/feeds/${created.id}`, headers: leader.headers });
    expect(other.statusCode).toBe(404);
    expect((await fetchIcs(created.url as string)).statusCode).toBe(200);

    const revoked = await t.app.inject({ method: "DELETE", url: `/api/calendar/feeds/${created.id}`, headers: officerA.headers });
    expect(revoked.statusCode).toBe(204);
    expect((await fetchIcs(created.url as string)).statusCode).toBe(404);
    const after = (await t.app.inject({ method: "GET", url: "/api/calendar/feeds", headers: officerA.headers })).json() as { items: Feed[] };
    expect(after.items.map((f) => f.id)).not.toContain(created.id);
    const audit = await t.ctx.handle.db.selectFrom("audit_log").select("action").where("entity", "=", "calendar_feeds").where("entity_id", "=", String(created.id)).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "delete"]);
  });

  it("answers 404 for an unknown token and for a disabled owner's feed", async () => {
    expect((await fetchIcs(`/ical/${"A".repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await fetchIcs("/ical/not-a-token")).statusCode).toBe(404);
    const owner = await buildUser(t.ctx, communeB.id, "officer");
    const feed = (await createFeed(owner.headers, { kind: "unit" })).json() as Feed;
    expect((await fetchIcs(feed.url as string)).statusCode).toBe(200);
    await t.ctx.handle.db.updateTable("users").set({ disabled: true }).where("id", "=", owner.user.id).execute();
    expect((await fetchIcs(feed.url as string)).statusCode).toBe(404);
  });
});
