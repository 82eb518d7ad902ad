/**
 * Rows → History: one `streams_month` observation per (track, store, month), summing every
 * country and reporting date of the file (docs/contracts.md §1), and the stream rows' money per
 * (track, store, month, statement, currency), summed exactly (docs/contracts.md §3,
 * model/money.ts). The sums are per file: importing a
 * newer export of the same report yields the same series with new values, and the revision
 * rule (latest observedAt wins) replaces the older ones instead of adding to them.
 */
import { lastDayOfMonth, type Month } from '../../model/day';
import type { History } from '../../model/history';
import { addDecimals, decimalToString, type Decimal } from '../../model/decimal';
import type { MoneyRecord } from '../../model/money';
import type { Observation, Track } from '../../model/schema';
import { quote, ReportFileError } from './errors';
import { message } from '../../i18n/typed';

import type { ReportFormat, StreamLine } from './format';
import { localTrackId, shortHash, textSlug } from './identity';
import { readRevenue } from './revenue';
import { columnIndex, ReportRow } from './row';
import type { Table } from './table';

const MAX_TEXT = 500;

interface TrackEntry {
  isrc: string | null;
  title: string;
  artist: string;
  distributorIds: Set<string>;
}

interface Sum {
  trackKey: string;
  store: string;
  month: Month;
  value: number;
  /** Where the last negative quantity was, to point at it if the month ends up negative. */
  lastNegative?: { row: number; column: string };
}

/** The money of one (track, store, month, statement, currency) in the file, and its rows' streams. */
interface MoneySum {
  trackKey: string;
  store: string;
  month: Month;
  statement: Month | null;
  currency: string;
  amount: Decimal;
  streams: number;
}

const DISTRIBUTOR_KEY = 'id\u0000';

/**
 * Rows with an ISRC are one track per ISRC. Without one, per artist + title, and per
 * distributor id too when the format has one: should that id turn out to be per release,
 * it still never joins two different titles.
 */
function trackKey(line: StreamLine): string {
  if (line.isrc) return `isrc\u0000${line.isrc}`;
  const name = `${textSlug(line.artist)}\u0000${textSlug(line.title)}`;
  return line.distributorId ? `${DISTRIBUTOR_KEY}${line.distributorId}\u0000${name}` : `name\u0000${name}`;
}

export function aggregateReport(format: ReportFormat, table: Table, observedAt: string): History {
  const columns = columnIndex(table);
  const tracks = new Map<string, TrackEntry>();
  const sums = new Map<string, Sum>();
  const money = new Map<string, MoneySum>();
  /** Which track keys each distributor id was seen with: a true per-track id has one. */
  const keysByDistributorId = new Map<string, Set<string>>();

  for (const tableRow of table.rows) {
    if (isTotalsRow(tableRow.cells)) continue;
    const row = new ReportRow(table, columns, tableRow);
    refuseShiftedRow(table, tableRow.cells, row.number);
    const line = format.readRow(row);
    if (line === null) continue;
    // No report counts a month that has not begun when it is imported (a month in year 9999
    // used to reach the comparison's month loops).
    if (line.month > observedAt.slice(0, 7)) {
      throw new ReportFileError(table.fileName, message('reportMonthAfterImport', { month: line.month, imported: observedAt.slice(0, 7) }), { row: row.number });
    }
    const key = trackKey(line);
    let track = tracks.get(key);
    if (!track) {
      track = { isrc: line.isrc, title: line.title.slice(0, MAX_TEXT), artist: line.artist.slice(0, MAX_TEXT), distributorIds: new Set() };
      tracks.set(key, track);
    }
    // Title and artist come from the first row that has them (an ISRC row may leave them empty).
    if (track.title === '' && line.title !== '') track.title = line.title.slice(0, MAX_TEXT);
    if (track.artist === '' && line.artist !== '') track.artist = line.artist.slice(0, MAX_TEXT);
    if (line.distributorId) {
      track.distributorIds.add(line.distributorId);
      const keys = keysByDistributorId.get(line.distributorId) ?? new Set();
      keys.add(key);
      keysByDistributorId.set(line.distributorId, keys);
    }
    const sumKey = `${key}\u0000${line.store}\u0000${line.month}`;
    const sum = sums.get(sumKey) ?? { trackKey: key, store: line.store, month: line.month, value: 0 };
    sum.value += line.quantity;
    if (line.quantity < 0) sum.lastNegative = { row: row.number, column: row.describeColumn(line.quantityColumn) };
    if (!Number.isSafeInteger(sum.value)) {
      throw new ReportFileError(table.fileName, message('reportSumTooLarge', { store: line.store, month: line.month }), { row: row.number });
    }
    sums.set(sumKey, sum);

    const revenue = readRevenue(row, format.revenue);
    if (revenue !== null) {
      const moneyKey = `${sumKey}\u0000${revenue.statement ?? ''}\u0000${revenue.currency}`;
      const entry = money.get(moneyKey) ?? { trackKey: key, store: line.store, month: line.month, statement: revenue.statement, currency: revenue.currency, amount: { units: 0n, scale: 0 }, streams: 0 };
      entry.amount = addDecimals(entry.amount, revenue.amount);
      entry.streams += line.quantity;
      money.set(moneyKey, entry);
    }
  }

  const ids = assignTrackIds(format.id, tracks);
  const observations: Observation[] = [];
  for (const sum of sums.values()) {
    const track = tracks.get(sum.trackKey)!;
    if (sum.value < 0) {
      throw new ReportFileError(
        table.fileName,
        message('reportSumNegative', { store: sum.store, title: `${quote(track.title)}${track.isrc ? ` (${track.isrc})` : ''}`, month: sum.month, sum: String(sum.value) }),
        sum.lastNegative ?? {},
      );
    }
    observations.push({
      track: ids.get(sum.trackKey)!,
      source: format.id,
      store: sum.store,
      metric: 'streams_month',
      day: lastDayOfMonth(sum.month),
      value: sum.value,
      observedAt,
    });
  }

  const moneyRecords: MoneyRecord[] = [...money.values()].map((entry) => ({
    track: ids.get(entry.trackKey)!,
    source: format.id,
    store: entry.store,
    month: entry.month,
    statement: entry.statement,
    currency: entry.currency,
    amount: decimalToString(entry.amount),
    streams: entry.streams,
    observedAt,
  }));

  const trackList: Track[] = [...tracks].map(([key, entry]) => {
    const distributorId = trustedDistributorId(entry, keysByDistributorId);
    return {
      id: ids.get(key)!,
      isrc: entry.isrc,
      title: entry.title,
      artists: entry.artist === '' ? [] : [entry.artist],
      spotifyTrackIds: [],
      distributorIds: distributorId === undefined ? {} : { [format.id]: distributorId },
    };
  });
  trackList.sort((a, b) => compareText(a.id, b.id));
  observations.sort((a, b) => compareText(a.track, b.track) || compareText(a.store, b.store) || compareText(a.day, b.day));
  if (moneyRecords.length === 0) return { tracks: trackList, observations };
  moneyRecords.sort(compareMoney);
  return { tracks: trackList, observations, money: moneyRecords };
}

