// The conference form validates with the server's request schema
// (server/src/meetings/meeting.schema.ts), plus what the server checks only once it knows the
// unit's time zone: start and end must be date-times, end after start. The same domain parser
// reads them (Vietnam time, for the comparison only). The planning fields the form holds as
// text (chairs one per line, ids as select values) are turned into the API's body by
// toMeetingInput.
import { z } from "zod";
import { ZMeetingCreateSchema } from "@server/meetings/meeting.schema.js";
import { parseDateTime } from "@server/domain/date-values.js";
import { KL226_DEFAULTS } from "@server/domain/settings.js";
import type { MeetingInput } from "./api/meetings.api";
import { MEETING_TEXT as T } from "./texts";

const OFFSET = KL226_DEFAULTS.sessionConvention.utcOffsetMinutes;

/** The instant of a typed date-time, or null. */
export function readDateTime(text: string): Date | null {
  const r = parseDateTime(text, OFFSET);
  return r.ok ? r.value : null;
}

const ZDateTimeField = z.string().refine((s) => readDateTime(s) !== null, T.badDateTime);
const ZOptionalDateTimeField = z.string().refine((s) => s.trim() === "" || readDateTime(s) !== null, T.badDateTime);
/** A select holding an id, "" for none. */
const ZIdChoice = z.string().regex(/^\d*$/);

export const ZMeetingForm = ZMeetingCreateSchema.omit({ chairs: true, plannedId: true, relatedMeetingId: true, papersSentAt: true, invitedBlocs: true })
  .extend({
    start: ZDateTimeField,
    end: ZDateTimeField,
    /** one leader a line */
    chairsText: z.string().max(2000),
    invitedBlocs: z.array(z.string()),
    plannedId: ZIdChoice,
    relatedMeetingId: ZIdChoice,
    papersSentAt: ZOptionalDateTimeField,
  })
  .superRefine((v, ctx) => {
    const start = readDateTime(v.start);
    const end = readDateTime(v.end);
    if (start && end && end.getTime() <= start.getTime()) ctx.addIssue({ code: "custom", path: ["end"], message: T.endBeforeStart });
  });

export type MeetingFormInput = z.input<typeof ZMeetingForm>;
export type MeetingFormOutput = z.output<typeof ZMeetingForm>;

const text = (v: unknown): string => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
const orNull = (v: unknown): string | null => text(v).trim() || null;
const idOrNull = (v: unknown): number | null => (/^\d+$/.test(text(v)) ? Number(text(v)) : null);

/** The names typed one a line (blank lines dropped). */
export function chairsOf(chairsText: unknown): string[] {
  return text(chairsText).split("\n").map((n) => n.trim()).filter((n) => n !== "");
}

/** The planning part of the body from the form's values (the whole set: the form shows all). */
export function planningInput(v: Partial<MeetingFormInput>): Pick<
  MeetingInput, "plannedId" | "chairs" | "invitedBlocs" | "invitedOrgCodes" | "invitationReason" | "relatedMeetingId" | "relatedDocument" | "repeatReason" | "agenda" | "papersSentAt"
> {
  const sent = text(v.papersSentAt).trim();
  return {
    plannedId: idOrNull(v.plannedId),
    chairs: chairsOf(v.chairsText),
    invitedBlocs: (v.invitedBlocs ?? []).filter((b): b is string => typeof b === "string"),
    invitedOrgCodes: (v.invitedOrgCodes ?? []).filter((c): c is string => typeof c === "string"),
    invitationReason: orNull(v.invitationReason),
    relatedMeetingId: idOrNull(v.relatedMeetingId),
    relatedDocument: orNull(v.relatedDocument),
    repeatReason: orNull(v.repeatReason),
    agenda: orNull(v.agenda),
    papersSentAt: sent !== "" && readDateTime(sent) !== null ? sent : null,
  };
}

/** The API body of a submitted form. */
export function toMeetingInput(v: MeetingFormOutput): MeetingInput {
  const { chairsText: _c, plannedId: _p, relatedMeetingId: _r, papersSentAt: _s, invitedBlocs: _b, invitedOrgCodes: _o, invitationReason: _i,
    relatedDocument: _d, repeatReason: _rr, agenda: _a, ...base } = v;
  return { ...(base as MeetingInput), ...planningInput(v as Partial<MeetingFormInput>) };
}
