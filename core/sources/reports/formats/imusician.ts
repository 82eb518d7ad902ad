/**
 * iMusician sales report (Revenue → Reports), CSV, monthly, EUR. Header (core/sources/reports/README.md, "The formats"):
 * `Sales Date, Statement Date, Artist, Release Title, Barcode, Label, ISRC, Track Title,
 * Track Version, Shop, Transaction Type, Country, Quantity, Revenue EUR`.
 *
 * - Month: `Sales Date` (YYYY-MM, sometimes YYYY-MM-DD); `Statement Date` is when it was paid.
 * - Streams: `Transaction Type` "stream" counts; "download" and "YouTube monetisation" do not.
 * - Store: `Shop`. Countries are summed.
 * - Identity: ISRC; title is `Track Title` plus `Track Version` ("Song (Acoustic)").
 *   `Barcode` is the release's UPC, not a per-track id: not kept.
 * - Encodings seen: UTF-8, UTF-8 with BOM, windows-1252; decimal commas occur.
 *
 * iMusician's per-release summary (`Statement date, Release title, Barcode, Track downloads,
 * Track streams, …`) has no per-track or per-month rows; index.ts names it when refusing it.
 */
import type { ReportFormat } from '../format';
import { kindFromColumn, readLine } from '../lines';
import { IMUSICIAN_SOURCE } from '../../../model/ids';

export const imusicianSalesReport: ReportFormat = {
  // The dashboard's source id too: its daily readings and its reports' months are one source.
  id: IMUSICIAN_SOURCE,
  label: 'iMusician sales report',
  signature: ['sales date', 'shop', 'revenue eur'],
  required: ['isrc', 'track title', 'transaction type', 'quantity'],
  revenue: { amount: 'revenue eur', currency: { code: 'EUR' }, statement: 'statement date' },
  readRow(row) {
    if (kindFromColumn(row, 'transaction type') !== 'stream') return null;
    return readLine(row, {
      month: 'sales date',
      store: 'shop',
      artist: 'artist',
      title: 'track title',
      version: 'track version',
      isrc: 'isrc',
      quantity: 'quantity',
    });
  },
};
