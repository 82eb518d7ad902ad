/**
 * Property tests: whatever bytes arrive, an import either yields valid history content or
 * throws a ReportFileError (never a TypeError from deep inside a parser); well-formed rows sum
 * exactly, whatever their order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observationSchema, trackSchema } from '../../../../core/model/schema';
import { detectReportFormat, readReport, ReportFileError } from '../../../../core/sources/reports';
import { amuseRow, AMUSE_HEADER, xlsx, type XlsxCell } from '../../../fixtures/reports/make-fixtures';
import { IMPORTED_AT, utf8 } from './helpers';

const options = { importedAt: IMPORTED_AT };

/** Runs an import; fails the property on anything but success-with-valid-output or ReportFileError. */
function importOrRefuse(bytes: Uint8Array, name: string): void {
  expect(() => detectReportFormat(bytes, name)).not.toThrow();
  let history;
  try {
    history = readReport(bytes, name, options);
  } catch (error) {
    if (error instanceof ReportFileError) {
      expect(error.message).not.toMatch(/[\r\n]/);
      return;
    }
    throw error;
  }
  const ids = new Set(history.tracks.map((track) => trackSchema.parse(track).id));
  expect(ids.size).toBe(history.tracks.length);
  for (const obs of history.observations) {
    observationSchema.parse(obs);
    expect(ids.has(obs.track)).toBe(true);
  }
}

const HEADERS: Record<string, readonly string[]> = {
  imusician: ['Sales Date', 'Statement Date', 'Artist', 'Release Title', 'Barcode', 'Label', 'ISRC', 'Track Title', 'Track Version', 'Shop', 'Transaction Type', 'Country', 'Quantity', 'Revenue EUR'],
  distrokid: ['Date Inserted', 'Reporting Date', 'Sale Month', 'Store', 'Artist', 'Title', 'ISRC', 'UPC', 'Quantity', 'Team Percentage', 'Source Type', 'Country of Sale', 'Earnings (USD)'],
  tunecore: ['Sales Period', 'Store Name', 'Country Of Sale', 'Artist', 'Song Title', 'TC Song ID', 'Optional ISRC', 'Sales Type', '# Units Sold', 'Total Earned'],
  cdbaby: ['Report Date', 'Sales Date', 'Quantity', 'Isrc', 'CDBabySku', 'Artist Name', 'Track Name', 'Partner Name', 'Transaction Type', 'Delivery Country'],
  believe: ['Sales Month', 'Platform', 'Artist Name', 'Track title', 'ISRC', 'Release Catalog nb', 'Sales Type', 'Quantity', 'Net Revenue'],
};

/** Cell values that exercise the parsers: plausible ones, near misses, and junk. */
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'stream', 'Stream', 'download', 'YouTube monetisation', 'royalty', 'Song', 'Album', 'Spotify', 'iTunes', 'YouTube (ContentID)', '网易云音乐'),
  fc.constantFrom('2024-01', '2024-02-29', '2025-02-30', '10/15/2023 12:00:00 AM', '13/13/2024', 'Mar 2024', '202413', '45322'),
  fc.constantFrom('CHA1B2400001', 'ch-a1b-24-00001', 'CHA1B24', '-', 'N/A'),
  fc.constantFrom('1,234', '1.234', '1234,0', '12,5', '-5', '(3)', '1e400', '9007199254740993', '0', '-0'),
  fc.integer({ min: -1000, max: 1_000_000 }).map(String),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('"', '""', '"a,b"', 'a;b', 'a\tb', '\r', '\n', '\u0000', '\ufeff'),
);

function csvText(header: readonly string[], rows: readonly (readonly string[])[], separator: string, lineEnd: string): string {
  return [header, ...rows].map((row) => row.join(separator)).join(lineEnd);
}

