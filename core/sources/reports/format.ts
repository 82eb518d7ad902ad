/**
 * A report format: how to recognise its header and how to read one row. Everything shared
 * (decoding, summing per track/store/month, track ids, errors) lives outside the format files.
 */
import type { Month } from '../../model/day';
import type { RevenueColumns } from './revenue';
import type { ReportRow } from './row';

/** One stream row of a report, reduced to what an observation needs. */
export interface StreamLine {
  isrc: string | null;
  title: string;
  artist: string;
  /** A true per-track id from the distributor (TuneCore's TC Song ID …), when the format has one. */
  distributorId?: string;
  /** The store's id (storeId()), e.g. "spotify". */
  store: string;
  month: Month;
  /** Whole number; negative for refunds/adjustments (the monthly sum must not be). */
  quantity: number;
  /** The column the quantity came from, for messages about the monthly sum. */
  quantityColumn: string;
}

export interface ReportFormat {
  /** Distributor id: the importer id and the observations' `source`. */
  id: string;
  label: string;
  /** Normalised headers that identify the format, shown when a file matches nothing. */
  signature: readonly string[];
  /** Extra headers a row reader needs; a file with the signature but without them is refused. */
  required: readonly string[];
  /** Default: every signature header is present. */
  matches?(keys: ReadonlySet<string>): boolean;
  /** Where the money of a stream row is (docs/contracts.md §3); absent: the format has none. */
  revenue?: RevenueColumns;
  /** The row's stream line, or null when the row is not a stream (download, YouTube …). */
  readRow(row: ReportRow): StreamLine | null;
}

export function formatMatches(format: ReportFormat, keys: ReadonlySet<string>): boolean {
  return format.matches ? format.matches(keys) : format.signature.every((key) => keys.has(key));
}
