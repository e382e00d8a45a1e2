/** An instant as ISO 8601 UTC; tolerant of drivers that hand back text. */
export function toIsoInstant(v: Date | string): string {
  return (v instanceof Date ? v : new Date(v)).toISOString();
}
