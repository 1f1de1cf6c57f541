// Calendar dates ("YYYY-MM-DD", no time zone) shown and typed in the order of the user's language:
// 22.11.2026 in German, 11/22/2026 in English. The browser's own date input follows the browser's
// language, not the one chosen in Journeyboard, so a German page could ask for MM/DD/YYYY.
// Browser-safe; the order comes from Intl, so no per-language table is kept here.

export type DatePart = "day" | "month" | "year";

const SAMPLE = new Date(Date.UTC(2001, 10, 22));

/** The order of day, month and year and the separator the language writes between them. */
export function datePattern(locale: string): { order: DatePart[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }).formatToParts(SAMPLE);
  const order = parts.map((p) => p.type).filter((t): t is DatePart => t === "day" || t === "month" || t === "year");
  const separator = parts.find((p) => p.type === "literal")?.value ?? "-";
  return { order, separator };
}

function validIso(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31.02. rolls over into March
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "2026-11-22" → "22.11.2026" (de) / "11/22/2026" (en); anything else is returned unchanged. */
export function formatLocalDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const values: Record<DatePart, string> = { year: m[1], month: m[2], day: m[3] };
  const { order, separator } = datePattern(locale);
  return order.map((p) => values[p]).join(separator);
}

/**
 * What the user typed → "YYYY-MM-DD", or null when it is not a real date. Accepts the language's
 * order with any separator ("22.11.2026", "22/11/2026", "22 11 2026") and ISO dates (pasted values).
 */
export function parseLocalDate(text: string, locale: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return validIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numbers = trimmed.split(/[^0-9]+/).filter(Boolean);
  if (numbers.length !== 3) return null;
  const { order } = datePattern(locale);
  const values = Object.fromEntries(order.map((p, i) => [p, numbers[i]])) as Record<DatePart, string>;
  if (values.year.length !== 4) return null;
  return validIso(Number(values.year), Number(values.month), Number(values.day));
}
