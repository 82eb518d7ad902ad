/**
 * Words and numbers for reason messages (docs/ui.md "Words and numbers"). Deterministic on purpose:
 * the core runs in Node and in the extension, and the same history must give the same text.
 * Thousands separators are commas ("1,234"); the UI may re-format numbers for the locale.
 */
import { dayStartMs, type Day, type Month } from '../model/day';
import { BUILT_IN_SOURCE_LABELS, TAUGHT_SOURCE_PREFIX } from '../model/ids';

/** Names the artists know, for distributors we do not read yet (BUILT_IN_SOURCE_LABELS covers the rest). */
const KNOWN_NAMES: Readonly<Record<string, string>> = {
  distrokid: 'DistroKid',
  tunecore: 'TuneCore',
  cdbaby: 'CD Baby',
  amuse: 'Amuse',
  routenote: 'RouteNote',
  ditto: 'Ditto',
  landr: 'LANDR',
  believe: 'Believe',
  awal: 'AWAL',
  onerpm: 'ONErpm',
  unitedmasters: 'UnitedMasters',
  spinnup: 'Spinnup',
  recordjet: 'recordJet',
  fuga: 'FUGA',
};

const STORE_NAMES: Readonly<Record<string, string>> = {
  spotify: 'Spotify',
  all: 'all stores',
  apple: 'Apple Music',
  deezer: 'Deezer',
  amazon: 'Amazon Music',
  youtube: 'YouTube',
  tidal: 'TIDAL',
  pandora: 'Pandora',
  napster: 'Napster',
};

function capitaliseWords(id: string): string {
  return id
    .split(/[-_]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * "Spotify for Artists", "iMusician", "DistroKid", "my-distro" → "My Distro". A dashboard the
 * artist added (`taught-distrokid`, core/taught-sites.ts) is named by its distributor.
 */
export function sourceName(source: string): string {
  // Own keys only: a source named "constructor" is a name, not Object.prototype's function.
  if (Object.hasOwn(BUILT_IN_SOURCE_LABELS, source)) return BUILT_IN_SOURCE_LABELS[source as keyof typeof BUILT_IN_SOURCE_LABELS];
  const name = source.startsWith(TAUGHT_SOURCE_PREFIX) && source.length > TAUGHT_SOURCE_PREFIX.length ? source.slice(TAUGHT_SOURCE_PREFIX.length) : source;
  return (Object.hasOwn(KNOWN_NAMES, name) ? KNOWN_NAMES[name] : undefined) ?? capitaliseWords(name);
}

export function storeName(store: string): string {
  return (Object.hasOwn(STORE_NAMES, store) ? STORE_NAMES[store] : undefined) ?? capitaliseWords(store);
}

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  const digits = String(Math.round(Math.abs(value)));
  let out = digits;
  if (digits.length > 3) {
    const head = digits.length % 3 || 3;
    out = digits.slice(0, head);
    for (let i = head; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  }
  return value < 0 && out !== '0' ? `−${out}` : out;
}

/** A ratio as a percentage: no decimals unless under 10 % (docs/ui.md). 0.912 → "91 %". */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  if (Math.abs(percent) < 10 && Math.round(percent * 10) !== Math.round(percent) * 10) {
    return `${(Math.round(percent * 10) / 10).toFixed(1)} %`;
  }
  return `${Math.round(percent)} %`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-04-03" → "Thu 3 Apr" (docs/ui.md: short, with weekday; the row itself carries the year). */
export function formatDay(day: Day): string {
  const weekday = WEEKDAYS[new Date(dayStartMs(day)).getUTCDay()];
  return `${weekday} ${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
}

/** "2025-04" → "April 2025". */
export function formatMonth(month: Month): string {
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "2025-04-07T08:00:00.000Z" → "2025-04-07 08:00 UTC". */
export function formatInstant(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;
}

/** Rounds a ratio for output: 4 decimals are more than any dashboard's precision. */
export function roundRatio(ratio: number): number {
  return Math.round(ratio * 10_000) / 10_000;
}
