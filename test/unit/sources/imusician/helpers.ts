import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImusicianParseResult, ImusicianReadContext } from '../../../../core/sources/imusician/result';
import { parseImusicianResponse } from '../../../../core/sources/imusician/parse-response';

// A string path (not `new URL`): under happy-dom the global URL is the DOM's, not Node's.
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/imusician') + '/';

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export const APP = 'https://www.imusician.pro';
export const API = `${APP}/api/v2/analytics/trends`;

export const HARBOUR = 'CHXXX2400001';
export const CAFE = 'CHXXX2400003';
export const DAYS = ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24'];
/** Harbour Lights on Spotify: 91 % of S4A's 218, 224, 211, 230, 241, 236, 219. */
export const HARBOUR_SPOTIFY = [198, 204, 192, 209, 219, 215, 199];

export function context(overrides: Partial<ImusicianReadContext> = {}): ImusicianReadContext {
  return { today: '2026-03-31', ...overrides };
}

export function parse(body: unknown, url = API, overrides: Partial<ImusicianReadContext> = {}): ImusicianParseResult {
  return parseImusicianResponse({ url, status: 200, body }, context(overrides));
}

/** "ref store" → values in day order, for compact assertions. */
export function seriesOf(result: ImusicianParseResult): Record<string, number[]> {
  const series: Record<string, Array<[string, number]>> = {};
  for (const obs of result.observations) (series[`${obs.ref} ${obs.store}`] ??= []).push([obs.day, obs.value]);
  return Object.fromEntries(Object.entries(series).map(([key, points]) => [key, points.sort((a, b) => a[0].localeCompare(b[0])).map(([, value]) => value)]));
}

/** Day/count rows for inline bodies. */
export function rows(values: readonly number[], dateKey = 'date', countKey = 'streams'): Array<Record<string, unknown>> {
  return values.map((value, index) => ({ [dateKey]: DAYS[index], [countKey]: value }));
}
