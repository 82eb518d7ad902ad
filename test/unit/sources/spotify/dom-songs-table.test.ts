// @vitest-environment happy-dom
/**
 * The songs list read from the page (core/sources/spotify/dom-songs-table.ts): full numbers
 * from the cells' `title` when the text shows a rounded one. Fixture:
 * test/fixtures/spotify/dom-songs-table.html (where its shape comes from is in its header).
 */
import { inEnglish, said } from '../../said';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readNumberCell, readSpotifySongsTable } from '../../../../core/sources/spotify/dom-songs-table';
import type { Message } from '../../../../core/i18n/message';
import { snapshotSongsTable, type SongsTableSnapshot } from '../../../../core/sources/spotify/songs-table-snapshot';
import { ARTIST, TRACK, TRACK_ACOUSTIC, TRACK_CAFE, context, fixtureText } from './helpers';

// As the content script takes it from the page and the background reads it.
const page = () => snapshotSongsTable(new DOMParser().parseFromString(fixtureText('dom-songs-table.html'), 'text/html'));
const readSpotifySongsDom = (table: SongsTableSnapshot, url: string, readContext: Parameters<typeof readSpotifySongsTable>[2]) => readSpotifySongsTable(JSON.parse(JSON.stringify(table)) as SongsTableSnapshot, url, readContext);
const songsUrl = `https://artists.spotify.com/c/artist/${ARTIST}/music/songs`;

function cell(text: string, title?: string): { text: string; title: string | null } {
  return { text, title: title ?? null };
}

describe('readNumberCell', () => {
  it.each([
    ['152.3K', '152,340', 'en', 152340],
    ['1.2K', '1,234', 'en', 1234],
    ['1,2 Tsd.', '1.234', 'de', 1234],
    ['3.4M', '3,412,908', 'en', 3412908],
    ['12K', '12,480', 'en', 12480],
  ])('"%s" with title "%s" (%s) is %d, from the title', (text, title, locale, value) => {
    expect(readNumberCell(cell(text, title), locale)).toEqual({ value, fromTitle: true });
  });

  it('an exact text is read as it is, whatever the title says', () => {
    expect(readNumberCell(cell('614', '614'), 'en')).toEqual({ value: 614, fromTitle: false });
    expect(readNumberCell(cell('63,162'), 'en')).toEqual({ value: 63162, fromTitle: false });
  });

  it.each([
    ['1.2K', undefined, 'en', /no full figure in the cell's title/],
    ['1.2K', '9,950', 'en', /the title 9,950 does not round to it/],
    ['1.2K', '1.2K', 'en', /is not an exact number \(abbreviated number\)/],
    ['1.2K', '1,234', undefined, /is not an exact number \(ambiguous number\)/], // no locale: "1,234" could be 1.234
    ['7,040', undefined, undefined, /ambiguous number/],
  ])('refuses "%s" with title %s (%s)', (text, title, locale, problem) => {
    const read = readNumberCell(cell(text, title), locale);
    expect(read).toHaveProperty('problem');
    expect(said((read as { problem: Message }).problem)).toMatch(problem);
  });

  it('a title is only ever taken when the shown abbreviation rounds it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9_999_999 }), fc.integer({ min: -5000, max: 5000 }), (value, offset) => {
        const shown = value >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : `${(value / 1e3).toFixed(1)}K`;
        const title = (value + offset).toLocaleString('en-US');
        const read = readNumberCell(cell(shown, title), 'en');
        const unit = value >= 1e6 ? 1e6 : 1e3;
        const rounded = Number(shown.slice(0, -1)) * unit;
        if ('value' in read) {
          expect(read.value).toBe(value + offset);
          expect(Math.abs(read.value - rounded)).toBeLessThanOrEqual(unit / 20);
        } else expect(Math.abs(value + offset - rounded)).toBeGreaterThan(unit / 20);
      }),
    );
  });
});

