/**
 * DistroKid bank details export, both layouts (core/sources/reports/README.md, "The formats"):
 * - to mid-2025: TSV, CRLF: `Reporting Date, Sale Month, Store, Artist, Title, ISRC, UPC,
 *   Quantity, Team Percentage, Song/Album, Country of Sale, Songwriter Royalties Withheld,
 *   Earnings (USD)`;
 * - from mid-2025: adds `Date Inserted` first and `Recoup (USD)` last, `Source Type` instead
 *   of (or as well as) `Song/Album`; TSV, sometimes a zipped CSV, Latin-1 or UTF-8, some
 *   CR-only line ends. Both are read by the same rules.
 *
 * - Month: `Sale Month`; `Reporting Date` (and `Date Inserted`) are summed over.
 * - Streams: DistroKid has no transaction type. A row counts when it is a song row
 *   (`Song/Album` / `Source Type` "Song" or "Track"; "Album" rows are album sales) and its
 *   store is not a purchase store: "iTunes" is purchases (Apple Music is the stream store),
 *   any store naming "download" likewise, and YouTube Content ID is monetisation. Other
 *   Source Type values go through the shared stream/not-stream words (kinds.ts); a value
 *   matching none refuses the file. When neither column exists, every row is a song row.
 * - Identity: ISRC, `Title`, `Artist`. `UPC` is the release's: not kept.
 */
import type { ReportFormat } from '../format';
import { kindFromColumn, readLine } from '../lines';
import type { ReportRow } from '../row';

const PURCHASE_STORE = /itunes|download/i;

function isSongRow(row: ReportRow): boolean {
  const column = row.has('source type') && row.text('source type') !== '' ? 'source type' : 'song/album';
  const value = row.text(column).toLowerCase();
  if (value === '') return true;
  if (/album/.test(value)) return false;
  if (/^(song|track|single)s?$/.test(value)) return true;
  return kindFromColumn(row, column) === 'stream';
}

export const distrokidReport: ReportFormat = {
  id: 'distrokid',
  label: 'DistroKid earnings report',
  signature: ['sale month', 'earnings (usd)'],
  required: ['store', 'title', 'isrc', 'quantity'],
  revenue: { amount: 'earnings (usd)', currency: { code: 'USD' }, statement: 'reporting date' },
  readRow(row) {
    if (!isSongRow(row)) return null;
    if (PURCHASE_STORE.test(row.text('store'))) return null;
    return readLine(row, {
      month: 'sale month',
      store: 'store',
      artist: 'artist',
      title: 'title',
      isrc: 'isrc',
      quantity: 'quantity',
    });
  },
};
