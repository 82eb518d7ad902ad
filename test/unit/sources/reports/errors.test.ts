/** Refusals: one line naming the file and, for a broken row, the row and column. */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReport, ReportFileError, reportImporters } from '../../../../core/sources/reports';
import { AMUSE_HEADER, amuseRow, xlsx } from '../../../fixtures/reports/make-fixtures';
import { errorOf, fixture, IMPORTED_AT, utf8 } from './helpers';

const options = { importedAt: IMPORTED_AT };
const IMUSICIAN_HEADER = 'Sales Date,Statement Date,Artist,Release Title,Barcode,Label,ISRC,Track Title,Track Version,Shop,Transaction Type,Country,Quantity,Revenue EUR';
const GOOD_ROW = '2024-01,2024-05,Luma Field,Night Drive,7640000000017,Self,CHA1B2400001,Night Drive,,Spotify,stream,CH,812,2.76';

/** An iMusician file whose second data row (spreadsheet row 3) has `patch` applied. */
function imusician(patch: Record<number, string>): Uint8Array {
  const cells = GOOD_ROW.split(',');
  for (const [index, value] of Object.entries(patch)) cells[Number(index)] = value;
  return utf8(`${IMUSICIAN_HEADER}\n${GOOD_ROW}\n${cells.join(',')}\n`);
}

function refusal(bytes: Uint8Array, name = 'sales.csv'): ReportFileError {
  const error = errorOf(() => readReport(bytes, name, options));
  expect(error).toBeInstanceOf(ReportFileError);
  expect(error.message).not.toMatch(/[\r\n]/);
  return error as ReportFileError;
}

describe('unknown and empty files', () => {
  it('names the headers seen and the formats expected, in one line', () => {
    const error = refusal(fixture('unknown.csv'), 'unknown.csv');
    expect(error.message).toBe(
      'unknown.csv: not a report format this tool knows. Headers seen: "song", "streams", "listeners", "views", "saves", "release_date". ' +
        'Expected one of: DistroKid earnings report (sale month + earnings (usd)); TuneCore sales report (tc song id); CD Baby sales report (cdbabysku); ' +
        'Believe sales report (release catalog nb); iMusician sales report (sales date + shop + revenue eur); Amuse royalty report (royalty date + service + split)',
    );
  });

  it('refuses an empty file, and one with only blank lines', () => {
    expect(refusal(fixture('empty.csv'), 'empty.csv').message).toBe('empty.csv: the file is empty');
    expect(refusal(utf8('\r\n\n  \n'), 'blank.csv').message).toBe('blank.csv: the file is empty (no header row)');
  });

  it("points at the sales report when given iMusician's per-release summary", () => {
    const summary = utf8('Statement date,Release title,Barcode,Track downloads,Track streams,Release downloads,Total revenue\n2024-05,Night Drive,7640000000017,3,2111,0,9.80\n');
    expect(refusal(summary, 'summary.csv').message).toMatch(/per-release summary.*download the sales report/);
  });

  it('refuses old .xls workbooks and zips without exactly one report', () => {
    expect(refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls').message).toMatch(/old Excel \.xls/);
    const two = zipSync({ 'a.csv': utf8('x'), 'b.csv': utf8('y') });
    expect(refusal(two, 'two.zip').message).toBe('two.zip: the zip holds 2 reports (a.csv, b.csv); unzip it and import them one by one');
    expect(refusal(zipSync({ 'notes.pdf': utf8('x') }), 'none.zip').message).toBe('none.zip: the zip holds no .csv, .tsv or .txt report');
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'torn.zip').message).toMatch(/^torn\.zip: the zip archive is damaged, so nothing of it is read: no end-of-directory record/);
  });

  it('a named importer refuses a file of another format', () => {
    const tunecore = reportImporters.find((importer) => importer.id === 'tunecore')!;
    const error = errorOf(() => tunecore.read(fixture('cdbaby.txt'), 'cdbaby.txt', options));
    expect(error).toBeInstanceOf(ReportFileError);
    expect(error.message).toBe('cdbaby.txt, row 1: does not have the headers of the TuneCore sales report: "tc song id" missing');
  });
});

