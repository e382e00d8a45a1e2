// Instants as the findings' messages write them: the unit's local time, dd/mm/yyyy HH:mm.

/** "dd/mm/yyyy" of an instant in the unit's time zone. */
export function localDateVi(at: Date, utcOffsetMinutes: number): string {
  const iso = new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** "dd/mm/yyyy HH:mm" of an instant in the unit's time zone. */
export function localDateTimeVi(at: Date, utcOffsetMinutes: number): string {
  const iso = new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString();
  return `${localDateVi(at, utcOffsetMinutes)} ${iso.slice(11, 16)}`;
}
