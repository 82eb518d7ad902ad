/**
 * Bulk writes stay fast: one transaction, writes issued without awaiting each, one range read
 * per track. fake-indexeddb is far slower than a browser's IndexedDB, so the limits here only
 * catch an accidental per-observation round trip; the real benchmark runs in Chromium.
 * Set CROSSCOUNT_BENCH=1 to also time 200,000 observations.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { Observation } from '../../../core/model/schema';
import { freshStore, obs, track } from './fixtures';

/** `count` observations over 50 tracks: daily streams, each day read twice with one revision. */
function catalogue(count: number): History {
  const tracks = Array.from({ length: 50 }, (_, n) => track({ id: `t-${n}`, isrc: `CHA01240${String(n).padStart(4, '0')}`, title: `Song ${n}` }));
  const perTrack = Math.ceil(count / tracks.length / 2);
  const observations: Observation[] = [];
  for (const t of tracks) {
    for (let i = 0; i < perTrack && observations.length < count; i++) {
      const day = addDays('2020-01-01', i);
      const value = 10 + (i % 17);
      observations.push(obs({ track: t.id, day, value, observedAt: `${addDays(day, 1)}T08:00:00.000Z` }));
      if (observations.length < count) observations.push(obs({ track: t.id, day, value: value + 1, observedAt: `${addDays(day, 6)}T08:00:00.000Z` }));
    }
  }
  return { tracks, observations };
}

async function timeImport(count: number): Promise<{ importMs: number; reimportMs: number }> {
  const store = await freshStore();
  const file = catalogue(count);
  let start = performance.now();
  expect(await store.importHistory(file)).toEqual({ tracksAdded: 50, observationsAdded: count, observationsUnchanged: 0 });
  const importMs = performance.now() - start;
  start = performance.now();
  expect(await store.importHistory(file)).toEqual({ tracksAdded: 0, observationsAdded: 0, observationsUnchanged: count });
  const reimportMs = performance.now() - start;
  expect((await store.getHistory()).observations).toHaveLength(count);
  store.close();
  return { importMs, reimportMs };
}

describe('bulk import', () => {
  it('imports 20,000 observations in one go, and re-imports them as unchanged', async () => {
    const { importMs, reimportMs } = await timeImport(20_000);
    console.info(`fake-indexeddb: 20,000 observations imported in ${importMs.toFixed(0)} ms, re-imported in ${reimportMs.toFixed(0)} ms`);
    expect(importMs).toBeLessThan(20_000);
  });

  it.runIf(process.env.CROSSCOUNT_BENCH === '1')('times 200,000 observations', { timeout: 600_000 }, async () => {
    const { importMs, reimportMs } = await timeImport(200_000);
    console.info(`fake-indexeddb: 200,000 observations imported in ${importMs.toFixed(0)} ms, re-imported in ${reimportMs.toFixed(0)} ms`);
  });
});
