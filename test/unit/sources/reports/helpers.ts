import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { History } from '../../../../core/model/history';
import { FIXTURE_DIR } from '../../../fixtures/reports/make-fixtures';

export const IMPORTED_AT = '2024-07-01T08:00:00.000Z';

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** "ISRC-or-track-id store YYYY-MM" → value: the monthly sums to compare with hand totals. */
export function monthlySums(history: History): Record<string, number> {
  const isrcOf = new Map(history.tracks.map((track) => [track.id, track.isrc ?? track.id]));
  const sums: Record<string, number> = {};
  for (const obs of history.observations) sums[`${isrcOf.get(obs.track)} ${obs.store} ${obs.day.slice(0, 7)}`] = obs.value;
  return sums;
}

/** The error thrown by `run`, for asserting on its type and message. */
export function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected an error, but nothing was thrown');
}
