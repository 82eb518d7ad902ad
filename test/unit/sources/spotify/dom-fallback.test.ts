// @vitest-environment happy-dom
import { inEnglish, said } from '../../said';
import { describe, expect, it } from 'vitest';
import { headlineLabel, parseChartLabel, parseHeadline, readHeadline, readSpotifySongDom } from '../../../../core/sources/spotify/dom-fallback';
import { leadingDate } from '../../../../core/sources/shared/dates';
import { ARTIST, TRACK, context, fixtureText } from './helpers';

function page(name: string): Document {
  return new DOMParser().parseFromString(fixtureText(name), 'text/html');
}

const songUrl = `https://artists.spotify.com/c/artist/${ARTIST}/song/${TRACK}/stats`;

describe('parseChartLabel', () => {
  it.each([
    ['Mar 25, 2026, 7,040 streams', 'en', { day: '2026-03-25', metric: 'streams', value: 7040 }],
    ['Wednesday, March 25, 2026, 7,040 streams', 'en', { day: '2026-03-25', metric: 'streams', value: 7040 }],
    ['25 March 2026, 7 040 listeners', undefined, { day: '2026-03-25', metric: 'listeners', value: 7040 }],
    ['2026-03-25, 7040 streams', undefined, { day: '2026-03-25', metric: 'streams', value: 7040 }],
    ['2026-03-25, 1 stream', undefined, { day: '2026-03-25', metric: 'streams', value: 1 }],
    ['2026-03-25, 7.040 streams', 'de', { day: '2026-03-25', metric: 'streams', value: 7040 }],
  ])('%s (%s)', (label, locale, expected) => {
    expect(parseChartLabel(label, locale)).toEqual(expected);
  });

  it.each([
    ['Mar 25, 2026, 1.2K streams', 'en'],
    ['Mar 25, 2026, 7,040 streams', undefined], // "," alone: thousands or decimal? unknown locale
    ['2026-03-25, 7,040 streams', 'de'], // decimal comma in German: 7.04, not a count
    ['03/04/2026, 812 streams', 'en'],
    ['Feb 30, 2026, 12 streams', 'en'],
    ['Mar 25, 12 streams', 'en'], // no year
    ['2026-03-25 12 streams', 'en'], // not "DATE, N"
  ])('refuses %s (%s)', (label, locale) => {
    expect(parseChartLabel(label, locale)).toHaveProperty('problem');
  });

  it('ignores labels that are not points', () => {
    expect(parseChartLabel('Streams over the last 7 days')).toBeNull();
  });

  it('leadingDate leaves the rest', () => {
    expect(leadingDate('Mar 25, 2026, 7 streams')).toEqual({ day: '2026-03-25', rest: ', 7 streams' });
    expect(leadingDate('Sept 1, 2025')).toEqual({ day: '2025-09-01', rest: '' });
  });
});

describe('parseHeadline', () => {
  it.each([
    ['198,230 streams', 'en', { metric: 'streams', value: 198230 }],
    ['Listeners 48 211', 'fr', { metric: 'listeners', value: 48211 }],
    ['Streams: 1.284.377', undefined, { metric: 'streams', value: 1284377 }],
  ])('%s', (text, locale, expected) => {
    expect(parseHeadline(text, locale)).toEqual(expected);
  });
  it('refuses abbreviated figures and ignores figures without a metric', () => {
    expect(parseHeadline('4.2K listeners', 'en')).toHaveProperty('problem');
    expect(parseHeadline('3.1', 'en')).toBeNull();
  });
});

