/**
 * Responses read in the background (core/sources/parse-in-background.ts, `cs:parseResponse`):
 * what travels back, through JSON as runtime messages carry it, is what the site's reader
 * makes of the response in place, and what one response tells (the last finished day, titles)
 * counts for the next. Fixtures: test/fixtures/spotify, test/fixtures/imusician (their READMEs).
 */
import { said } from '../said';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSiteResponse, type ResponseToParse } from '../../../core/sources/parse-in-background';
import { parseSpotifyResponse } from '../../../core/sources/spotify/parse-response';
import { parseImusicianResponse } from '../../../core/sources/imusician/parse-response';
import { API, ARTIST, TRACK, fixtureJson } from './spotify/helpers';
import { APP, fixtureJson as imusicianJson } from './imusician/helpers';

const songStatsUrl = `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/stats?country=&fromDate=2026-03-24&toDate=2026-03-30`;
const viaMessage = (site: string, input: ResponseToParse) => JSON.parse(JSON.stringify(parseSiteResponse(site, JSON.parse(JSON.stringify(input)) as ResponseToParse))) as ReturnType<typeof parseSiteResponse>;
const visit = { latestDate: '2026-03-29', today: '2026-03-31', titles: [] as Array<[string, string]> };

describe('cs:parseResponse', () => {
  it('Spotify for Artists: the same reading as in place, with the path template and never the ids', () => {
    const input = { url: songStatsUrl, status: 200, body: fixtureJson('song-stats-v1.json'), text: null, ...visit };
    const parsed = viaMessage('spotify', input);
    const direct = parseSpotifyResponse({ url: songStatsUrl, status: 200, body: fixtureJson('song-stats-v1.json'), text: null }, { ...visit, titles: new Map() });
    expect(parsed.result.observations).toEqual(direct.observations);
    expect(parsed.result.observations.length).toBeGreaterThan(0);
    expect({ ...parsed.result, context: {} }).toEqual(JSON.parse(JSON.stringify({ ...direct, context: {} })));
    expect(parsed.template).toBe('song-stats-view/v1/artist/{a}/recording/{t}/stats');
    expect(parsed.template).not.toContain(TRACK);
  });

  it('the last finished day a response tells comes back, and the next response is cut at it', () => {
    const latest = viaMessage('spotify', { url: `${API}/s4x-insights-api/v1/meta/latest-date`, status: 200, body: fixtureJson('latest-date.json'), text: null, ...visit, latestDate: null });
    expect(latest.result.context.latestDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const cutAt = (latestDate: string | null) => viaMessage('spotify', { url: songStatsUrl, status: 200, body: fixtureJson('song-stats-v1.json'), text: null, ...visit, latestDate }).result.observations.map((obs) => obs.day);
    const days = cutAt('2026-03-26');
    expect(days.every((day) => day <= '2026-03-26')).toBe(true);
    expect(cutAt('2026-03-29').length).toBeGreaterThan(days.length);
  });

  it('an error answer is "the page had no data" on both sites', () => {
    expect(said(viaMessage('spotify', { url: songStatsUrl, status: 429, body: null, text: 'Too Many Requests', ...visit }).result.note)).toBe('the page had no data (HTTP 429 rate limit, "Too Many Requests")');
    expect(said(viaMessage('imusician', { url: `${APP}/api/v2/analytics/trends`, status: 401, body: null, text: 'Unauthorized', ...visit }).result.note)).toBe('the page had no data (HTTP 401 not signed in or not allowed, "Unauthorized")');
  });

  it('iMusician: the same reading as in place, with its path template', () => {
    const url = `${APP}/api/v1/analytics/trends/tracks/4711?store=spotify&from=2026-03-18&to=2026-03-24`;
    const parsed = viaMessage('imusician', { url, status: 200, body: imusicianJson('track-daily-spotify.json'), text: null, ...visit, today: '2026-03-31' });
    const direct = parseImusicianResponse({ url, status: 200, body: imusicianJson('track-daily-spotify.json') }, { today: '2026-03-31' });
    expect(parsed.result.observations).toEqual(direct.observations);
    expect(parsed.result.observations.length).toBeGreaterThan(0);
    expect(parsed.template).toBe('/api/v1/analytics/trends/tracks/{id}?store&from&to');
  });

  it('a site without a reader is refused', () => {
    expect(() => parseSiteResponse('taught-label', { url: songStatsUrl, status: 200, body: {}, text: null, ...visit })).toThrow('no reader for the site "taught-label"');
  });

  it('never throws for a known site, whatever the page sent (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('spotify', 'imusician'), fc.webUrl(), fc.integer({ min: 0, max: 999 }), fc.jsonValue(), (site, url, status, body) => {
        const parsed = viaMessage(site, { url, status, body, text: null, ...visit });
        expect(typeof parsed.template).toBe('string');
        expect(typeof parsed.result.recognised).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
