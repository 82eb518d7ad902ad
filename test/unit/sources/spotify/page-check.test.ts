// @vitest-environment happy-dom
/**
 * Readings checked against the page: what the response gave is compared with the chart points
 * and the headline total the page renders for the same song and days.
 */
import { describe, expect, it } from 'vitest';
import { parseSpotifyResponse } from '../../../../core/sources/spotify/parse-response';
import { checkAgainstPage, needsPageCheck, readPageFigures } from '../../../../core/sources/spotify/page-check';
import { API, ARTIST, TRACK, TRACK_ACOUSTIC, context, fixtureJson } from './helpers';
import { inEnglish, said } from '../../said';

const statsUrl = `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/stats?country=&fromDate=2026-03-24&toDate=2026-03-30`;
const pageUrl = `https://artists.spotify.com/c/en/artist/${ARTIST}/song/${TRACK}/stats?time-filter=7day`;

/** song-stats-v1.json's streams, 2026-03-24…30. */
const STREAMS: Array<[string, number]> = [['2026-03-24', 6812], ['2026-03-25', 7040], ['2026-03-26', 6955], ['2026-03-27', 7311], ['2026-03-28', 8120], ['2026-03-29', 8402], ['2026-03-30', 7093]];

function songPage(options: { chart?: Array<[string, number]>; headline?: number; lang?: string } = {}): Document {
  const format = new Intl.NumberFormat(options.lang ?? 'en');
  const points = (options.chart ?? []).map(([day, value]) => `<g aria-label="${day}, ${format.format(value)} streams"></g>`).join('');
  const headline = options.headline === undefined ? '' : `<div><span>Streams</span><p data-slo-id="hero-stats-section-metric">${format.format(options.headline)}</p></div>`;
  return new DOMParser().parseFromString(`<html lang="${options.lang ?? 'en'}"><main>${headline}<svg data-testid="song-timeline-a11y">${points}</svg></main></html>`, 'text/html');
}

const parsed = () => parseSpotifyResponse({ url: statsUrl, status: 200, body: fixtureJson('song-stats-v1.json') }, context());
const streamDays = (result: { observations: ReadonlyArray<{ metric: string; day: string }> }) => result.observations.filter((o) => o.metric === 'streams').map((o) => o.day);

