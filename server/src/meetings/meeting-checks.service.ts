// Preventive checks before a conference is saved (issue point 6): M3 quota, M4 duration, M5
// speeches — the rules themselves live in domain/conference-checks.ts; this file finds the
// host unit whose M3 quota a conference uses and how much of it is already taken.
import type { AppContext } from "../context.js";
import type { Db } from "../db/database.js";
import { checkConference, type ConferenceInput, type Finding } from "../domain/conference-checks.js";
import type { JurisdictionSettings, MeetingScope } from "../domain/settings.js";
import { AppError } from "../errors.js";
import { countWideMeetings, lockWideQuota } from "./meeting.repository.js";
import type { MeetingPlanning } from "./meeting-planning.service.js";

/** A conference as the checks see it: the unit, the domain input and the planning fields. */
export type MeetingDraft = ConferenceInput & { orgId: number; planning: MeetingPlanning };

/** The M3 slot a conference takes: a host unit's quota of one scope in one local year. */
export type QuotaSlot = { hostId: number; scope: MeetingScope; year: number };

const HOST_LEVEL: Partial<Record<MeetingScope, "province" | "commune">> = { toan_tinh: "province", toan_xa: "commune" };

/** Local calendar year of an instant. */
function localYear(at: Date, utcOffsetMinutes: number): number {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).getUTCFullYear();
}

/** Local midnight of 1 January `year` as an instant. */
function yearStart(year: number, utcOffsetMinutes: number): Date {
  return new Date(Date.UTC(year, 0, 1) - utcOffsetMinutes * 60_000);
}

/**
 * M3 — KL 226 §2.2; data-contract.md §Indicator sheet M3: the slot a conference takes, or null
 * when it takes none (kỳ họp định kỳ, an exception decision, a scope other than toàn tỉnh /
 * toàn xã, or no province/commune at or above its unit). The quota belongs to the nearest
 * ancestor-or-self of level province (toàn tỉnh) or commune (toàn xã).
 */
export function quotaSlotOf(ctx: AppContext, d: MeetingDraft, utcOffsetMinutes: number): QuotaSlot | null {
  const level = HOST_LEVEL[d.scope];
  if (level === undefined || d.category === "dinh_ky") return null;
  if (d.exceptionDecision !== null && d.exceptionDecision.trim() !== "") return null;
  const host = ctx.orgs.ancestors(d.orgId).filter((o) => o.level === level).pop();
  if (!host) return null;
  return { hostId: host.id, scope: d.scope, year: localYear(d.start, utcOffsetMinutes) };
}

const sameSlot = (a: QuotaSlot | null, b: QuotaSlot | null) =>
  a !== null && b !== null && a.hostId === b.hostId && a.scope === b.scope && a.year === b.year;

export type CheckOptions = {
  /** the conference being edited: not counted against its own quota */
  excludeId: number | null;
  /** its slot before the edit; an edit that keeps the same slot takes nothing new, so M3 is
   * not re-checked (fixing a typo in an over-quota conference is never refused) */
  previousSlot: QuotaSlot | null;
  /** inside a write transaction: hold the host's quota lock until commit */
  lock: boolean;
};

/**
 * Runs M3/M4/M5 on a draft with the unit's settings. `db` is the transaction of the write (or
 * the plain handle for a dry run). The M3 count uses the same units as the indicator sheet's
 * M3: the host's subtree and its predecessors.
 */
export async function runPreventiveChecks(ctx: AppContext, db: Db, d: MeetingDraft, settings: JurisdictionSettings, o: CheckOptions): Promise<Finding[]> {
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const slot = quotaSlotOf(ctx, d, offset);
  const checkQuota = slot !== null && !sameSlot(slot, o.previousSlot);
  let wideUsedThisYear = 0;
  if (checkQuota) {
    if (o.lock) await lockWideQuota(db, slot.hostId);
    const units = ctx.orgs.countedOrgs(slot.hostId, true).map((c) => c.id);
    const from = yearStart(slot.year, offset);
    const to = yearStart(slot.year + 1, offset);
    wideUsedThisYear = await countWideMeetings(db, units, slot.scope, from, to, o.excludeId);
  }
  const findings = checkConference(d, { settings, wideUsedThisYear });
  return checkQuota ? findings : findings.filter((f) => f.rule !== "M3");
}

/** 422 when any finding is an error (M3 over quota without a decision); warnings pass. */
export function refuseOnErrors(findings: Finding[]): void {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new AppError("RULE_VIOLATION", errors.map((f) => f.message).join("; "), { findings });
  }
}
