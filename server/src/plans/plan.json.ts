// jsonb columns come back parsed from both engines, but a value written a moment ago as text may
// still be text; and PostgreSQL reorders the keys of jsonb. These two helpers hide both.

/** A jsonb value as an object (parses text). */
export function jsonOf<T>(v: unknown): T {
  return (typeof v === "string" ? JSON.parse(v) : v) as T;
}

/** Key-order-insensitive equality of two JSON values (text or parsed). */
export function sameJson(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.keys(v as Record<string, unknown>).sort().map((k) => [k, norm((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  const parse = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v ?? null);
  return JSON.stringify(norm(parse(a))) === JSON.stringify(norm(parse(b)));
}