describe('fuzz: only ReportFileError escapes', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('r.csv', 'r.tsv', 'r.xlsx', 'r.zip', ''), (bytes, name) => importOrRefuse(bytes, name)),
      { numRuns: 300 },
    );
  });

  it('random bytes after a zip signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => importOrRefuse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]), 'r.zip')),
      { numRuns: 300 },
    );
  });

  it('random rows under every format’s header, any separator and line end', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(HEADERS)),
        fc.array(fc.array(cell, { maxLength: 16 }), { maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        (format, rows, separator, lineEnd) => importOrRefuse(utf8(csvText(HEADERS[format]!, rows, separator, lineEnd)), 'r.csv'),
      ),
      { numRuns: 400 },
    );
  });

  it('well-formed rows with a few cells replaced by junk', () => {
    const good = ['2024-01', '2024-05', 'Luma Field', 'Night Drive', '764', 'Self', 'CHA1B2400001', 'Night Drive', '', 'Spotify', 'stream', 'CH', '812', '2.76'];
    const mutation = fc.record({ row: fc.nat(5), column: fc.nat(15), value: cell });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(mutation, { maxLength: 4 }), fc.constantFrom(',', ';', '\t'), (count, mutations, separator) => {
        const rows = Array.from({ length: count }, () => [...good]);
        for (const { row, column, value } of mutations) if (rows[row]) rows[row]![column] = value;
        importOrRefuse(utf8(csvText(HEADERS['imusician']!, rows, separator, '\n')), 'r.csv');
      }),
      { numRuns: 400 },
    );
  });

  it('random cells in an Amuse workbook', () => {
    const xlsxCell = fc.oneof(cell as fc.Arbitrary<XlsxCell>, fc.double({ noNaN: false }), fc.integer({ min: 0, max: 120_000 }).map((serial) => ({ serial })));
    fc.assert(
      fc.property(fc.array(fc.array(xlsxCell, { maxLength: 15 }), { maxLength: 6 }), (rows) => importOrRefuse(xlsx([AMUSE_HEADER, ...rows]), 'r.xlsx')),
      { numRuns: 150 },
    );
  });

  it('well-formed workbook rows import', () => {
    const row = fc.record({ quantity: fc.nat(100_000), serial: fc.integer({ min: 45_000, max: 46_000 }), store: fc.constantFrom('Spotify', 'Deezer', 'TIDAL') });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const history = readReport(xlsx([AMUSE_HEADER, ...rows.map((r) => amuseRow('Stream', { serial: r.serial }, r.store, 'velvet', r.quantity, 0))]), 'r.xlsx', { importedAt: '2026-01-01T08:00:00.000Z' });
        const total = history.observations.reduce((sum, obs) => sum + obs.value, 0);
        expect(total).toBe(rows.reduce((sum, r) => sum + r.quantity, 0));
      }),
      { numRuns: 50 },
    );
  });
});

describe('property: monthly sums', () => {
  const STORES = ['Spotify', 'Apple Music', 'iTunes', 'Deezer', 'YouTube Music', 'Amazon Music Unlimited'] as const;
  const TYPES = ['stream', 'download', 'YouTube monetisation'] as const;
  const row = fc.record({
    month: fc.constantFrom('2023-12', '2024-01', '2024-02'),
    day: fc.boolean(),
    isrc: fc.constantFrom('CHA1B2400001', 'CHA1B2400002', 'CHA1B2400003'),
    store: fc.constantFrom(...STORES),
    type: fc.constantFrom(...TYPES),
    country: fc.constantFrom('CH', 'DE', 'US'),
    quantity: fc.nat(2_000_000),
    grouping: fc.boolean(),
  });

  type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

  function sheet(rows: readonly Row[]): Uint8Array {
    const lines = rows.map((r) => {
      const quantity = r.grouping ? `"${r.quantity.toLocaleString('en-US')}"` : String(r.quantity);
      return [r.day ? `${r.month}-15` : r.month, '2024-05', 'Luma Field', 'Release', '764', 'Self', r.isrc, `Track ${r.isrc.slice(-1)}`, '', r.store, r.type, r.country, quantity, '0.01'].join(',');
    });
    return utf8([HEADERS['imusician']!.join(','), ...lines].join('\n'));
  }

  it('every stream quantity lands in exactly one observation; non-streams in none; order does not matter', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const history = readReport(sheet(rows), 's.csv', options);
        const streams = rows.filter((r) => r.type === 'stream');
        expect(history.observations.reduce((sum, obs) => sum + obs.value, 0)).toBe(streams.reduce((sum, r) => sum + r.quantity, 0));
        const keys = new Set(streams.map((r) => `${r.isrc} ${r.store === 'iTunes' ? 'Apple Music' : r.store} ${r.month}`));
        expect(history.observations).toHaveLength(keys.size);
        const reversed = readReport(sheet([...rows].reverse()), 's.csv', options);
        expect(reversed).toEqual(history);
      }),
      { numRuns: 200 },
    );
  });
});
