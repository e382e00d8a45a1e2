// iCalendar feeds (issue 7 §2): a unit's conferences and those it is invited to, or a person's —
// the conferences they chair (by name, folded), or that their unit hosts or is invited to. A
// mail client cannot send our session cookie, so the URL carries a secret token; whoever holds
// the URL reads the feed, as long as its owner is enabled, may still read the unit, and has not
// revoked it.
import { createHash, randomBytes } from "node:crypto";
import type { AppContext } from "../context.js";
import { authorize, can, type SessionUser } from "../auth/policy.js";
import { AppError, notFound } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import { chairKey } from "../domain/conferences/clashes.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { invalidFields } from "../registers/register-errors.js";
import { toIsoInstant } from "../registers/present.js";
import { findCalendarRows, type CalendarRow } from "./calendar.repository.js";
import { unitRef } from "./calendar.presenter.js";
import { countActiveFeeds, findActiveFeedByHash, findActiveFeedOf, insertFeed, listActiveFeeds, revokeFeed, type FeedRow } from "./feed.repository.js";
import { renderFeed } from "./ical.render.js";
import { FEED_TOKEN_PATTERN, type TFeedCreate } from "./calendar.schema.js";

/** A feed shows conferences from this many days back… */
export const FEED_DAYS_BACK = 90;
/** …to this many days ahead: the year's plan, and last quarter's for reference. */
export const FEED_DAYS_AHEAD = 365;
/** Feeds one user may hold at once: a few devices and units; more is a leak waiting to happen. */
export const MAX_ACTIVE_FEEDS = 20;

const DAY_MS = 86_400_000;
const ENTITY = "calendar_feeds";

/** A feed as its owner sees it; `url` (a path) only in the answer that created it. */
export type FeedJson = { id: number; kind: FeedRow["kind"]; orgCode: string; orgName: string; createdAt: string; url?: string };

const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

function presentFeed(ctx: AppContext, row: FeedRow): FeedJson {
  const org = unitRef(ctx, row.org_id);
  return { id: row.id, kind: row.kind, orgCode: org.code, orgName: org.name, createdAt: toIsoInstant(row.created_at) };
}

/** Issues a feed URL; the token is shown once, here, and only its hash is kept. */
export async function createFeed(ctx: AppContext, user: SessionUser, input: TFeedCreate): Promise<FeedJson> {
  await ctx.orgs.refresh();
  if (input.kind === "person" && input.org !== undefined) throw invalidFields([{ field: "org", reason: "lịch cá nhân theo đơn vị của tài khoản, không chọn đơn vị" }]);
  const org = input.org === undefined ? ctx.orgs.get(user.orgId) : ctx.orgs.byCode(input.org);
  if (!org) throw notFound(`đơn vị ${input.org ?? user.orgId}`);
  authorize(user, "read", org.id, ctx.orgs);
  const token = randomBytes(32).toString("base64url");
  return ctx.handle.db.transaction().execute(async (trx) => {
    if ((await countActiveFeeds(trx, user.id)) >= MAX_ACTIVE_FEEDS) {
      throw new AppError("CONFLICT", `Mỗi tài khoản giữ tối đa ${MAX_ACTIVE_FEEDS} đường dẫn lịch; hãy thu hồi bớt đường dẫn cũ`);
    }
    const row = await insertFeed(trx, { token_hash: hashToken(token), user_id: user.id, kind: input.kind, org_id: org.id });
    const after = presentFeed(ctx, row);
    await recordAudit(trx, { userId: user.id, action: "create", entity: ENTITY, entityId: row.id, orgId: org.id, after });
    return { ...after, url: `/ical/${token}.ics` };
  });
}

export async function listFeeds(ctx: AppContext, user: SessionUser): Promise<{ items: FeedJson[] }> {
  await ctx.orgs.refresh();
  return { items: (await listActiveFeeds(ctx.handle.db, user.id)).map((r) => presentFeed(ctx, r)) };
}

