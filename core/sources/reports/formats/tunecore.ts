/**
 * TuneCore sales report, CSV (core/sources/reports/README.md, "The formats"): `Sales Period, Posted Date, Store Name,
 * Country Of Sale, Artist, Release Type, Release Title, Song Title, Label, UPC, Optional UPC,
 * TC Song ID, Optional ISRC, Sales Type, # Units Sold, Per Unit Price, Net Sales,
 * Net Sales Currency, Exchange Rate, Total Earned, Currency`.
 *
 * - Month: `Sales Period`; `Posted Date` is when TuneCore booked it.
 * - Streams: `Sales Type` mentioning "stream" counts; downloads etc. do not (kinds.ts).
 * - Quantity: `# Units Sold`.
 * - Identity: `Optional ISRC` (may be empty), `Song Title`, `Artist`; `TC Song ID` is a
 *   per-song id and goes into `distributorIds.tunecore`. UPCs are per release: not kept.
 */
import type { ReportFormat } from '../format';
import { kindFromColumn, readLine } from '../lines';

export const tunecoreReport: ReportFormat = {
  id: 'tunecore',
  label: 'TuneCore sales report',
  signature: ['tc song id'],
  required: ['sales period', 'store name', 'song title', 'sales type', '# units sold'],
  revenue: { amount: 'total earned', currency: { column: 'currency' }, statement: 'posted date' },
  readRow(row) {
    if (kindFromColumn(row, 'sales type') !== 'stream') return null;
    return readLine(row, {
      month: 'sales period',
      store: 'store name',
      artist: 'artist',
      title: 'song title',
      isrc: 'optional isrc',
      quantity: '# units sold',
      distributorId: 'tc song id',
    });
  },
};
