import { AppError } from "../errors.js";

/** One field that failed validation in a service (after the zod schema passed). */
export type FieldIssue = { field: string; reason: string };

/** A 400 naming every bad field, shaped like the schema validation errors ("field: reason"). */
export function invalidFields(issues: FieldIssue[]): AppError {
  const lines = issues.map((i) => `${i.field}: ${i.reason}`);
  return new AppError("VALIDATION", lines.join("; "), { issues: lines, fields: issues });
}

/** True when the database refused a row for breaking a unique constraint (SQLSTATE 23505),
 * on both engines: pg and PGlite errors both carry `code`. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** "2026-03-05" → "05/03/2026" for messages. */
export function formatDateVi(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

/** An instant as local "DD/MM/YYYY HH:mm" for messages. */
export function formatDateTimeVi(at: Date, utcOffsetMinutes: number): string {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString();
  return `${formatDateVi(local.slice(0, 10))} ${local.slice(11, 16)}`;
}