/** Revokes one of the user's own feeds: its URL answers 404 from now on. */
export async function revokeFeedById(ctx: AppContext, user: SessionUser, id: number): Promise<void> {
  await ctx.orgs.refresh();
  await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await findActiveFeedOf(trx, user.id, id);
    if (!row) throw notFound(`đường dẫn lịch #${id}`);
    await revokeFeed(trx, id, ctx.now());
    await recordAudit(trx, { userId: user.id, action: "delete", entity: ENTITY, entityId: id, orgId: row.org_id, before: presentFeed(ctx, row) });
  });
}

/** The .ics of a feed URL's file name ("<token>.ics"); 404 for anything unknown or revoked. */
export async function renderFeedFile(ctx: AppContext, file: string): Promise<string> {
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  if (!FEED_TOKEN_PATTERN.test(token)) throw notFound("lịch");
  const feed = await findActiveFeedByHash(ctx.handle.db, hashToken(token));
  if (!feed) throw notFound("lịch");
  await ctx.orgs.refresh();
  const owner: SessionUser = { id: feed.user.id, username: feed.user.username, fullName: feed.user.full_name, role: feed.user.role, orgId: feed.user.org_id };
  // a person's feed follows the person to their current unit; a unit feed stops when its owner
  // may no longer read the unit (moved elsewhere): it is gone, not forbidden, to whoever asks
  const orgId = feed.kind === "person" ? owner.orgId : feed.org_id;
  if (!can(owner, "read", orgId, ctx.orgs)) throw notFound("lịch");
  const offset = (await getSettingsFor(ctx, orgId)).sessionConvention.utcOffsetMinutes;
  const now = ctx.now();
  const window = { from: new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS), to: new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS) };
  const rows = feed.kind === "unit"
    ? await findCalendarRows(ctx.handle.db, { ...window, bookedIn: [orgId] })
    : await findPersonRows(ctx, owner, window);
  const unitName = unitRef(ctx, orgId).name;
  return renderFeed({
    name: feed.kind === "unit" ? `Lịch hội nghị — ${unitName}` : `Lịch hội nghị của ${owner.fullName}`,
    description: feed.kind === "unit"
      ? `Hội nghị do ${unitName} chủ trì hoặc được mời dự, từ ${FEED_DAYS_BACK} ngày trước đến ${FEED_DAYS_AHEAD} ngày tới`
      : `Hội nghị ${owner.fullName} chủ trì, hoặc ${unitName} chủ trì hay được mời dự, từ ${FEED_DAYS_BACK} ngày trước đến ${FEED_DAYS_AHEAD} ngày tới`,
    stamp: now,
    utcOffsetMinutes: offset,
    events: rows.map((r) => ({
      id: r.id, title: r.title, category: r.category, scope: r.scope, format: r.format, start: r.start_at, end: r.end_at,
      chairs: r.chairs, hostName: unitRef(ctx, r.org_id).name, invitedNames: r.invited_org_ids.map((id) => unitRef(ctx, id).name),
      isPlanned: r.planned_id !== null,
    })),
  });
}

/** A person's conferences among those they may read: their unit hosts or is invited, or they chair. */
async function findPersonRows(ctx: AppContext, owner: SessionUser, window: { from: Date; to: Date }): Promise<CalendarRow[]> {
  const name = chairKey(owner.fullName);
  // the database narrows by the last word of the name (leloi_fold keeps the honorifics and
  // spacing chairKey drops); the names are then compared exactly, as the clash check does
  const chairWord = name.split(" ").at(-1) ?? "";
  const rows = await findCalendarRows(ctx.handle.db, {
    ...window, bookedIn: ctx.orgs.subtreeIds(owner.orgId), narrowTo: { orgId: owner.orgId, chairWord },
  });
  return rows.filter((r) =>
    r.org_id === owner.orgId || r.invited_org_ids.includes(owner.orgId) || (name !== "" && r.chairs.some((c) => chairKey(c) === name)));
}
