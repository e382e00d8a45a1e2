import type { BunchingEdge, BunchingFinding } from "@server/domain/conferences/bunching.js";
import { apiFetch } from "../../../ui/api-client";

/** A unit as the calendar names it (server/src/calendar/calendar.presenter.ts UnitRef). */
export type UnitRef = { id: number; code: string; name: string };

/** The other conference of a clash and what the two share (CalendarClashJson). */
export type CalendarClash = {
  other: { id: number; orgCode: string; orgName: string; title: string; start: string; end: string; format: string };
  sharedChairs: string[];
  sharedUnits: UnitRef[];
};

/** A conference of the calendar (CalendarConferenceJson); instants in ISO 8601 UTC. */
export type CalendarConference = {
  id: number;
  orgId: number;
  orgCode: string;
  orgName: string;
  title: string;
  category: string;
  scope: string;
  format: "truc_tiep" | "truc_tuyen" | "ket_hop";
  start: string;
  end: string;
  chairs: string[];
  invitedUnits: UnitRef[];
  isPlanned: boolean;
  role: "host" | "invited";
  clashes: CalendarClash[];
};

/** One unit's year (server/src/calendar/calendar-bunching.ts UnitBunching). */
export type UnitBunching = {
  orgId: number;
  orgCode: string;
  orgName: string;
  year: number;
  total: number;
  isJudged: boolean;
  minConferences: number;
  edges: BunchingEdge[];
  findings: BunchingFinding[];
};

export type CalendarView = { org: UnitRef; subtree: boolean; from: string; to: string; conferences: CalendarConference[]; bunching: UnitBunching[] };

/** An iCalendar feed of the user (server/src/calendar/feed.service.ts FeedJson). */
export type CalendarFeed = { id: number; kind: "unit" | "person"; orgCode: string; orgName: string; createdAt: string; url?: string };

export type CalendarQuery = { org: string; subtree: boolean; from: string; to: string };

export function fetchCalendar(q: CalendarQuery, signal?: AbortSignal): Promise<CalendarView> {
  return apiFetch<CalendarView>("/api/calendar", { query: q, signal });
}

export async function fetchFeeds(signal?: AbortSignal): Promise<CalendarFeed[]> {
  return (await apiFetch<{ items: CalendarFeed[] }>("/api/calendar/feeds", { signal })).items;
}

export function createFeed(body: { kind: "unit" | "person"; org?: string }): Promise<CalendarFeed> {
  return apiFetch<CalendarFeed>("/api/calendar/feeds", { method: "POST", body });
}

export function revokeFeed(id: number): Promise<void> {
  return apiFetch<void>(`/api/calendar/feeds/${id}`, { method: "DELETE" });
}
