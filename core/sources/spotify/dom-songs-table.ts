/**
 * DOM fallback for the songs list (`/c/artist/{a}/music/songs`, with or without a language
 * segment), when no songs response was recognised (core/sources/spotify/README.md, "DOM").
 * Recent builds draw the list as rows `tr[data-testid="sort-table-body-row"]` whose number
 * cells may show a rounded figure ("1.2K") while the cell's `title` holds the full one
 * ("1,234"). Stored, and only when exact: each song's streams and listeners over the list's
 * range, as the window totals the songs response gives (`streams_28d` / `listeners_28d`, or
 * `_12m` for `time-filter=1year`), on the window's last day (`latestDate`).
 *
 * It reads a snapshot of the table (songs-table-snapshot.ts), taken by the content script and
 * read in the background (`cs:readSongsTable`), so this code is not in the dashboard's script.
 *
 * A cell is read from its text when the text is an exact number; from its `title` when the
 * text is abbreviated and the title is an exact number the abbreviation rounds to; otherwise it
 * is refused and said. Columns are found by their header's exact word ("Streams",
 * "Listeners"), English only until a sample shows other languages' words.
 */
import { clipMessage, type Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { numberProblem } from '../shared/number-problem';
import type { Metric } from '../../model/schema';
import type { SpotifyDomContext } from './dom-fallback';
import { safeUrl } from '../shared/url';
import { parseLocaleInteger } from '../shared/locale-number';
import { spotifyPage } from './page';
import { songIdOfLink } from './ids';
import { addSeries, emptyResult, finalCutoff, metricWord, seriesToObservations, spotifyTrackRef, unrecognised, type SpotifyParseResult } from './result';
import type { SongsTableSnapshot } from './songs-table-snapshot';

const RANGE_METRICS: Record<string, Record<'streams' | 'listeners', Metric>> = {
  '28day': { streams: 'streams_28d', listeners: 'listeners_28d' },
  '1year': { streams: 'streams_12m', listeners: 'listeners_12m' },
};
/** Abbreviation words and their multipliers, as S4A and browsers' compact notation write them. */
const SUFFIXES: Record<string, number> = { k: 1e3, tsd: 1e3, mil: 1e3, m: 1e6, mio: 1e6, mn: 1e6, md: 1e9, b: 1e9 };

type CellNumber = { value: number; fromTitle: boolean } | { problem: Message };

/** "1.2K" / "1,2 Tsd." → the whole numbers it may round; null when the text is not such an abbreviation. */
function abbreviationRange(text: string): { low: number; high: number } | null {
  const match = /^(\d{1,4})(?:[.,](\d{1,2}))?\s?([A-Za-z]{1,3})\.?$/.exec(text.replace(/[\u00a0\u202f]/g, ' ').trim());
  if (!match) return null;
  const multiplier = SUFFIXES[match[3]!.toLowerCase()];
  if (!multiplier) return null;
  const decimals = match[2] ?? '';
  const shown = Number(`${match[1]}.${decimals || '0'}`) * multiplier;
  const half = multiplier / 10 ** decimals.length / 2;
  return { low: shown - half, high: shown + half };
}

/** One number cell: its text when exact, else its `title` when the text abbreviates it. */
export function readNumberCell(cell: { text: string; title: string | null }, locale?: string): CellNumber {
  const text = cell.text.replace(/\s+/g, ' ').trim();
  const shown = parseLocaleInteger(text, locale);
  if ('value' in shown) return { value: shown.value, fromTitle: false };
  const title = cell.title;
  // The cell's and its title's text are the page's own words, kept as they are.
  const figure = text.slice(0, 30);
  if (shown.problem !== 'abbreviated') return { problem: message('readerCellNumber', { figure, problem: { text: numberProblem(shown.problem) } }) };
  if (title === null) return { problem: message('readerCellNoTitle', { figure }) };
  const full = parseLocaleInteger(title, locale);
  if (!('value' in full)) return { problem: message('readerCellTitleNotExact', { figure, title: title.slice(0, 30), problem: { text: numberProblem(full.problem) } }) };
  const range = abbreviationRange(text);
  if (!range || full.value < range.low || full.value > range.high) return { problem: message('readerCellTitleNotRounding', { figure, value: full.value }) };
  return { value: full.value, fromTitle: true };
}

/** Column index → metric, from the header words ("Streams", "Listeners"), the first of each. */
function metricColumns(headers: readonly string[]): Map<number, 'streams' | 'listeners'> {
  const columns = new Map<number, 'streams' | 'listeners'>();
  headers.forEach((header, index) => {
    const word = header.replace(/\s+/g, ' ').trim().toLowerCase();
    if ((word === 'streams' || word === 'listeners') && ![...columns.values()].includes(word)) columns.set(index, word);
  });
  return columns;
}

export function readSpotifySongsTable(table: SongsTableSnapshot, pageUrl: string, context: SpotifyDomContext): SpotifyParseResult {
  const page = spotifyPage(pageUrl);
  if (page.kind !== 'songs') return unrecognised('dom-songs-table', message('readerNotSongsList'));
  const locale = context.locale ?? page.language;
  const columns = metricColumns(table.headers);
  if (columns.size === 0) return unrecognised('dom-songs-table', message('readerNoTableColumns'));
  const range = safeUrl(pageUrl)?.searchParams.get('time-filter') ?? '28day';
  const metrics = Object.hasOwn(RANGE_METRICS, range) ? RANGE_METRICS[range]! : null;
  if (!metrics) return unrecognised('dom-songs-table', message('readerRangeNoWindow', { range: range.slice(0, 20) }));
  const result = emptyResult('dom-songs-table');
  const cutoff = finalCutoff(context);
  let fromTitles = 0;
  let rows = 0;
  for (const row of table.rows) {
    const trackId = songIdOfLink(row.href);
    if (!trackId) continue;
    rows++;
    for (const [index, metric] of columns) {
      const cell = row.cells[index];
      if (!cell) continue;
      const read = readNumberCell(cell, locale);
      if ('problem' in read) {
        result.rejected++;
        result.partial = true;
        result.reason ??= clipMessage(message('readerCellRefused', { metric: metricWord(metric), problem: { text: read.problem } }), 300);
        continue;
      }
      if (read.fromTitle) fromTitles++;
      if (!context.latestDate) continue;
      if (!result.tracks.some((track) => track.ref === trackId)) result.tracks.push(spotifyTrackRef(trackId, context));
      addSeries(result, seriesToObservations([{ day: context.latestDate, value: read.value }], trackId, metrics[metric], cutoff, message('readerSeriesSongsTable', { metric: metricWord(metric) })));
    }
  }
  if (rows === 0) return unrecognised('dom-songs-table', message('readerNoSongRows'));
  if (!context.latestDate) result.note = message('readerWindowEndUnknown');
  else if (fromTitles > 0) result.note = message('readerFiguresFromTitles', { count: fromTitles });
  return result;
}
