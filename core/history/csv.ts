/**
 * The spreadsheet export of docs/contracts.md §1: one row per observation, columns
 * `isrc,title,artists,source,store,metric,day,value,observed_at`.
 *
 * - RFC 4180: fields holding a comma, quote, CR or LF are quoted, quotes doubled; rows end with
 *   CRLF (the RFC's line break, which Excel and LibreOffice both expect); no byte-order mark.
 * - Text that starts with = + - @ TAB or CR would be run as a formula by a spreadsheet (CSV
 *   injection): such cells get a leading apostrophe, which spreadsheets show as text.
 * - Values stay plain numbers so they can be summed; an unknown ISRC is an empty cell.
 * - artists are joined with "; ". Rows follow the normalised history's order.
 */
import type { History } from '../model/history';
import { normaliseHistory } from './merge';

const CSV_HEADER = ['isrc', 'title', 'artists', 'source', 'store', 'metric', 'day', 'value', 'observed_at'] as const;
const LINE_END = '\r\n';

export function writeHistoryCsv(history: History): string {
  return [...historyCsvChunks(history)].join('');
}

/** The CSV export as text chunks of a few thousand rows each (a file of any size streams). */
export function* historyCsvChunks(history: History, rowsPerChunk = 4096): Generator<string> {
  const { tracks, observations } = normaliseHistory(history);
  const trackCells = new Map(tracks.map((track) => [track.id, [csvText(track.isrc ?? ''), csvText(track.title), csvText(track.artists.join('; '))].join(',')]));
  let rows: string[] = [CSV_HEADER.join(',')];
  for (const obs of observations) {
    rows.push(
      `${trackCells.get(obs.track)},${csvText(obs.source)},${csvText(obs.store)},${csvText(obs.metric)},${csvText(obs.day)},${obs.value},${csvText(obs.observedAt)}`,
    );
    if (rows.length >= rowsPerChunk) {
      yield rows.join(LINE_END) + LINE_END;
      rows = [];
    }
  }
  if (rows.length > 0) yield rows.join(LINE_END) + LINE_END;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One text cell: neutralised when a spreadsheet would run it, quoted when RFC 4180 needs it. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
