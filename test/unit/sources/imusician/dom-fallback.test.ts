// @vitest-environment happy-dom
import { said } from '../../said';
import { describe, expect, it } from 'vitest';
import { readImusicianTrendsDom } from '../../../../core/sources/imusician/dom-fallback';
import { parseTableCount, parseTableDay } from '../../../../core/sources/imusician/dom-values';
import { CAFE, HARBOUR, HARBOUR_SPOTIFY, fixtureText, seriesOf } from './helpers';

const TRENDS = 'https://www.imusician.pro/app/analytics/trends';
const ctx = { today: '2026-03-31', locale: 'de-CH' };

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function tablePage(table: string, extra = ''): Document {
  return page(`<html><body>${extra}${table}</body></html>`);
}

describe('parseTableDay / parseTableCount', () => {
  it.each([
    ['18.03.2026', '2026-03-18'],
    ['1.3.2026', '2026-03-01'],
    ['2026-03-18', '2026-03-18'],
    ['Mar 18, 2026', '2026-03-18'],
    ['18 March 2026', '2026-03-18'],
    ['30.02.2026', null],
    ['03/18/2026', null],
    ['18.03.', null],
    ['Total', null],
  ])('day %s → %s', (text, day) => {
    expect(parseTableDay(text)).toBe(day);
  });

  it.each([
    ['198', 'de-CH', 198],
    ['1’436', 'de-CH', 1436],
    ['1 436', undefined, 1436],
    ['1,2K', 'de-CH', null],
    ['12,5', 'de-CH', null],
    ['1,436', undefined, null], // thousands or decimal? unknown locale
  ])('count %s (%s) → %s', (text, locale, value) => {
    expect(parseTableCount(text, locale)).toBe(value);
  });
});

describe('readImusicianTrendsDom on the fixture page (HYPOTHETICAL markup)', () => {
  const doc = page(fixtureText('trends-table.html'));

  it('reads each track section, with the store from the filter, and refuses inexact counts', () => {
    const result = readImusicianTrendsDom(doc, TRENDS, ctx);
    expect(result).toMatchObject({ kind: 'dom-trends-table', recognised: true, partial: true, rejected: 1 });
    expect(seriesOf(result)).toEqual({ [`isrc:${HARBOUR} spotify`]: HARBOUR_SPOTIFY, [`isrc:${CAFE} spotify`]: [61, 57] });
    expect(result.tracks.map((track) => [track.isrc, track.title])).toEqual([
      [CAFE, 'Café Tonight (feat. Mira)'],
      [HARBOUR, 'Harbour Lights'],
    ]);
    expect(said(result.reason)).toMatch(/"1,2K" is not a whole number/);
  });

  it('is not read on other pages', () => {
    expect(readImusicianTrendsDom(doc, 'https://www.imusician.pro/app/library', ctx)).toMatchObject({ recognised: false, reason: { key: 'readerNotTrendsPage' } });
  });
});

describe('readImusicianTrendsDom, odd pages', () => {
  const table = (head: string, body: string) => `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;

  it('a table with an ISRC and a store column', () => {
    const doc = tablePage(
      table('<th>Date</th><th>ISRC</th><th>Track</th><th>Store</th><th>Streams</th>', `<tr><td>2026-03-18</td><td>CH-XXX-24-00001</td><td>Harbour Lights</td><td>Spotify</td><td>198</td></tr><tr><td>2026-03-18</td><td>CH-XXX-24-00001</td><td>Harbour Lights</td><td>Deezer</td><td>12</td></tr>`),
    );
    const result = readImusicianTrendsDom(doc, TRENDS, { today: '2026-03-31' });
    expect(seriesOf(result)).toEqual({ [`isrc:${HARBOUR} spotify`]: [198], [`isrc:${HARBOUR} deezer`]: [12] });
    expect(result.tracks[0]!.title).toBe('Harbour Lights');
  });

  it('the one ISRC the page shows names a table outside any track container; no filter → all', () => {
    const doc = tablePage(table('<th>Day</th><th>Streams</th>', '<tr><td>2026-03-18</td><td>251</td></tr>'), '<h1>Harbour Lights · ISRC CHXXX2400001</h1>');
    expect(seriesOf(readImusicianTrendsDom(doc, TRENDS, { today: '2026-03-31' }))).toEqual({ [`isrc:${HARBOUR} all`]: [251] });
  });

  it('the page address filter names the store when there is no select', () => {
    const doc = tablePage(table('<th>Day</th><th>Streams</th>', '<tr><td>2026-03-18</td><td>198</td></tr>'), '<h1>ISRC CHXXX2400001</h1>');
    expect(seriesOf(readImusicianTrendsDom(doc, `${TRENDS}?store=spotify`, { today: '2026-03-31' }))).toEqual({ [`isrc:${HARBOUR} spotify`]: [198] });
  });

  it.each([
    ['no trends table', tablePage('<table><tr><th>Land</th><th>Anteil</th></tr><tr><td>CH</td><td>41</td></tr></table>', '<h1>ISRC CHXXX2400001</h1>'), /no table with a date column/],
    ['a title but no ISRC', tablePage(table('<th>Date</th><th>Streams</th>', '<tr><td>2026-03-18</td><td>198</td></tr>'), '<h1>Harbour Lights</h1>'), /names no ISRC/],
    ['two ISRCs on the page, the table says neither', tablePage(table('<th>Date</th><th>Streams</th>', '<tr><td>2026-03-18</td><td>198</td></tr>'), '<h2>ISRC CHXXX2400001</h2><h2>ISRC CHXXX2400003</h2>'), /several ISRCs on the page/],
    ['two count columns', tablePage(table('<th>Date</th><th>Streams</th><th>Plays</th>', '<tr><td>2026-03-18</td><td>198</td><td>198</td></tr>'), '<h1>ISRC CHXXX2400001</h1>'), /ambiguous count column/],
    ['ambiguous slashed dates', tablePage(table('<th>Date</th><th>Streams</th>', '<tr><td>03/04/2026</td><td>198</td></tr>'), '<h1>ISRC CHXXX2400001</h1>'), /"03\/04\/2026" is not a calendar day/],
  ])('refuses %s', (_name, doc, reason) => {
    const result = readImusicianTrendsDom(doc, TRENDS, { today: '2026-03-31' });
    expect(result).toMatchObject({ recognised: false, observations: [] });
    expect(said(result.reason)).toMatch(reason);
  });
});
