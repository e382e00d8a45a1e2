/** One CSV field for COPY … (format csv): strings always quoted (so "" stays an empty string),
 * null as an unquoted empty field (COPY reads it as NULL), booleans as t/f, dates as ISO. */
export function csvField(value: string | number | boolean | Date | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  return `"${value.replaceAll('"', '""')}"`;
}

/** CSV lines for `rows`, each turned into fields by `fieldsOf`. */
export function toCsv<T>(rows: readonly T[], fieldsOf: (row: T) => Array<string | number | boolean | Date | null>): string {
  let out = "";
  for (const row of rows) out += `${fieldsOf(row).map(csvField).join(",")}\n`;
  return out;
}