describe('readSpotifySongDom', () => {
  it('reads the older chart: exact daily streams up to latestDate', () => {
    const result = readSpotifySongDom(page('dom-song-timeline-older.html'), songUrl, { ...context(), locale: 'en' });
    expect(result).toMatchObject({ kind: 'dom-song-page', recognised: true, partial: false, heldBack: 1 });
    expect(result.observations.map((o) => [o.day, o.value])).toEqual([
      ['2026-03-24', 6812], ['2026-03-25', 7040], ['2026-03-26', 6955], ['2026-03-27', 7311], ['2026-03-28', 8120], ['2026-03-29', 8402],
    ]);
    expect(result.tracks[0]).toMatchObject({ ref: TRACK, spotifyTrackId: TRACK });
  });

  it('without the page locale, "7,040" is ambiguous and nothing is stored', () => {
    const result = readSpotifySongDom(page('dom-song-timeline-older.html'), songUrl, context());
    expect(result).toMatchObject({ recognised: true, partial: true, observations: [], rejected: 7 });
  });

  it('a German page: grouped thousands read, abbreviated and ambiguous points refused', () => {
    const result = readSpotifySongDom(page('dom-song-timeline-de.html'), songUrl, { ...context(), locale: 'de' });
    expect(result.observations.map((o) => [o.day, o.value])).toEqual([['2026-03-27', 7311], ['2026-03-28', 8120]]);
    expect(result).toMatchObject({ partial: true, rejected: 2 });
  });

  it('headline figures: the exact one as a 28-day total on latestDate, the abbreviated one refused', () => {
    const result = readSpotifySongDom(page('dom-hero-stats.html'), songUrl, { ...context(), locale: 'en-US' });
    expect(result.observations).toEqual([{ ref: TRACK, store: 'spotify', metric: 'streams_28d', day: '2026-03-29', value: 198230 }]);
    expect(result).toMatchObject({ partial: true, rejected: 1 });
    expect(said(result.reason)).toMatch(/4\.2K listeners/);
  });

  it('headline figures: 12 months with time-filter=1year; nothing for 7 days or without latestDate', () => {
    const doc = page('dom-hero-stats.html');
    const year = readSpotifySongDom(doc, `${songUrl}?time-filter=1year`, { ...context(), locale: 'en' });
    expect(year.observations.map((o) => o.metric)).toEqual(['streams_12m']);
    const week = readSpotifySongDom(doc, `${songUrl}?time-filter=7day`, { ...context(), locale: 'en' });
    expect(week.observations).toEqual([]);
    expect(said(week.note)).toMatch(/7day has no window metric/);
    const noEnd = readSpotifySongDom(doc, songUrl, { ...context({ latestDate: null }), locale: 'en' });
    expect(noEnd.observations).toEqual([]);
    expect(said(noEnd.note)).toMatch(/window end day unknown/);
  });

  it('bare headline figures ("63,162", "614") are read with the label beside them, in the language of a /c/en/ address', () => {
    const doc = page('dom-hero-stats-bare.html');
    const url = `https://artists.spotify.com/c/en/artist/${ARTIST}/song/${TRACK}/stats`;
    const result = readSpotifySongDom(doc, url, context());
    expect(result.observations).toEqual([
      { ref: TRACK, store: 'spotify', metric: 'streams_28d', day: '2026-03-29', value: 63162 },
      { ref: TRACK, store: 'spotify', metric: 'listeners_28d', day: '2026-03-29', value: 614 },
    ]);
    // "Saves" is no metric of the history format: seen, not stored, and said.
    expect(result).toMatchObject({ recognised: true, partial: false });
    expect(said(result.note)).toBe('headline figures not stored: figure 1,020 has no label we can read');
  });

  it('a bare figure under /c/de/ reads "63.162" as 63162; without any language "63,162" is ambiguous and refused', () => {
    const html = '<div><span>Streams</span><p data-slo-id="hero-stats-section-metric">63.162</p></div>';
    const de = readSpotifySongDom(new DOMParser().parseFromString(html, 'text/html'), `https://artists.spotify.com/c/de/artist/${ARTIST}/song/${TRACK}/stats`, context());
    expect(de.observations.map((o) => o.value)).toEqual([63162]);
    const bare = readSpotifySongDom(new DOMParser().parseFromString(html.replace('63.162', '63,162'), 'text/html'), songUrl, context());
    expect(bare).toMatchObject({ observations: [], partial: true, rejected: 1 });
    expect(said(bare.reason)).toMatch(/ambiguous/);
  });

  it('readHeadline: label words are exact, change percentages do not disturb them, ratios are not figures', () => {
    const hero = (html: string) => new DOMParser().parseFromString(html, 'text/html').querySelector('p')!;
    expect(readHeadline(hero('<div><h3>Listeners</h3><p>614</p><small>+3 %</small></div>'), 'en')).toEqual({ metric: 'listeners', value: 614 });
    expect(readHeadline(hero('<div><span>streams per listener</span><p>3</p></div>'), 'en')).toEqual({ metric: null, value: 3 });
    expect(readHeadline(hero('<div><span>streams per listener</span><p>3.1</p></div>'), 'en')).toBeNull();
    expect(inEnglish(readHeadline(hero('<div><span>Streams</span><p>1,2k</p></div>'), 'de'))).toEqual({ problem: 'headline "1,2k": abbreviated number' });
    expect(headlineLabel(hero('<p>614</p>'))).toBeNull();
  });

  it('an unknown page or a page without the known parts is not recognised', () => {
    expect(readSpotifySongDom(page('dom-song-timeline-older.html'), `https://artists.spotify.com/c/artist/${ARTIST}/music/songs`, context())).toMatchObject({ recognised: false });
    const empty = new DOMParser().parseFromString('<main><div class="chart"><span>7,040</span></div></main>', 'text/html');
    expect(readSpotifySongDom(empty, songUrl, context())).toMatchObject({ recognised: false, observations: [] });
  });

  it('a scraped title or label with markup stays text', () => {
    const doc = new DOMParser().parseFromString('<section id="timeline"><i aria-label="<img src=x onerror=alert(1)>, 5 streams"></i></section>', 'text/html');
    const result = readSpotifySongDom(doc, songUrl, context());
    expect(result.observations).toEqual([]);
    expect(result.rejected).toBe(1);
  });
});
