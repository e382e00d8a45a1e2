// What the conference form offers to pick from beyond the user's own subtree: the units a
// conference may invite (its province, flagged by M8 when outside the host's subtree) and the
// upper conferences it may relate to (M6). Both are read for a host unit the user may write.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { reachedLowerLevels } from "../domain/conferences/repeats.js";
import { foldDiacritics } from "../domain/normalize.js";
import type { MeetingFormat } from "../domain/settings.js";
import { resolveWriteOrg } from "../registers/register-scope.js";
import { toIsoInstant } from "../registers/present.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { conferenceAreaOf } from "./meeting-planning.service.js";
import { listOnlineConferencesOf } from "./meeting-planning.repository.js";

/** A unit the host may invite. */
export type InvitableUnit = { code: string; name: string; level: string; bloc: string; withinHostScope: boolean };

/** An upper conference the form may link (M6). */
export type UpperConferenceJson = {
  id: number; orgCode: string; orgName: string; title: string; start: string; format: MeetingFormat; reachedThisLevel: boolean;
};

/** The units of the host's area, the host's own subtree first, then by code. */
export async function listInvitableUnits(ctx: AppContext, user: SessionUser, orgCode: string): Promise<{ items: InvitableUnit[] }> {
  const host = await resolveWriteOrg(ctx, user, orgCode, "org");
  const items = conferenceAreaOf(ctx, host.id)
    .filter((id) => id !== host.id)
    .map((id) => ctx.orgs.get(id))
    .filter((o) => o !== undefined)
    .map((o) => ({ code: o.code, name: o.name, level: o.level, bloc: o.bloc, withinHostScope: ctx.orgs.isInSubtree(host.id, o.id) }))
    .sort((a, b) => Number(b.withinHostScope) - Number(a.withinHostScope) || a.code.localeCompare(b.code));
  return { items };
}

/** How many upper conferences the picker lists. */
const UPPER_LIMIT = 50;
const DAY_MS = 86_400_000;

/**
 * Online or hybrid conferences of the units above the host in the M6 window before `before`
 * (default now), whose title contains `q` (folded), latest first.
 */
export async function listUpperConferences(ctx: AppContext, user: SessionUser, q: { org: string; q?: string | undefined; before?: Date | undefined }): Promise<{ items: UpperConferenceJson[] }> {
  const host = await resolveWriteOrg(ctx, user, q.org, "org");
  const settings = await getSettingsFor(ctx, host.id);
  const before = q.before ?? ctx.now();
  const from = new Date(before.getTime() - settings.conferencePlanning.repeatWindowDays * DAY_MS);
  const ancestors = ctx.orgs.ancestors(host.id).map((o) => o.id).filter((id) => id !== host.id);
  const needle = q.q ? foldDiacritics(q.q) : "";
  const rows = await listOnlineConferencesOf(ctx.handle.db, ancestors, from, before);
  const items = rows
    .filter((r) => needle === "" || foldDiacritics(r.title).includes(needle))
    .slice(0, UPPER_LIMIT)
    .map((r) => {
      const unit = ctx.orgs.get(r.org_id);
      return {
        id: Number(r.id), orgCode: unit?.code ?? String(r.org_id), orgName: unit?.name ?? String(r.org_id), title: r.title,
        start: toIsoInstant(r.start_at), format: r.format,
        reachedThisLevel: reachedLowerLevels({ format: r.format, scope: r.scope, communeParticipants: r.commune_participants }),
      };
    });
  return { items };
}
