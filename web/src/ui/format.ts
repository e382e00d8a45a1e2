// Vietnamese formats for the screens: numbers 1.234,5; dates dd/mm/yyyy; times in
// Asia/Ho_Chi_Minh whatever the browser's own zone.

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 1234.5 → "1.234,5" (at most `maxDecimals` decimals). */
export function formatNumber(n: number, maxDecimals = 1): string {
  let f = numberFormats.get(maxDecimals);
  if (!f) {
    f = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: maxDecimals });
    numberFormats.set(maxDecimals, f);
  }
  return f.format(n);
}

/** 17.5 → "17,5%". */
export function formatPercent(n: number): string {
  return `${formatNumber(n)}%`;
}

/** "2026-03-05" → "05/03/2026"; anything else is returned as is. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

const dateTimeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

/** An instant → its local parts in Asia/Ho_Chi_Minh. */
function localParts(instant: string | Date): Record<string, string> {
  const parts = dateTimeParts.formatToParts(typeof instant === "string" ? new Date(instant) : instant);
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** An instant → "dd/mm/yyyy HH:mm" in Asia/Ho_Chi_Minh. */
export function formatDateTime(instant: string | Date): string {
  const p = localParts(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today in Asia/Ho_Chi_Minh as YYYY-MM-DD. */
export function todayLocal(now: Date = new Date()): string {
  const p = localParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "05/03/2026" (or "2026-03-05") → "2026-03-05"; null when not a real date. */
export function parseDayInput(text: string): string | null {
  const s = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/** "dd/mm/yyyy HH:mm" (local time) → ISO 8601 with the +07:00 offset; null when invalid. */
export function parseDateTimeInput(text: string): string | null {
  const m = /^(.+?)\s+(\d{1,2})[:hH](\d{2})$/.exec(text.trim());
  if (!m || !m[1]) return null;
  const day = parseDayInput(m[1]);
  const h = Number(m[2]);
  const mi = Number(m[3]);
  if (!day || h > 23 || mi > 59) return null;
  return `${day}T${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}:00+07:00`;
}
