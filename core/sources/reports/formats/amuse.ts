/**
 * Amuse royalty report, .xlsx (core/sources/reports/README.md, "The formats"): `Transaction date, Type, Source, Royalty Date,
 * Service, UPC, ISRC, Artist, Release, Track, Quantity, Amount, Split, Total`.
 *
 * - Month: `Royalty Date` (the month the streams happened; `Transaction date` is when Amuse
 *   booked them). A date cell (Excel serial) or text such as 2024-03 / 2024-03-31.
 * - Streams: `Type` mentioning "stream" counts; downloads etc. do not (kinds.ts).
 *   `Source` is not used: we have no sample of its values.
 * - Store: `Service`.
 * - Identity: ISRC, `Track`, `Artist`. `UPC` is per release: not kept.
 */
import type { ReportFormat } from '../format';
import { kindFromColumn, readLine } from '../lines';

export const amuseReport: ReportFormat = {
  id: 'amuse',
  label: 'Amuse royalty report',
  signature: ['royalty date', 'service', 'split'],
  required: ['type', 'isrc', 'track', 'quantity'],
  revenue: { amount: 'total', currency: { code: 'USD' }, statement: 'transaction date' },
  readRow(row) {
    if (kindFromColumn(row, 'type') !== 'stream') return null;
    return readLine(row, {
      month: 'royalty date',
      store: 'service',
      artist: 'artist',
      title: 'track',
      isrc: 'isrc',
      quantity: 'quantity',
    });
  },
};
