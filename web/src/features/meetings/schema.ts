// The conference form validates with the server's request schema
// (server/src/meetings/meeting.schema.ts), plus what the server checks only once it knows the
// unit's time zone: start and end must be date-times, end after start. The same domain parser
// reads them (Vietnam time, for the comparison only).
import { z } from "zod";
import { ZMeetingCreateSchema } from "@server/meetings/meeting.schema.js";
import { parseDateTime } from "@server/domain/date-values.js";
import { KL226_DEFAULTS } from "@server/domain/settings.js";
import { MEETING_TEXT as T } from "./texts";

const OFFSET = KL226_DEFAULTS.sessionConvention.utcOffsetMinutes;

/** The instant of a typed date-time, or null. */
export function readDateTime(text: string): Date | null {
  const r = parseDateTime(text, OFFSET);
  return r.ok ? r.value : null;
}

const ZDateTimeField = z.string().refine((s) => readDateTime(s) !== null, T.badDateTime);

export const ZMeetingForm = ZMeetingCreateSchema.extend({ start: ZDateTimeField, end: ZDateTimeField }).superRefine((v, ctx) => {
  const start = readDateTime(v.start);
  const end = readDateTime(v.end);
  if (start && end && end.getTime() <= start.getTime()) ctx.addIssue({ code: "custom", path: ["end"], message: T.endBeforeStart });
});

export type MeetingFormInput = z.input<typeof ZMeetingForm>;
export type MeetingFormOutput = z.output<typeof ZMeetingForm>;
