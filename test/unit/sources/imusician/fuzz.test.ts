import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseImusicianResponse } from '../../../../core/sources/imusician/parse-response';
import { imusicianPage, knownImusicianDataPath } from '../../../../core/sources/imusician/urls';
import { storeFilterOf } from '../../../../core/sources/imusician/store-filter';
import { readingObservationSchema, trackRefSchema } from '../../../../core/messaging/reading';
import { API, APP, context, fixtureJson } from './helpers';
import { said } from '../../said';

// Leaves and keys near the recogniser's vocabulary reach deeper than random JSON does.
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }),
  fc.constantFrom('2026-03-18', '2026-03-18T00:00:00Z', '2025-02-30', '2026-03', '198', '1.2K', '-3', '', 'Spotify', 'Apple Music', 'Total', 'CHXXX2400001', 'ch-xxx-24-00001', 'downloads'),
  fc.constantFrom(198, 0, -1, 12.5, Number.MAX_SAFE_INTEGER + 2),
);
const key = fc.constantFrom(
  'date', 'day', 'x', 'period', 'count', 'streams', 'value', 'y', 'quantity', 'total', 'isrc', 'title', 'name', 'id', 'trackId',
  'releaseId', 'track', 'tracks', 'store', 'stores', 'shop', 'dsp', 'platform', 'label', 'labels', 'datasets', 'data', 'series',
  'Spotify', 'metric', 'country', 'downloads', '__proto__', 'constructor', '2026-03-18',
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('tree'), { maxLength: 6 }), fc.dictionary(key, tie('tree'), { maxKeys: 6 })),
}));
const FIXTURES = ['track-daily-spotify.json', 'per-store-breakdown.json', 'all-stores-total.json', 'graphql-trends.json', 'chart-series-title-only.json', 'foreign-monthly-revenue.json'];
const body = fc.oneof(tree, fc.jsonValue(), fc.anything(), fc.constant(null), fc.constant(undefined), fc.constantFrom(...FIXTURES.map((name) => fixtureJson(name))));
const url = fc.oneof(
  fc.constantFrom(API, `${API}?store=spotify`, `${API}?stores=spotify,deezer`, `${APP}/graphql`, `${APP}/api/user`),
  fc.webUrl({ withQueryParameters: true }),
  fc.string(),
);

describe('iMusician parser fuzzing', () => {
  it('never throws, and whatever it returns passes the reading schema', () => {
    fc.assert(
      fc.property(url, fc.integer({ min: 0, max: 600 }), body, fc.constantFrom('2026-03-31', '2024-01-01'), (u, status, b, today) => {
        const result = parseImusicianResponse({ url: u, status, body: b }, context({ today }));
        expect(typeof result.recognised).toBe('boolean');
        if (!result.recognised) {
          expect(result.observations).toEqual([]);
          expect(said(result.reason)).toMatch(/\S/);
        }
        const refs = new Set(result.tracks.map((track) => track.ref));
        for (const obs of result.observations) {
          expect(readingObservationSchema.safeParse(obs).success).toBe(true);
          expect(obs.day < today).toBe(true);
          expect(refs.has(obs.ref)).toBe(true);
        }
        for (const track of result.tracks) expect(trackRefSchema.safeParse(track).success).toBe(true);
        expect(refs.size).toBe(result.tracks.length);
        expect(JSON.stringify(result.reason ?? '').length).toBeLessThanOrEqual(1000);
      }),
      { numRuns: 1500 },
    );
  });

  it('hostile inputs (non-objects, huge nesting, huge lists) never throw and stay bounded', () => {
    let deep: unknown = { isrc: 'CHXXX2400001', daily: [{ date: '2026-03-18', streams: 1 }] };
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const wide = { isrc: 'CHXXX2400001', daily: Array.from({ length: 20_000 }, (_, i) => ({ date: '2026-03-18', streams: i })) };
    const manyLists = { tracks: Array.from({ length: 6000 }, (_, i) => ({ trackId: i, title: `T${i}`, daily: [{ date: '2026-03-18', streams: 1 }] })) };
    for (const input of [null, undefined, 42, { url: 42 }, { url: API, status: 200, body: deep }, { url: API, status: 200, body: wide }, { url: API, status: 200, body: manyLists }]) {
      expect(() => parseImusicianResponse(input as never, context())).not.toThrow();
    }
    expect(parseImusicianResponse({ url: API, status: 200, body: deep }, context()).recognised).toBe(false);
    expect(said(parseImusicianResponse({ url: API, status: 200, body: wide }, context()).reason)).toMatch(/20,000 points in one list \(more than 10,000\)/);
    const many = parseImusicianResponse({ url: API, status: 200, body: manyLists }, context());
    expect(many.observations.length).toBeLessThanOrEqual(5000);
    expect(said(many.note)).toMatch(/search stopped early/);
  });

  it('a __proto__ key in a body pollutes nothing', () => {
    const body = JSON.parse('{"__proto__": {"polluted": 1}, "isrc": "CHXXX2400001", "daily": [{"date": "2026-03-18", "streams": 1, "__proto__": {"x": 1}}]}');
    parseImusicianResponse({ url: API, status: 200, body }, context());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the address helpers never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withFragments: true, withQueryParameters: true })), (u) => {
        expect(typeof knownImusicianDataPath(u)).toBe('boolean');
        expect(imusicianPage(u).kind).toMatch(/^(trends|app|other)$/);
        expect(storeFilterOf(u).kind).toMatch(/^(none|store|unclear)$/);
      }),
    );
  });
});
