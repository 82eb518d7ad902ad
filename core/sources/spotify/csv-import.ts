/**
 * Spotify for Artists CSV downloads (core/sources/spotify/README.md, "CSV downloads"): official and stable.
 * - `<song title>-timeline.csv`, header `date,streams`: daily streams of one song, named only
 *   in the file name. Stored as `streams` per day.
 * - `<artistId>-songs-1year.csv` / `-28day.csv`, header `song,listeners,streams,saves,release_date`:
 *   window totals per song (`streams_12m`/`listeners_12m`, `streams_28d`/`listeners_28d`). The
 *   file does not say on which day its window ends, so the caller must give `windowEndDay`.
 *   A `-7day` table has no metric in the history format and is refused.
 * - `<artistId>-audience-timeline.csv`: the artist's totals over all songs. Crosscount compares
 *   per-song counts, so this file is recognised (detect → true) and refused with an
 *   explanation rather than left as "unknown format".
 * Older exports (core/sources/spotify/README.md, "CSV downloads"): the songs table was also named
 * `recordings-<window>.csv` (public samples show `recordings-all.csv`, the all-time table, which
 * has no window metric and is refused with an explanation), and the audience timeline's header
 * was `date,listeners,streams,followers`, newest day first. A songs table can hold two songs
 * with the same title (a single and a remix both called "Clap"): such rows are told apart by
 * their release date; only rows that share both title and release date cannot be: those rows
 * are left out (none of them can be given its own counts), the rest of the file is kept, and
 * the result's `refusedRows` says which rows and why, in one line each.
 * No file carries Spotify track ids or ISRCs: tracks get local ids `s4a:<slug of the title>`
 * and are linked to a distributor's ISRC later (core/history/link-by-title.ts, or by the artist).
 * Files start with a UTF-8 BOM and may use CRLF; dates are YYYY-MM-DD.
 */
import Papa from 'papaparse';
import type { Day } from '../../model/day';
import type { History } from '../../model/history';
import type { Metric, Observation, Track } from '../../model/schema';
import { INSTANT_PATTERN } from '../../model/patterns';
import { isDay } from '../../model/day';
import { parseApiDay, parseCount } from '../shared/values';
import { LIMITS } from '../../import/limits';
import { englishMessage } from '../../i18n/english';
import type { Message } from '../../i18n/message';
import { message } from '../../i18n/typed';

/**
 * A download this reader refuses: where in it (null for the whole file) and what, as messages
 * the screens phrase (docs/i18n.md); `message` is the CLI's English line, naming the file.
 */
export class SpotifyDownloadError extends Error {
  override name = 'SpotifyDownloadError';
  constructor(
    fileName: string,
    readonly where: Message | null,
    readonly problem: Message,
  ) {
    super(`${fileName}: ${where ? `${englishMessage(where)}: ` : ''}${englishMessage(problem)}`);
  }
}

/** Row numbers as a spreadsheet shows them (the header is row 1), never grouped like counts. */
function atRow(row: number): Message {
  return message('fileAtRow', { row: String(row) });
}
import { SPOTIFY_SOURCE, SPOTIFY_STORE } from '../../model/ids';

/** A history read from a file, with the rows left out of it (one line each, for the artist). */
interface SpotifyCsvHistory extends History {
  refusedRows?: string[];
}

interface SpotifyCsvReadOptions {
  /** When the file is imported, canonical ISO (becomes every observation's observedAt). */
  importedAt: string;
  /** Last day of a songs table's window; required for songs tables only. */
  windowEndDay?: string;
}

type CsvKind =
  | { kind: 'song-timeline'; title: string }
  | { kind: 'audience-timeline' }
  | { kind: 'songs-table'; window: string | null };

const SONG_TIMELINE_HEADER = 'date,streams';
const SONGS_TABLE_HEADER = 'song,listeners,streams,saves,release_date';
const AUDIENCE_HEADER_START = 'date,listeners,monthly listeners';
const OLDER_AUDIENCE_HEADER = 'date,listeners,streams,followers';

const WINDOWS: Record<string, { streams: Metric; listeners: Metric }> = {
  '1year': { streams: 'streams_12m', listeners: 'listeners_12m' },
  '28day': { streams: 'streams_28d', listeners: 'listeners_28d' },
};

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file's base name without ".csv" and without a browser's " (1)" duplicate suffix. */
function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  return name.replace(/\.csv$/i, '').replace(/ \(\d+\)$/, '');
}

/** Rows a download may have (days since 1970, songs in a catalogue); docs/contracts.md, "Limits". */
const MAX_SPOTIFY_ROWS = LIMITS.spotifyRows;

function headerOf(text: string): string {
  // Only the start is looked at: detection must not scan a whole (possibly huge) text.
  const firstLine = stripBom(text.slice(0, 4096)).split(/\r?\n/, 1)[0] ?? '';
  return firstLine
    .split(',')
    .map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').toLowerCase())
    .join(',');
}

