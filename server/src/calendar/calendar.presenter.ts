// The calendar's JSON: conferences with their units named, and what each clashes with.
import type { AppContext } from "../context.js";
import type { ConferenceClash } from "../domain/conferences/clashes.js";
import type { MeetingsTable } from "../db/schema.js";
import { toIsoInstant } from "../registers/present.js";
import type { CalendarRow } from "./calendar.repository.js";

export type UnitRef = { id: number; code: string; name: string };

/** The other conference of a clash, and what the two share. */
export type CalendarClashJson = {
  other: { id: number; orgCode: string; orgName: string; title: string; start: string; end: string; format: MeetingsTable["format"] };
  /** chair names as written on this conference, shared with the other (M9) */
  sharedChairs: string[];
  /** units booked by both: host or invited (M9) */
  sharedUnits: UnitRef[];
};

/** A conference as the calendar shows it; instants in ISO 8601 UTC. */
export type CalendarConferenceJson = {
  id: number;
  orgId: number;
  orgCode: string;
  orgName: string;
  title: string;
  category: MeetingsTable["category"];
  scope: MeetingsTable["scope"];
  format: MeetingsTable["format"];
  start: string;
  end: string;
  chairs: string[];
  invitedUnits: UnitRef[];
  /** held under a planned conference of the annual plan (M7) */
  isPlanned: boolean;
  /** hosted by a unit of the view, or only inviting one */
  role: "host" | "invited";
  clashes: CalendarClashJson[];
};

/** A unit by id, named as far as the tree knows it. */
export function unitRef(ctx: AppContext, id: number): UnitRef {
  const org = ctx.orgs.get(id);
  return { id, code: org?.code ?? String(id), name: org?.name ?? `#${id}` };
}

export function presentClash(ctx: AppContext, clash: ConferenceClash, other: CalendarRow): CalendarClashJson {
  const host = unitRef(ctx, other.org_id);
  return {
    other: { id: other.id, orgCode: host.code, orgName: host.name, title: other.title, start: toIsoInstant(other.start_at), end: toIsoInstant(other.end_at), format: other.format },
    sharedChairs: clash.sharedChairs,
    sharedUnits: clash.sharedOrgIds.map((id) => unitRef(ctx, id)),
  };
}

export function presentConference(ctx: AppContext, row: CalendarRow, role: "host" | "invited", clashes: CalendarClashJson[]): CalendarConferenceJson {
  const host = unitRef(ctx, row.org_id);
  return {
    id: row.id,
    orgId: row.org_id,
    orgCode: host.code,
    orgName: host.name,
    title: row.title,
    category: row.category,
    scope: row.scope,
    format: row.format,
    start: toIsoInstant(row.start_at),
    end: toIsoInstant(row.end_at),
    chairs: row.chairs,
    invitedUnits: row.invited_org_ids.map((id) => unitRef(ctx, id)),
    isPlanned: row.planned_id !== null,
    role,
    clashes,
  };
}
