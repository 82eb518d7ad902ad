/**
 * The row reading most formats share: a type column decides stream or not, then store, month,
 * track identity and quantity come from named columns.
 */
import { quote } from './errors';
import { message } from '../../i18n/typed';

import type { StreamLine } from './format';
import { transactionKind, type RowKind } from './kinds';
import type { ReportRow } from './row';
import { isContentIdStore, storeId } from './stores';

interface LineColumns {
  month: string;
  store: string;
  artist: string;
  title: string;
  /** Appended as "Title (Version)": a remix or live version is a different recording. */
  version?: string;
  isrc: string;
  quantity: string;
  /** A true per-track distributor id (see aggregate.ts for when it is trusted). */
  distributorId?: string;
}

/** Reads the row's type cell; refuses a value that is neither a stream nor a known non-stream. */
export function kindFromColumn(row: ReportRow, column: string): RowKind {
  const value = row.required(column);
  const kind = transactionKind(value);
  if (kind === null) row.fail(column, message('reportUnknownKind', { value: quote(value) }));
  return kind;
}

/** The row as a stream line; null for YouTube Content ID rows (ad revenue, not streams). */
export function readLine(row: ReportRow, columns: LineColumns): StreamLine | null {
  const storeName = row.required(columns.store);
  if (isContentIdStore(storeName)) return null;
  const isrc = row.isrc(columns.isrc);
  const baseTitle = row.text(columns.title);
  const version = columns.version === undefined ? '' : row.text(columns.version);
  const title = version === '' || baseTitle.toLowerCase().includes(version.toLowerCase()) ? baseTitle : `${baseTitle} (${version})`;
  if (isrc === null && baseTitle === '') row.fail(columns.title, message('reportNoTitleNoIsrc'));
  const distributorId = columns.distributorId === undefined ? '' : row.text(columns.distributorId);
  return {
    isrc,
    title,
    artist: row.text(columns.artist),
    ...(distributorId === '' ? {} : { distributorId: distributorId.slice(0, 100) }),
    store: storeId(storeName),
    month: row.month(columns.month),
    quantity: row.quantity(columns.quantity),
    quantityColumn: columns.quantity,
  };
}