describe('readSpotifySongsDom', () => {
  it('stores each song’s 28-day streams and listeners on the window’s last day, full figures from the titles', () => {
    const result = readSpotifySongsDom(page(), songsUrl, { ...context(), locale: 'en' });
    expect(result).toMatchObject({ kind: 'dom-songs-table', recognised: true, partial: true, rejected: 2 });
    const stored = result.observations.map((obs) => [obs.ref, obs.metric, obs.day, obs.value]);
    expect(stored).toEqual([
      [TRACK, 'listeners_28d', '2026-03-29', 48211],
      [TRACK, 'streams_28d', '2026-03-29', 152340],
      [TRACK_CAFE, 'listeners_28d', '2026-03-29', 614],
      [TRACK_CAFE, 'streams_28d', '2026-03-29', 1234],
      [TRACK_ACOUSTIC, 'listeners_28d', '2026-03-29', 388],
      ['2takcwOaAZWiXQijPHIx7B', 'streams_28d', '2026-03-29', 702],
    ]);
    // Clap's streams (title 9,950 under "1.2K") and Lanterns' listeners ("1,1K", no title) are refused, not guessed.
    expect(said(result.reason)).toBe('streams "1.2K": the title 9,950 does not round to it');
    expect(said(result.note)).toBe('3 rounded figures read in full from the cell\'s title');
    expect(stored.some(([, , , value]) => value === 1200 || value === 9950 || value === 1100)).toBe(false);
  });

  it('the 12-month range stores 12-month totals; a range without a window metric stores nothing', () => {
    const year = readSpotifySongsDom(page(), `${songsUrl}?time-filter=1year`, context({}));
    expect(new Set(year.observations.map((obs) => obs.metric))).toEqual(new Set(['streams_12m', 'listeners_12m']));
    const week = readSpotifySongsDom(page(), `${songsUrl}?time-filter=7day`, context());
    expect(inEnglish(week)).toMatchObject({ recognised: false, observations: [], reason: 'range 7day has no window metric' });
  });

  it('without the window’s last day nothing is stored, and it says why', () => {
    const result = readSpotifySongsDom(page(), songsUrl, context({ latestDate: null }));
    expect(result.observations).toEqual([]);
    expect(said(result.note)).toBe('window totals not stored: the window end day is unknown');
  });

  it('under a language segment the address gives the number format', () => {
    const result = readSpotifySongsDom(page(), `https://artists.spotify.com/c/en/artist/${ARTIST}/music/songs`, context());
    expect(result.observations).toHaveLength(6);
  });

  it('is only for the songs list, and says so when the table has no column it knows', () => {
    expect(inEnglish(readSpotifySongsDom(page(), `https://artists.spotify.com/c/artist/${ARTIST}/song/${TRACK}/stats`, context()))).toMatchObject({ recognised: false, reason: 'not the songs list' });
    const other = snapshotSongsTable(new DOMParser().parseFromString('<table><thead><tr><th>Titel</th><th>Hörer</th></tr></thead><tbody><tr data-testid="sort-table-body-row"><td>x</td><td>1</td></tr></tbody></table>', 'text/html'));
    expect(inEnglish(readSpotifySongsDom(other, songsUrl, context()))).toMatchObject({ recognised: false, reason: 'no "Streams" or "Listeners" column in the songs table' });
  });

  it('the snapshot keeps what the reader needs and no more: header words, each row’s song link, cell text and title', () => {
    const table = page();
    expect(table.headers).toEqual(['#', 'Title', 'Listeners', 'Streams', 'Saves', 'Released']);
    expect(table.rows).toHaveLength(4);
    expect(table.rows[0]).toEqual({
      href: `/c/artist/${ARTIST}/song/${TRACK}/stats`,
      cells: [
        { text: '1', title: null },
        { text: 'Harbour Lights', title: null },
        { text: '48.2K', title: '48,211' },
        { text: '152.3K', title: '152,340' },
        { text: '6.1K', title: '6,102' },
        { text: 'Sep 13, 2024', title: null },
      ],
    });
  });
});