function compareMoney(a: MoneyRecord, b: MoneyRecord): number {
  return compareText(a.track, b.track) || compareText(a.store, b.store) || compareText(a.month, b.month) || compareText(a.statement ?? '', b.statement ?? '') || compareText(a.currency, b.currency);
}

/**
 * A distributor id goes into `distributorIds` only when, in this file, it belongs to exactly
 * one track and that track has exactly one: tracks merge on distributor ids (docs/contracts.md §1), so
 * a release-level id mistaken for a track id would merge different songs.
 */
function trustedDistributorId(entry: TrackEntry, keysByDistributorId: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  if (entry.distributorIds.size !== 1) return undefined;
  const [id] = entry.distributorIds;
  return keysByDistributorId.get(id!)?.size === 1 ? id : undefined;
}


function assignTrackIds(source: string, tracks: ReadonlyMap<string, TrackEntry>): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  // Sorted keys: ids do not depend on row order, so a re-sorted export gives the same ids.
  for (const key of [...tracks.keys()].sort(compareText)) {
    const entry = tracks.get(key)!;
    const distributorId = key.startsWith(DISTRIBUTOR_KEY) ? key.slice(DISTRIBUTOR_KEY.length).split('\u0000')[0] : undefined;
    let id = localTrackId(source, { isrc: entry.isrc, distributorId, artist: entry.artist, title: entry.title });
    // Two titles can slug alike ("Hello!" / "Hello?"): the key's hash keeps them apart.
    if (taken.has(id)) id = `${id.slice(0, 91)}-${shortHash(key)}`;
    taken.add(id);
    ids.set(key, id);
  }
  return ids;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Spreadsheet-made reports sometimes end with a "Total" line. Its first column (a date in
 * every supported format) then says so; counting it would double the month.
 */
function isTotalsRow(cells: readonly unknown[]): boolean {
  return /^(grand\s+)?totals?:?$/i.test(String(cells[0] ?? '').trim());
}

/**
 * A row with more filled cells than the header has columns usually means a separator inside
 * an unquoted value: every later column is shifted, so reading it would be wrong.
 */
function refuseShiftedRow(table: Table, cells: readonly unknown[], row: number): void {
  for (let index = table.headers.length; index < cells.length; index++) {
    if (String(cells[index]).trim() !== '') {
      throw new ReportFileError(table.fileName, message('reportBeyondHeaders', { cells: String(cells.length), headers: String(table.headers.length) }), { row });
    }
  }
}
