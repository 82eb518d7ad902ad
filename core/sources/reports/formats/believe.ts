/**
 * Believe sales report, CSV with `,` or `;` (core/sources/reports/README.md, "The formats"): `Reporting month, Sales Month,
 * Platform, Country / Region, Label Name, Artist Name, Release title, Track title, UPC, ISRC,
 * Release Catalog nb, Streaming Subscription Type, Release type, Sales Type, Quantity,
 * Client Payment Currency, Unit Price, Mechanical Fee, Gross Revenue, Client share rate,
 * Net Revenue`.
 *
 * - Month: `Sales Month`; `Reporting month` is summed over.
 * - Streams: `Sales Type` mentioning "stream" counts; downloads etc. do not (kinds.ts).
 *   `Streaming Subscription Type` (free, premium …) does not matter: all are streams.
 * - Store: `Platform`.
 * - Identity: ISRC, `Track title`, `Artist Name`. `Release Catalog nb` and `UPC` are
 *   per release: not kept.
 */
import type { ReportFormat } from '../format';
import { kindFromColumn, readLine } from '../lines';

export const believeReport: ReportFormat = {
  id: 'believe',
  label: 'Believe sales report',
  signature: ['release catalog nb'],
  required: ['sales month', 'platform', 'track title', 'isrc', 'sales type', 'quantity'],
  revenue: { amount: 'net revenue', currency: { column: 'client payment currency' }, statement: 'reporting month' },
  readRow(row) {
    if (kindFromColumn(row, 'sales type') !== 'stream') return null;
    return readLine(row, {
      month: 'sales month',
      store: 'platform',
      artist: 'artist name',
      title: 'track title',
      isrc: 'isrc',
      quantity: 'quantity',
    });
  },
};
