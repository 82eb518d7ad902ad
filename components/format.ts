/**
 * Numbers and dates in the artist's locale (docs/ui.md "Words and numbers"). Pure functions that
 * take the locale, so they are tested with fixed locales; callers pass navigator.language.
 */

// Building an Intl formatter costs far more than using one, and an overlay or table formats
// hundreds of cells per render: formatters are made once per locale and options.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(kind: string, locale: string | undefined, make: () => T): T {
  const key = `${kind}\u0000${locale ?? ''}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

const numbers = (locale?: string) => cached('count', locale, () => new Intl.NumberFormat(locale));

export function formatCount(value: number | null | undefined, locale?: string): string {
  return value === null || value === undefined ? '—' : numbers(locale).format(value);
}

/** Percentages without decimals unless under 10 (then one). 0.913 → "91 %" in en? → "91%". */
export function formatPercent(ratio: number | null | undefined, locale?: string): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const digits = Math.abs(ratio * 100) < 10 ? 1 : 0;
  return cached(`percent${digits}`, locale, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 })).format(ratio);
}

/** A signed difference: "+12", "−340", "0". */
export function formatSigned(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined) return '—';
  return cached('signed', locale, () => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' })).format(value);
}

/** "Mon 3 Apr" (the order follows the locale). Days are UTC calendar days. */
export function formatDay(day: string, locale?: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return cached('day', locale, () => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })).format(date);
}

/** "Apr 2025" style month label. */
export function formatMonth(month: string, locale?: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return cached('month', locale, () => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })).format(date);
}

/** Relative for recent reads ("2 h ago"), a date beyond a week. */
export function formatRelativeTime(instant: string, now: Date, locale?: string): string {
  const seconds = Math.round((Date.parse(instant) - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const relative = cached('relative', locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
  if (abs < 60) return relative.format(0, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  return cached('date', locale, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' })).format(new Date(instant));
}

/** "April 2025" (in a sentence; tables use the short formatMonth). */
export function formatLongMonth(month: string, locale?: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return cached('longMonth', locale, () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(date);
}

/** A reading's time, in UTC as the evidence states it: "7 Apr 2025, 08:00 UTC". */
export function formatInstant(instant: string, locale?: string): string {
  return cached('instant', locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })).format(new Date(instant)) + ' UTC';
}

/** A day with its year, "3 Apr 2025" (for days that may lie in another year). */
export function formatDate(day: string, locale?: string): string {
  return cached('date-utc', locale, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })).format(new Date(`${day}T00:00:00Z`));
}

/** A rate: one decimal under 10 ("1.8", "1,8"), whole from 10 up. */
export function formatDecimal(value: number, locale?: string): string {
  const digits = value >= 10 ? 0 : 1;
  return cached(`decimal${digits}`, locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(value);
}

/** "Thu", "Do." — a UTC day's short weekday. */
export function formatWeekday(day: string, locale?: string): string {
  return cached('weekday', locale, () => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' })).format(new Date(`${day}T00:00:00Z`));
}

/**
 * "€4.12", "4,12 €", "US$0.0031": an amount exactly as a report states it ("4.12") in the
 * locale's currency form, with every digit the report has (at least two). Never adds currencies.
 */
export function formatMoney(revenue: { readonly amount: string; readonly currency: string }, locale?: string): string {
  const decimals = Math.min(20, Math.max(2, (revenue.amount.split('.')[1] ?? '').length));
  const formatter = cached(`money${revenue.currency}${decimals}`, locale, () => new Intl.NumberFormat(locale, { style: 'currency', currency: revenue.currency, minimumFractionDigits: 2, maximumFractionDigits: decimals }));
  // format() takes a decimal string exactly (Intl.NumberFormat v3); older engines round through a double.
  return formatter.format(revenue.amount as unknown as number);
}

/** A rate per stream, two significant digits: "€0.0031"; "—" without one. */
export function formatRate(rate: number | null, currency: string, locale?: string): string {
  if (rate === null) return '—';
  return cached(`rate${currency}`, locale, () => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumSignificantDigits: 2 })).format(rate);
}

/**
 * The overlay's formatters made ahead, one per task (`schedule` runs the next one later): the
 * first Intl formatter of a kind loads its locale data, up to ≈ 40 ms on a busy dashboard, and
 * made during the overlay's first render it made that render one long unbroken stretch
 * (BENCHMARKS.md, "Page cost"). Each made here is the one the render then reuses.
 */
export function prepareFormatters(locale: string, schedule: (next: () => void) => void): void {
  const steps = [
    () => formatCount(1, locale),
    () => formatPercent(0.5, locale),
    () => formatPercent(0.05, locale),
    () => formatSigned(1, locale),
    () => formatDay('2025-01-01', locale),
    () => formatMonth('2025-01', locale),
    () => formatLongMonth('2025-01', locale),
    () => formatDate('2025-01-01', locale),
    () => formatWeekday('2025-01-01', locale),
  ];
  const next = (i: number) => {
    if (i >= steps.length) return;
    steps[i]!();
    schedule(() => next(i + 1));
  };
  schedule(() => next(0));
}
