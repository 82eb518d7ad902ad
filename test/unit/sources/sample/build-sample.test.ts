import { describe, expect, it } from 'vitest';
import { buildPageSample, MAX_SAMPLE_RESPONSES, SAMPLE_FORMAT } from '../../../../core/sources/sample/build-sample';
import { parseImusicianResponse } from '../../../../core/sources/imusician/parse-response';
import { fixtureJson } from '../imusician/helpers';

const PAGE = 'https://www.imusician.pro/app/analytics/trends?from=2026-03-18&artist=Mira%20Jones';
const API = 'https://www.imusician.pro/api/v2/analytics/trends';
const FIXTURES = ['track-daily-spotify.json', 'per-store-breakdown.json', 'all-stores-total.json', 'graphql-trends.json'];

/** Drops the "<… N more items>" entries a sample adds to cut lists (a reader of the file knows them). */
function withoutCutMarkers(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !(typeof item === 'string' && item.startsWith('<… '))).map(withoutCutMarkers);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutCutMarkers(item)]));
}

function sampleOf(input: Partial<Parameters<typeof buildPageSample>[0]> = {}): Record<string, unknown> {
  return JSON.parse(buildPageSample({ site: 'imusician', pageUrl: PAGE, responses: [], parseOutcomes: [], ...input })) as Record<string, unknown>;
}

describe('buildPageSample', () => {
  it('is pretty JSON with a header saying what it is and that nothing is sent', () => {
    const text = buildPageSample({ site: 'imusician', pageUrl: PAGE, responses: [], parseOutcomes: [], savedAt: '2026-03-31T09:00:00.000Z' });
    expect(text).toMatch(/^\{\n {2}"about": /);
    const sample = JSON.parse(text) as Record<string, unknown>;
    expect(sample).toMatchObject({ format: SAMPLE_FORMAT, version: 1, site: 'imusician', savedAt: '2026-03-31T09:00:00.000Z', responses: [] });
    expect(sample.about).toMatch(/nothing is sent anywhere/);
    expect(sample.about).toMatch(/e-mail addresses, names/);
    expect(sample.page).toBe('https://www.imusician.pro/app/analytics/trends?from=2026-03-18&artist');
  });

  it('pairs each response with what the reader made of it; extra outcomes are listed apart', () => {
    const sample = sampleOf({
      responses: [{ url: `${API}?store=spotify`, status: 200, body: { isrc: 'CHXXX2400001', daily: [] } }],
      parseOutcomes: [
        { kind: 'unknown-shape', recognised: false, reason: 'no daily series found: contact mira@example.ch' },
        { kind: 'dom-trends-table', recognised: false, reason: 'no table' },
      ],
    });
    expect(sample.responses).toEqual([
      {
        url: `${API}?store=spotify`,
        status: 200,
        outcome: { kind: 'unknown-shape', recognised: false, reason: 'no daily series found: contact <email>' },
        body: { isrc: 'CHXXX2400001', daily: [] },
      },
    ]);
    expect(sample.otherOutcomes).toEqual([{ kind: 'dom-trends-table', recognised: false, reason: 'no table' }]);
  });

  it('keeps at most MAX_SAMPLE_RESPONSES responses and counts the rest', () => {
    const responses = Array.from({ length: MAX_SAMPLE_RESPONSES + 3 }, () => ({ url: API, status: 200, body: null }));
    const sample = sampleOf({ responses, parseOutcomes: [] });
    expect(sample.responses).toHaveLength(MAX_SAMPLE_RESPONSES);
    expect(sample.responsesLeftOut).toBe(3);
  });

  it('scrubs the DOM outline of e-mails and tokens', () => {
    const sample = sampleOf({ domOutline: 'main > section[data-owner=mira@example.ch] > table.trends#t-3f9a0c2b7d4e6f8a1b3c5d7e9f0a2b4c' });
    // Whole runs go: the attribute around the e-mail, and "t-" with the token ("-" is base64url).
    expect(sample.domOutline).toBe('main > <email> > table.trends#<token>');
  });

  // The point of a sample: the shapes that matter survive redaction.
  it.each(FIXTURES)('a redacted %s is still read the same way (shape kept)', (name) => {
    const url = `${API}?store=spotify`;
    const body = fixtureJson(name);
    const sample = sampleOf({ responses: [{ url, status: 200, body }], parseOutcomes: [] });
    const redacted = withoutCutMarkers((sample.responses as Array<{ body: unknown }>)[0]!.body);
    const original = parseImusicianResponse({ url, status: 200, body }, { today: '2026-03-31' });
    const again = parseImusicianResponse({ url, status: 200, body: redacted }, { today: '2026-03-31' });
    expect(again.recognised).toBe(true);
    expect(again.tracks.map((track) => track.ref)).toEqual(original.tracks.map((track) => track.ref));
    // Lists are cut to their first 5 items: those days survive with their values.
    for (const obs of again.observations) expect(original.observations).toContainEqual(obs);
  });
});
