/**
 * Money invariants (fast-check): report sums do not depend on the order of the rows or on how
 * statements are split into files, and export → import keeps every money revision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeHistories, normaliseHistory } from '../../../core/history/merge';
import { parseHistoryFile } from '../../../core/history/parse';
import { writeHistoryFile } from '../../../core/history/write';
import type { History } from '../../../core/model/history';
import type { MoneyRecord } from '../../../core/model/money';
import { money } from '../../../core/money';
import { readReport } from '../../../core/sources/reports';
import { historyArbitrary } from '../history/arbitraries';

const HEADER = 'Sales Date,Statement Date,Artist,Release Title,Barcode,Label,ISRC,Track Title,Track Version,Shop,Transaction Type,Country,Quantity,Revenue EUR';
const ISRCS = ['CHA1B2400001', 'CHA1B2400002'];
const SHOPS = ['Spotify', 'Apple Music', 'Deezer'];
const MONTHS = ['2024-01', '2024-02', '2024-03'];
const STATEMENTS = ['2024-05', '2024-06', '2024-07'];

interface Row {
  isrc: string;
  shop: string;
  month: string;
  statement: string;
  country: string;
  quantity: number;
  /** Micro-euros; negative for corrections. */
  micro: number;
  comma: boolean;
}

const rowArbitrary: fc.Arbitrary<Row> = fc.record({
  isrc: fc.constantFrom(...ISRCS),
  shop: fc.constantFrom(...SHOPS),
  month: fc.constantFrom(...MONTHS),
  statement: fc.constantFrom(...STATEMENTS),
  country: fc.constantFrom('CH', 'DE', 'US', 'FR'),
  quantity: fc.integer({ min: 0, max: 5000 }),
  micro: fc.integer({ min: -2_000_000, max: 30_000_000 }),
  comma: fc.boolean(),
});

/** Amount as a report writes it: up to 6 decimals, "." or "," as the mark (never grouped). */
function amountText(row: Row): string {
  const sign = row.micro < 0 ? '-' : '';
  const abs = Math.abs(row.micro);
  const text = `${sign}${Math.floor(abs / 1e6)}.${String(abs % 1e6).padStart(6, '0')}`;
  return row.comma ? `"${text.replace('.', ',')}"` : text;
}

function csv(rows: readonly Row[]): Uint8Array {
  const lines = rows.map((row) => `${row.month},${row.statement},Luma,Rel,1,L,${row.isrc},Song ${row.isrc.slice(-1)},,${row.shop},stream,${row.country},${row.quantity},${amountText(row)}`);
  return new TextEncoder().encode([HEADER, ...lines].join('\n'));
}

/** "ISRC store month" → micro-euros, from the rows themselves (integers: the reference). */
function referenceSums(rows: readonly Row[]): Record<string, number> {
  const store = (shop: string) => (shop === 'Apple Music' ? 'apple' : shop.toLowerCase());
  const sums: Record<string, number> = {};
  for (const row of rows) {
    const key = `${row.isrc} ${store(row.shop)} ${row.month}`;
    sums[key] = (sums[key] ?? 0) + row.micro;
  }
  return sums;
}

/** What the money view says per "ISRC store month", in micro-euros (exact: from the decimal string). */
function viewSums(history: History): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const track of money(history, { asOfDay: '2025-06-30' }).tracks) {
    for (const row of track.months) {
      if (row.revenue) sums[`${track.isrc} ${row.store} ${row.month}`] = Number(decimalMicros(row.revenue.amount));
    }
  }
  return sums;
}

function decimalMicros(amount: string): bigint {
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  const micros = BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return amount.startsWith('-') ? -micros : micros;
}

const validRows = fc.array(rowArbitrary, { minLength: 1, maxLength: 40 }).filter((rows) => {
  // The importer refuses a month whose streams add up below 0; quantities here never are.
  return rows.length > 0;
});

const read = (bytes: Uint8Array, at: string) => readReport(bytes, 'sales.csv', { importedAt: at });

describe('money sums', () => {
  it('equal the rows summed exactly, whatever their order', () => {
    fc.assert(
      fc.property(validRows, fc.integer(), (rows, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), { numRuns: 1, seed })[0]!;
        const inOrder = read(csv(rows), '2025-01-01T00:00:00.000Z');
        const reordered = read(csv(shuffled), '2025-01-01T00:00:00.000Z');
        expect(reordered.money).toEqual(inOrder.money);
        const expected = Object.fromEntries(Object.entries(referenceSums(rows)));
        expect(viewSums(inOrder)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('are the same when the statements come as separate files, imported in any order', () => {
    fc.assert(
      fc.property(validRows, fc.boolean(), (rows, reverse) => {
        const whole = read(csv(rows), '2025-01-01T00:00:00.000Z');
        const files = STATEMENTS.map((statement) => rows.filter((row) => row.statement === statement)).filter((part) => part.length > 0);
        const parts = files.map((part, index) => read(csv(part), `2025-0${index + 2}-01T00:00:00.000Z`));
        const merged = mergeHistories(...(reverse ? [...parts].reverse() : parts));
        expect(viewSums(merged)).toEqual(viewSums(whole));
        expect(viewSums(merged)).toEqual(referenceSums(rows));
      }),
      { numRuns: 150 },
    );
  });

  it('re-importing the same report later adds nothing', () => {
    fc.assert(
      fc.property(validRows, (rows) => {
        const first = read(csv(rows), '2025-01-01T00:00:00.000Z');
        const again = read(csv(rows), '2025-03-01T00:00:00.000Z');
        const merged = mergeHistories(first, again);
        expect(merged.money).toEqual(normaliseHistory(first).money);
        expect(viewSums(merged)).toEqual(referenceSums(rows));
      }),
      { numRuns: 100 },
    );
  });
});

const moneyFor = (history: History): fc.Arbitrary<MoneyRecord[]> =>
  history.tracks.length === 0
    ? fc.constant([])
    : fc.array(
        fc.record({
          track: fc.constantFrom(...history.tracks.map((track) => track.id)),
          source: fc.constantFrom('imusician', 'distrokid'),
          store: fc.constantFrom('spotify', 'apple'),
          month: fc.constantFrom('2025-01', '2025-02'),
          statement: fc.constantFrom(null, '2025-05', '2025-06'),
          currency: fc.constantFrom('EUR', 'USD'),
          amount: fc.bigInt({ min: -100_000_000n, max: 1_000_000_000_000n }).chain((units) => fc.integer({ min: 0, max: 12 }).map((scale) => formatUnits(units, scale))),
          streams: fc.integer({ min: -50, max: 100_000 }),
          observedAt: fc.constantFrom('2025-06-01T08:00:00.000Z', '2025-07-01T08:00:00.000Z', '2025-08-01T08:00:00.000Z'),
        }),
        { maxLength: 25 },
      );

function formatUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = `${whole}${fraction ? `.${fraction}` : ''}`;
  return negative && text !== '0' ? `-${text}` : text;
}

describe('history files with money', () => {
  it('export → import is lossless', () => {
    fc.assert(
      fc.property(
        historyArbitrary().chain((history) => moneyFor(history).map((records) => ({ ...history, money: records }))),
        (history) => {
          const written = writeHistoryFile(history, new Date('2025-09-01T00:00:00.000Z'));
          const read = parseHistoryFile(written);
          expect(read).toEqual(normaliseHistory(history));
          // And again: a written file is a fixed point.
          expect(writeHistoryFile(read, new Date('2025-09-01T00:00:00.000Z'))).toBe(written);
        },
      ),
      { numRuns: 150 },
    );
  });
});