function classify(text: string, fileName: string): CsvKind | null {
  const header = headerOf(text);
  const name = baseName(fileName);
  if (header === SONG_TIMELINE_HEADER && /-timeline$/i.test(name)) return { kind: 'song-timeline', title: name.replace(/-timeline$/i, '') };
  if (header.startsWith(AUDIENCE_HEADER_START) || header === OLDER_AUDIENCE_HEADER) return { kind: 'audience-timeline' };
  if (header === SONGS_TABLE_HEADER) return { kind: 'songs-table', window: /(?:-songs|^recordings)-([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? null };
  return null;
}

/** Local track id from a title: lower-case letters and digits of any script, joined by "-". */
export function s4aTrackId(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  let capped = '';
  for (const char of slug) {
    if (capped.length + char.length > 96) break;
    capped += char;
  }
  return `s4a:${capped.replace(/-+$/, '') || `untitled-${fnv1a(title)}`}`;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function s4aTrack(title: string): Track {
  return { id: s4aTrackId(title), isrc: null, title: title.slice(0, 500), artists: [], spotifyTrackIds: [], distributorIds: {} };
}

/**
 * A song whose title the table repeats (a single and a remix both called "Clap"): told apart by
 * its release date, `s4a:clap@2025-03-07`. Without a release date it cannot be.
 */
function s4aTrackOfRelease(title: string, releaseDate: string): Track {
  const base = s4aTrack(title);
  const day = parseApiDay(releaseDate);
  if (!day) return base;
  const suffix = `@${day}`;
  return { ...base, id: `${base.id.slice(0, 100 - suffix.length).replace(/-+$/, '')}${suffix}` };
}

/** Data rows with their 1-based line numbers (the header is row 1); blank lines skipped. */
function dataRows(text: string, fileName: string, columns: number): Array<{ row: number; cells: string[] }> {
  const parsed = Papa.parse<string[]>(stripBom(text), { delimiter: ',', skipEmptyLines: false, preview: MAX_SPOTIFY_ROWS + 2 });
  if (parsed.data.length > MAX_SPOTIFY_ROWS + 1) throw new SpotifyDownloadError(fileName, null, message('s4aTooLong', { rows: MAX_SPOTIFY_ROWS }));
  const rows: Array<{ row: number; cells: string[] }> = [];
  parsed.data.forEach((cells, index) => {
    if (index === 0) return;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== columns) throw new SpotifyDownloadError(fileName, atRow(index + 1), message('s4aColumnCount', { expected: String(columns), found: String(cells.length) }));
    rows.push({ row: index + 1, cells: cells.map((cell) => cell.trim()) });
  });
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  // Papa Parse's own words for a broken quote ("Quoted field unterminated"), as it gives them.
  if (quoteError) throw new SpotifyDownloadError(fileName, atRow((quoteError.row ?? 0) + 1), message('fileProblemAsIs', { text: quoteError.message }));
  return rows;
}

/** A cell's problem; `problem` gets the cell's value, quoted, as its `value`. */
function cellError(fileName: string, row: number, column: string, problem: (value: string) => Message, value: string): Error {
  return new SpotifyDownloadError(fileName, message('fileAtRowColumn', { row: String(row), column }), problem(JSON.stringify(value.slice(0, 40))));
}

function count(fileName: string, row: number, column: string, value: string): number {
  const parsed = parseCount(value);
  if (parsed === null) throw cellError(fileName, row, column, (shown) => message('s4aNotCount', { value: shown }), value);
  return parsed;
}

function readSongTimeline(text: string, fileName: string, title: string, importedAt: string): History {
  if (title.trim() === '') throw new SpotifyDownloadError(fileName, null, message('s4aTitleEmpty'));
  const track = s4aTrack(title.trim());
  const importDay = importedAt.slice(0, 10);
  const byDay = new Map<Day, { value: number; row: number }>();
  for (const { row, cells } of dataRows(text, fileName, 2)) {
    const day = parseApiDay(cells[0]);
    if (!day) throw cellError(fileName, row, 'date', (shown) => message('fieldNotDay', { value: shown }), cells[0]!);
    if (day > importDay) throw cellError(fileName, row, 'date', (shown) => message('s4aAfterImportDay', { value: shown, day: importDay }), cells[0]!);
    const value = count(fileName, row, 'streams', cells[1]!);
    const earlier = byDay.get(day);
    if (earlier && earlier.value !== value) throw cellError(fileName, row, 'date', (shown) => message('s4aDayTwice', { value: shown, first: String(earlier.row), second: String(row) }), cells[0]!);
    byDay.set(day, { value, row });
  }
  const observations: Observation[] = [];
  for (const [day, { value }] of byDay) {
    // The import day itself is still running: its count is not final, so it is not stored.
    if (day === importDay) continue;
    observations.push({ track: track.id, source: SPOTIFY_SOURCE, store: SPOTIFY_STORE, metric: 'streams', day, value, observedAt: importedAt });
  }
  return { tracks: [track], observations };
}

function readSongsTable(text: string, fileName: string, window: string | null, options: SpotifyCsvReadOptions): SpotifyCsvHistory {
  if (window === null) throw new SpotifyDownloadError(fileName, null, message('s4aNoRange'));
  if (window === 'all') throw new SpotifyDownloadError(fileName, null, message('s4aAllTime'));
  if (window === '7day') throw new SpotifyDownloadError(fileName, null, message('s4aSevenDays'));
  const metrics = Object.hasOwn(WINDOWS, window) ? WINDOWS[window] : undefined;
  if (!metrics) throw new SpotifyDownloadError(fileName, null, message('s4aOtherRange', { range: window.slice(0, 20) }));
  const end = options.windowEndDay;
  if (end === undefined) throw new SpotifyDownloadError(fileName, null, message('s4aNoEndDay'));
  if (!isDay(end)) throw new SpotifyDownloadError(fileName, null, message('s4aEndDayNotDay', { value: JSON.stringify(String(end).slice(0, 20)) }));
  if (end >= options.importedAt.slice(0, 10)) throw new SpotifyDownloadError(fileName, null, message('s4aEndDayNotFinished', { day: end, importedAt: options.importedAt }));
  const rows = dataRows(text, fileName, 5).map(({ row, cells }) => {
    const title = cells[0]!;
    if (title === '') throw cellError(fileName, row, 'song', (shown) => message('s4aCellEmpty', { value: shown }), title);
    return { row, title, listeners: count(fileName, row, 'listeners', cells[1]!), streams: count(fileName, row, 'streams', cells[2]!), releaseDate: cells[4]! };
  });
  // Titles that appear more than once (after normalising) name no single song.
  const perTitle = new Map<string, number>();
  for (const { title } of rows) perTitle.set(s4aTrackId(title), (perTitle.get(s4aTrackId(title)) ?? 0) + 1);
  const withTrack = rows.map((entry) => ({ ...entry, track: (perTitle.get(s4aTrackId(entry.title)) ?? 0) > 1 ? s4aTrackOfRelease(entry.title, entry.releaseDate) : s4aTrack(entry.title) }));
  // Rows that share title and release date name no single song: each of them is left out
  // (giving one the other's counts would be wrong data), the others are kept.
  const rowsOf = new Map<string, number[]>();
  for (const { row, track } of withTrack) rowsOf.set(track.id, [...(rowsOf.get(track.id) ?? []), row]);
  const refusedRows: Message[] = [];
  const tracks: Track[] = [];
  const observations: Observation[] = [];
  for (const { row, title, listeners, streams, releaseDate, track } of withTrack) {
    const same = rowsOf.get(track.id)!;
    if (same.length > 1) {
      if (same[0] === row) {
        const rows = same.join(', ');
        const shown = JSON.stringify(title.slice(0, 40));
        refusedRows.push(parseApiDay(releaseDate) ? message('s4aRowsAlike', { rows, title: shown, released: releaseDate }) : message('s4aRowsAlikeUndated', { rows, title: shown }));
      }
      continue;
    }
    tracks.push(track);
    const base = { track: track.id, source: SPOTIFY_SOURCE, store: SPOTIFY_STORE, day: end, observedAt: options.importedAt } as const;
    observations.push({ ...base, metric: metrics.streams, value: streams }, { ...base, metric: metrics.listeners, value: listeners });
  }
  if (tracks.length === 0 && refusedRows.length > 0) {
    const rows = refusedRows.reduceRight((rest, first) => message('listSemicolon', { first: { text: first }, rest: { text: rest } }));
    throw new SpotifyDownloadError(fileName, null, message('s4aNothingToImport', { rows: { text: rows } }));
  }
  return refusedRows.length > 0 ? { tracks, observations, refusedRows: refusedRows.map(englishMessage) } : { tracks, observations };
}

export const spotifyCsvImporter = {
  id: 'spotify-csv',
  label: 'Spotify for Artists CSV download',
  detect(text: string, fileName: string): boolean {
    return classify(text, fileName) !== null;
  },
  read(text: string, fileName: string, options: SpotifyCsvReadOptions): SpotifyCsvHistory {
    if (!INSTANT_PATTERN.test(options.importedAt)) throw new Error(`${fileName}: importedAt ${JSON.stringify(options.importedAt)} is not a canonical ISO time`);
    const kind = classify(text, fileName);
    if (!kind) {
      throw new SpotifyDownloadError(fileName, null, message('s4aNotDownload', { timeline: SONG_TIMELINE_HEADER, table: SONGS_TABLE_HEADER }));
    }
    switch (kind.kind) {
      case 'song-timeline':
        return readSongTimeline(text, fileName, kind.title, options.importedAt);
      case 'songs-table':
        return readSongsTable(text, fileName, kind.window, options);
      case 'audience-timeline':
        throw new SpotifyDownloadError(fileName, null, message('s4aAudienceTimeline'));
    }
  },
} as const;
