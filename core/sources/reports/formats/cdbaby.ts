/**
 * CD Baby sales report, tab-separated .txt (core/sources/reports/README.md, "The formats"): `Report Date, Sales Date,
 * Quantity, Price, Subtotal, Isrc, Barcode, CDBabySku, Album Name, Artist Name, Track Name,
 * Partner Name, Transaction Type, Delivery Country`, dates like `10/15/2023 12:00:00 AM`.
 *
 * - Month: `Sales Date` (US month/day/year); `Report Date` is summed over.
 * - Streams: `Transaction Type` mentioning "stream" counts; downloads etc. do not (kinds.ts).
 * - Store: `Partner Name`.
 * - Identity: `Isrc`, `Track Name`, `Artist Name`. `CDBabySku` goes into
 *   `distributorIds.cdbaby` only when, within the file, it belongs to exactly one track
 *   (aggregate.ts): we have not seen whether CD Baby's SKU is per track or per release, and a
 *   release SKU would wrongly merge tracks. `Barcode` is the release's UPC: not kept.
 */
import type { ReportFormat } from '../format';
import { kindFromColumn, readLine } from '../lines';

export const cdbabyReport: ReportFormat = {
  id: 'cdbaby',
  label: 'CD Baby sales report',
  signature: ['cdbabysku'],
  required: ['sales date', 'quantity', 'isrc', 'track name', 'partner name', 'transaction type'],
  revenue: { amount: 'subtotal', currency: { code: 'USD' }, statement: 'report date' },
  readRow(row) {
    if (kindFromColumn(row, 'transaction type') !== 'stream') return null;
    return readLine(row, {
      month: 'sales date',
      store: 'partner name',
      artist: 'artist name',
      title: 'track name',
      isrc: 'isrc',
      quantity: 'quantity',
      distributorId: 'cdbabysku',
    });
  },
};
