// Local times for ical-generator. With a TZID it writes a native Date in the *server process's*
// time zone, so the output would depend on the machine's TZ. It also takes Temporal
// ZonedDateTime objects (the stub interfaces it exports describe what it reads); Node 20 has no
// Temporal, so this is the small part of one we need: an instant seen at a fixed UTC offset
// (Asia/Ho_Chi_Minh has had no daylight saving since 1975; the offset is the unit's setting).
import type {
  ICalTemporalInstantStub, ICalTemporalPlainDateStub, ICalTemporalPlainDateTimeStub, ICalTemporalZonedDateTimeStub,
} from "ical-generator";

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** "+07:00" for 420. */
export function offsetText(offsetMinutes: number, separator = ":"): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

function plainDate(year: number, month: number, day: number): ICalTemporalPlainDateStub {
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { year, month, day, toJSON: () => text, toString: () => text };
}

/** An instant at a fixed offset, named by `timeZoneId` (an IANA name whose offset it is). */
export class FixedOffsetDateTime implements ICalTemporalZonedDateTimeStub {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;

  constructor(
    readonly epochMilliseconds: number,
    readonly timeZoneId: string,
    readonly offsetMinutes: number,
  ) {
    const wall = new Date(epochMilliseconds + offsetMinutes * 60_000);
    this.year = wall.getUTCFullYear();
    this.month = wall.getUTCMonth() + 1;
    this.day = wall.getUTCDate();
    this.hour = wall.getUTCHours();
    this.minute = wall.getUTCMinutes();
    this.second = wall.getUTCSeconds();
  }

  /** The same instant in `timeZone`: only this zone and UTC are known. */
  withTimeZone(timeZone: string): FixedOffsetDateTime {
    if (timeZone === this.timeZoneId) return this;
    if (timeZone === "UTC") return new FixedOffsetDateTime(this.epochMilliseconds, "UTC", 0);
    throw new Error(`time zone ${timeZone} is not known here (only ${this.timeZoneId} and UTC)`);
  }

  toInstant(): ICalTemporalInstantStub {
    const iso = new Date(this.epochMilliseconds).toISOString();
    return {
      epochMilliseconds: this.epochMilliseconds,
      epochSeconds: Math.floor(this.epochMilliseconds / 1000),
      toJSON: () => iso,
      toString: () => iso,
      toZonedDateTimeISO: (timeZone: string) => this.withTimeZone(timeZone),
    };
  }

  toPlainDateTime(): ICalTemporalPlainDateTimeStub {
    const { year, month, day, hour, minute, second } = this;
    const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
    return {
      year, month, day, hour, minute, second,
      toJSON: () => text,
      toString: () => text,
      toPlainDate: () => plainDate(year, month, day),
      // the wall time read in its own zone is this instant; in another zone it would be another
      toZonedDateTime: (timeZone: string) => {
        if (timeZone !== this.timeZoneId) throw new Error(`time zone ${timeZone} is not known here (only ${this.timeZoneId})`);
        return this;
      },
    };
  }

  toString(): string {
    return `${this.toPlainDateTime().toString()}${offsetText(this.offsetMinutes)}[${this.timeZoneId}]`;
  }

  toJSON(): string {
    return this.toString();
  }
}