describe('broken rows name file, row and column', () => {
  it('a fractional quantity (fixture)', () => {
    expect(refusal(fixture('imusician-sales-broken.csv'), 'imusician-sales-broken.csv').message).toBe(
      'imusician-sales-broken.csv, row 3, column M (Quantity): "12.5" is not a whole number of streams',
    );
  });

  it.each([
    [{ 12: 'lots' }, 'sales.csv, row 3, column M (Quantity): "lots" is not a number'],
    [{ 12: '' }, 'sales.csv, row 3, column M (Quantity): is empty'],
    [{ 0: '2024-13' }, 'sales.csv, row 3, column A (Sales Date): "2024-13" is not a date or month this importer understands (e.g. 2024-03, 2024-03-15, 3/15/2024)'],
    [{ 0: '2025-02-30' }, 'sales.csv, row 3, column A (Sales Date): "2025-02-30" is not a date or month this importer understands (e.g. 2024-03, 2024-03-15, 3/15/2024)'],
    [{ 6: 'CHA1B24' }, 'sales.csv, row 3, column G (ISRC): "CHA1B24" is not an ISRC (12 characters, e.g. CHXXX2400001)'],
    [{ 6: '', 7: '' }, 'sales.csv, row 3, column H (Track Title): is empty, and the row has no ISRC: nothing says which track it is about'],
    [{ 9: '' }, 'sales.csv, row 3, column J (Shop): is empty'],
    [{ 10: 'royalty' }, 'sales.csv, row 3, column K (Transaction Type): cannot tell whether "royalty" rows are streams (a type mentioning "stream" counts; download, purchase, YouTube monetisation and Content ID do not)'],
  ])('%j', (patch, message) => {
    expect(refusal(imusician(patch)).message).toBe(message);
  });

  it('a row cut short', () => {
    const bytes = utf8(`${IMUSICIAN_HEADER}\n${GOOD_ROW}\n2024-01,2024-05,Luma Field,Night Drive,7640000000017,Self,CHA1B2400001,Night Drive,,Spotify,stream\n`);
    expect(refusal(bytes).message).toBe('sales.csv, row 3, column M (Quantity): is empty');
  });

  it('a row with more values than headers (unquoted separator shifts the columns)', () => {
    const bytes = utf8(`${IMUSICIAN_HEADER}\n${GOOD_ROW}\n${GOOD_ROW.replace('Night Drive,7640', 'Night, Drive,7640')}\n`);
    expect(refusal(bytes).message).toMatch(/^sales\.csv, row 3: the row has a value beyond the last header column \(15 cells for 14 headers/);
  });

  it('counts blank lines and quoted line breaks as spreadsheet rows', () => {
    const multiline = GOOD_ROW.replace('Luma Field', '"Luma\nField"');
    const bytes = utf8(`${IMUSICIAN_HEADER}\n\n${multiline}\n${GOOD_ROW.replace(',812,', ',1.5,')}\n`);
    expect(refusal(bytes).message).toMatch(/^sales\.csv, row 4, column M \(Quantity\)/);
  });

  it('an unclosed quote', () => {
    const bytes = utf8(`${IMUSICIAN_HEADER}\n${GOOD_ROW}\n${GOOD_ROW.replace('Night Drive,7640', '"Night Drive,7640')}\n`);
    expect(refusal(bytes).message).toMatch(/^sales\.csv, row 3: a quoted value is not closed properly/);
  });

  it('a required column missing from a recognised header', () => {
    const bytes = utf8('Sales Date,Shop,Revenue EUR,ISRC,Track Title,Quantity\n2024-01,Spotify,1.00,CHA1B2400001,Night Drive,5\n');
    expect(refusal(bytes).message).toBe('sales.csv, row 1: has the headers of the iMusician sales report, but the column "transaction type" is missing');
  });

  it('an xlsx cell is located by its sheet row number and column letter', () => {
    const workbook = xlsx([AMUSE_HEADER, amuseRow('Stream', { serial: 45_322 }, 'Spotify', 'velvet', 900, 2.97), amuseRow('Stream', { serial: 45_322 }, 'Spotify', 'velvet', 12.5, 0.04)]);
    expect(refusal(workbook, 'amuse.xlsx').message).toBe('amuse.xlsx, row 3, column K (Quantity): "12.5" is not a whole number of streams');
  });

  it('a damaged workbook', () => {
    expect(refusal(fixture('amuse.xlsx').slice(0, 200), 'amuse.xlsx').message).toMatch(/^amuse\.xlsx: the zip archive is damaged, so nothing of it is read/);
  });
});

describe('rows that are not data', () => {
  it('skips a spreadsheet "Total" line instead of counting it or refusing the file', () => {
    const bytes = utf8(`${IMUSICIAN_HEADER}\n${GOOD_ROW}\n${GOOD_ROW}\nTotal,,,,,,,,,,,,1624,5.52\n`);
    expect(readReport(bytes, 'sales.csv', options).observations.map((obs) => obs.value)).toEqual([1624]);
  });

  it('ignores empty trailing cells (a separator at the end of each line)', () => {
    const bytes = utf8(`${IMUSICIAN_HEADER},\n${GOOD_ROW},,\n`);
    expect(readReport(bytes, 'sales.csv', options).observations.map((obs) => obs.value)).toEqual([812]);
  });
});

describe('refunds and negative adjustments', () => {
  it('a negative row is subtracted from its month (DistroKid fixture: 1210 − 10)', () => {
    const history = readReport(fixture('distrokid-v1.tsv'), 'distrokid-v1.tsv', options);
    expect(history.observations.find((obs) => obs.store === 'spotify' && obs.day === '2024-02-29' && obs.track.endsWith('101'))?.value).toBe(1200);
  });

  it('a month whose sum is negative is refused, pointing at the negative row', () => {
    const bytes = imusician({ 12: '-900' });
    expect(refusal(bytes).message).toBe(
      'sales.csv, row 3, column M (Quantity): the spotify streams of "Night Drive" (CHA1B2400001) for 2024-01 add up to -88: refunds or adjustments larger than the month\'s streams',
    );
  });

  it('accepts "(5)" and "−5" as negative adjustments', () => {
    for (const negative of ['(5)', '\u22125', '-5']) {
      const history = readReport(imusician({ 12: negative }), 'sales.csv', options);
      expect(history.observations.map((obs) => obs.value)).toEqual([807]);
    }
  });
});

describe('caller mistakes are not file errors', () => {
  it('an importedAt that is not an instant throws a RangeError', () => {
    const error = errorOf(() => readReport(fixture('cdbaby.txt'), 'cdbaby.txt', { importedAt: 'yesterday' }));
    expect(error).toBeInstanceOf(RangeError);
  });
});

describe('impossible dates', () => {
  it('refuses a sale month after the import (a month in year 9999), naming the file, row and month', () => {
    expect(refusal(imusician({ 0: '9999-12' })).message).toBe('sales.csv, row 3: the sale month 9999-12 is after the import (2024-07): no report counts a month that has not begun');
    expect(refusal(imusician({ 0: '2024-08' })).message).toContain('row 3: the sale month 2024-08 is after the import');
    // The import's own month is allowed (a report can cover it partly).
    expect(() => readReport(imusician({ 0: '2024-07' }), 'sales.csv', options)).not.toThrow();
  });
});