describe('checkAgainstPage', () => {
  it('a chart that agrees day by day is recorded with the reading', () => {
    const result = parsed();
    expect(needsPageCheck(result)).toBe(true);
    const check = checkAgainstPage(result, readPageFigures(songPage({ chart: STREAMS }), pageUrl), false);
    expect(check.status).toBe('agree');
    expect(said(check.text)).toBe("checked against the page's chart (streams): 7 of 7 days agree");
    expect(inEnglish(check.result.observations)).toEqual(result.observations);
    expect(said(check.result.note)).toContain("checked against the page's chart (streams): 7 of 7 days agree");
  });

  it('a day the chart draws differently is not stored, and the reading says what differed, with the numbers', () => {
    const chart = STREAMS.map(([day, value]): [string, number] => [day, day === '2026-03-27' ? 7290 : value]);
    const check = checkAgainstPage(parsed(), readPageFigures(songPage({ chart }), pageUrl), false);
    expect(check.status).toBe('disagree');
    expect(said(check.text)).toBe("checked against the page's chart (streams): 6 of 7 days agree; not stored: 2026-03-27 (response 7,311, page 7,290)");
    expect(inEnglish(streamDays(check.result))).toEqual(['2026-03-24', '2026-03-25', '2026-03-26', '2026-03-28', '2026-03-29']);
    // Listeners have no chart points here: they are kept.
    expect(check.result.observations.filter((o) => o.metric === 'listeners')).toHaveLength(6);
    expect(check.result).toMatchObject({ partial: true, reason: check.text });
  });

  it('reads the chart in the page language: "7.040" on a German page', () => {
    const germanUrl = pageUrl.replace('/c/en/', '/c/de/');
    const check = checkAgainstPage(parsed(), readPageFigures(songPage({ chart: STREAMS, lang: 'de' }), germanUrl, 'de'), false);
    expect(check.status).toBe('agree');
  });

  it('without chart points, the headline total for the page range is compared with the sum of the days', () => {
    const sum = STREAMS.reduce((total, [, value]) => total + value, 0);
    const agree = checkAgainstPage(parsed(), readPageFigures(songPage({ headline: sum }), pageUrl), false);
    expect(inEnglish(agree)).toMatchObject({ status: 'agree', text: "checked against the page's headline: 7 days sum to 51,733 streams, as shown" });
    const disagree = checkAgainstPage(parsed(), readPageFigures(songPage({ headline: sum + 100 }), pageUrl), true);
    expect(disagree.status).toBe('disagree');
    expect(said(disagree.text)).toBe("checked against the page's headline: the response's 7 days sum to 51,733 streams, the page shows 51,833; not stored");
    expect(inEnglish(streamDays(disagree.result))).toEqual([]);
    // A headline for another range (28 days by default) says nothing about these 7 days.
    const otherRange = checkAgainstPage(parsed(), readPageFigures(songPage({ headline: sum }), pageUrl.replace('?time-filter=7day', '')), true);
    expect(otherRange.status).toBe('nothing-comparable');
  });

  it('a page that shows nothing comparable: wait, then say so and store the reading as read', () => {
    const result = parsed();
    const empty = readPageFigures(songPage(), pageUrl);
    expect(checkAgainstPage(result, empty, false).status).toBe('not-yet');
    const final = checkAgainstPage(result, empty, true);
    expect(inEnglish(final)).toMatchObject({ status: 'nothing-comparable', text: 'not checked: the page shows no chart points or headline total for these days' });
    expect(inEnglish(final.result.observations)).toEqual(result.observations);
    expect(said(final.result.note)).toContain('not checked: the page shows no chart points');
  });

  it('another song on the page, or a chart that disagrees on every day, is waited for; at the end every disagreeing day is refused', () => {
    const result = parsed();
    const otherSong = readPageFigures(songPage({ chart: STREAMS }), pageUrl.replace(TRACK, TRACK_ACOUSTIC));
    expect(checkAgainstPage(result, otherSong, false).status).toBe('not-yet');
    expect(inEnglish(checkAgainstPage(result, otherSong, true))).toMatchObject({ status: 'nothing-comparable', text: 'not checked: the page shows another song' });
    const stale = readPageFigures(songPage({ chart: STREAMS.map(([day, value]): [string, number] => [day, value + 1]) }), pageUrl);
    expect(checkAgainstPage(result, stale, false).status).toBe('not-yet');
    const final = checkAgainstPage(result, stale, true);
    expect(final.status).toBe('disagree');
    expect(inEnglish(streamDays(final.result))).toEqual([]);
    expect(said(final.text)).toContain('and 4 more');
  });

  it('a response without daily counts needs no check', () => {
    const info = parseSpotifyResponse({ url: `${API}/song-stats-view/v2/artist/${ARTIST}/recording/${TRACK}/info`, status: 200, body: fixtureJson('song-info-v2.json') }, context());
    expect(needsPageCheck(info)).toBe(false);
    const none = parseSpotifyResponse({ url: statsUrl, status: 429, body: null }, context());
    expect(needsPageCheck(none)).toBe(false);
  });

  it('a response with omitted zero days agrees with a chart that draws them as 0', () => {
    const zeros = parseSpotifyResponse({ url: statsUrl, status: 200, body: fixtureJson('song-stats-v1-zeros-omitted.json') }, context());
    const chart: Array<[string, number]> = [['2026-03-24', 3], ['2026-03-25', 0], ['2026-03-26', 1], ['2026-03-27', 0], ['2026-03-28', 2], ['2026-03-29', 0], ['2026-03-30', 4]];
    expect(checkAgainstPage(zeros, readPageFigures(songPage({ chart }), pageUrl), false)).toMatchObject({ status: 'agree' });
  });

  it('readPageFigures is null away from a song stats page', () => {
    expect(readPageFigures(songPage({ chart: STREAMS }), `https://artists.spotify.com/c/artist/${ARTIST}/music/songs`)).toBeNull();
  });
});
