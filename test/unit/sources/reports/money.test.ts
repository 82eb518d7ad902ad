/**
 * Money on import: every report fixture's revenue, summed per recording, store and month, to
 * the cent (hand-checked against the rows: make-fixtures.ts), with the rows' own streams.
 */
import { describe, expect, it } from 'vitest';
import { addDecimals, decimalOf, decimalToString, ZERO } from '../../../../core/model/decimal';
import type { History } from '../../../../core/model/history';
import { readReport } from '../../../../core/sources/reports';
import { parseMoneyText } from '../../../../core/sources/reports/revenue';
import { fixture, IMPORTED_AT, utf8 } from './helpers';

/** "ISRC store YYYY-MM CUR" → "amount / streams", summed over statements. */
function moneySums(history: History): Record<string, string> {
  const isrcOf = new Map(history.tracks.map((track) => [track.id, track.isrc ?? track.id]));
  const sums = new Map<string, { amount: ReturnType<typeof decimalOf>; streams: number }>();
  for (const record of history.money ?? []) {
    const key = `${isrcOf.get(record.track)} ${record.store} ${record.month} ${record.currency}`;
    const sum = sums.get(key) ?? { amount: ZERO, streams: 0 };
    sum.amount = addDecimals(sum.amount, decimalOf(record.amount));
    sum.streams += record.streams;
    sums.set(key, sum);
  }
  return Object.fromEntries([...sums].map(([key, sum]) => [key, `${decimalToString(sum.amount)} / ${sum.streams}`]));
}

const read = (name: string) => readReport(fixture(name), name, { importedAt: IMPORTED_AT });

describe('revenue kept from every report format', () => {
  it.each([
    [
      'imusician-sales.csv',
      {
        'CHA1B2400001 spotify 2024-01 EUR': '6.68 / 2111',
        'CHA1B2400001 spotify 2024-02 EUR': '2.31 / 683',
        'CHA1B2400001 apple 2024-01 EUR': '0.98 / 140',
        'CHA1B2400001 youtube 2024-01 EUR': '0.12 / 61',
        'CHA1B2400001 deezer 2024-02 EUR': '0.08 / 27',
        'CHA1B2400001 amazon 2024-02 EUR': '0.07 / 18',
        'CHA1B2400002 spotify 2024-01 EUR': '1.16 / 345',
        'CHA1B2400002 spotify 2024-02 EUR': '1.39 / 410',
        'CHA1B2400002 apple 2024-02 EUR': '0.15 / 22',
        'CHA1B2400002 24-7-musicshop 2024-02 EUR': '0.01 / 4',
      },
    ],
    // windows-1252, ";" and decimal commas ("1,8336"): summed exactly.
    ['imusician-sales-1252-semicolon.csv', { 'FRZCF2400007 spotify 2024-03 EUR': '7.7928 / 2292', 'FRZCF2400007 spotify 2024-04 EUR': '3.332 / 980', 'FRZCF2400007 deezer 2024-03 EUR': '0.93 / 310' }],
    // Two reporting dates for January are added; February's −10 streams / −0.03 USD correction is kept.
    [
      'distrokid-v1.tsv',
      {
        'QZHN52400101 spotify 2024-01 USD': '5.915 / 1820',
        'QZHN52400101 spotify 2024-02 USD': '3.9 / 1200',
        'QZHN52400101 apple 2024-01 USD': '1.47 / 210',
        'QZHN52400101 amazon 2024-01 USD': '0.35 / 44',
        'QZHN52400102 spotify 2024-02 USD': '0.32 / 100',
        'QZHN52400102 deezer 2024-02 USD': '0.03 / 9',
        'QZHN52400102 youtube 2024-02 USD': '0.06 / 30',
      },
    ],
    ['distrokid-v2-cr.tsv', { 'QZHN52400101 spotify 2024-03 USD': '3.24 / 1000', 'QZHN52400101 apple 2024-03 USD': '0.39 / 55', 'QZHN52400102 spotify 2024-03 USD': '0.45 / 140' }],
    ['distrokid-v2.zip', { 'QZHN52400155 spotify 2024-05 USD': '2.11 / 650', 'QZHN52400155 spotify 2024-06 USD': '1.66 / 512', 'QZHN52400155 deezer 2024-05 USD': '0.23 / 75' }],
    [
      'tunecore.csv',
      {
        'TCAGH2400001 spotify 2024-02 USD': '2.43 / 800',
        'TCAGH2400001 apple 2024-02 USD': '0.63 / 90',
        'tunecore:id-5550102 spotify 2024-02 USD': '0.26 / 75',
        'tunecore:id-5550102 spotify 2024-03 USD': '3.68 / 1050',
      },
    ],
    [
      'cdbaby.txt',
      {
        'USCGH2400011 spotify 2023-10 USD': '1.5 / 500',
        'USCGH2400011 spotify 2023-11 USD': '0.999 / 333',
        'USCGH2400011 apple 2023-10 USD': '0.084 / 12',
        'USCGH2400012 spotify 2023-10 USD': '0.123 / 41',
        'USCGH2400012 spotify 2023-11 USD': '0.177 / 59',
        'USCGH2400012 deezer 2023-11 USD': '0.028 / 7',
      },
    ],
    ['believe-semicolon.csv', { 'FRBLV2400021 spotify 2024-01 EUR': '3.8 / 1750', 'FRBLV2400021 deezer 2024-01 EUR': '0.3136 / 98', 'FRBLV2400022 spotify 2024-01 EUR': '0.1536 / 64' }],
    ['believe-comma-bom.csv', { 'FRBLV2400021 spotify 2024-02 EUR': '2.4 / 1000', 'FRBLV2400021 amazon 2024-02 EUR': '0.048 / 15' }],
    // A workbook: number cells (doubles) read at their exact shortest decimal.
    ['amuse.xlsx', { 'SEXAM2400031 spotify 2024-01 USD': '3.3 / 1000', 'SEXAM2400031 apple 2024-01 USD': '0.84 / 120', 'SEXAM2400032 spotify 2024-02 USD': '0.25 / 77', 'SEXAM2400032 tidal 2024-02 USD': '0.06 / 5' }],
  ] as [string, Record<string, string>][])('%s: sums per recording, store and month to the cent', (name, expected) => {
    const history = read(name);
    expect(moneySums(history)).toEqual(expected);
    // The money's streams are the same rows' streams as the monthly count.
    const isrcOf = new Map(history.tracks.map((track) => [track.id, track.isrc ?? track.id]));
    for (const obs of history.observations) {
      const key = Object.keys(expected).find((each) => each.startsWith(`${isrcOf.get(obs.track)} ${obs.store} ${obs.day.slice(0, 7)} `));
      expect(key, `${obs.track} ${obs.store} ${obs.day}`).toBeDefined();
      expect(Number(expected[key!]!.split(' / ')[1])).toBe(obs.value);
    }
  });

  it('keys money by statement: iMusician rows of one sales month in two statements stay two records', () => {
    const csv = [
      'Sales Date,Statement Date,Artist,Release Title,Barcode,Label,ISRC,Track Title,Track Version,Shop,Transaction Type,Country,Quantity,Revenue EUR',
      '2024-01,2024-05,A,R,1,L,CHA1B2400001,Song,,Spotify,stream,CH,100,0.30',
      '2024-01,2024-06,A,R,1,L,CHA1B2400001,Song,,Spotify,stream,US,20,0.07',
      '2024-01,2024-06,A,R,1,L,CHA1B2400001,Song,,Spotify,stream,US,-5,-0.02',
    ].join('\n');
    const history = readReport(utf8(csv), 'sales.csv', { importedAt: IMPORTED_AT });
    expect(history.money!.map(({ statement, amount, streams }) => ({ statement, amount, streams }))).toEqual([
      { statement: '2024-05', amount: '0.3', streams: 100 },
      { statement: '2024-06', amount: '0.05', streams: 15 },
    ]);
  });

  it('reads TuneCore and Believe currencies per row, and keeps two currencies apart', () => {
    const header = 'Sales Period,Posted Date,Store Name,Country Of Sale,Artist,Release Type,Release Title,Song Title,Label,UPC,Optional UPC,TC Song ID,Optional ISRC,Sales Type,# Units Sold,Per Unit Price,Net Sales,Net Sales Currency,Exchange Rate,Total Earned,Currency';
    const row = (country: string, units: number, earned: string, currency: string) => `2024-02,2024-06-10,Spotify,${country},K,Album,N,Orbit,K,1,,555,TCAGH2400001,Streaming,${units},0.003,${earned},${currency},1,${earned},${currency}`;
    const history = readReport(utf8([header, row('US', 100, '0.30', 'USD'), row('DE', 50, '0.14', 'eur'), row('FR', 10, '0.03', 'EUR')].join('\n')), 'tc.csv', { importedAt: IMPORTED_AT });
    expect(history.money!.map(({ currency, amount, streams }) => ({ currency, amount, streams }))).toEqual([
      { currency: 'EUR', amount: '0.17', streams: 60 },
      { currency: 'USD', amount: '0.3', streams: 100 },
    ]);
  });

  it('refuses an amount that is not one, naming the row and column', () => {
    const csv = 'Sales Date,Statement Date,Artist,Release Title,Barcode,Label,ISRC,Track Title,Track Version,Shop,Transaction Type,Country,Quantity,Revenue EUR\n2024-01,2024-05,A,R,1,L,CHA1B2400001,Song,,Spotify,stream,CH,100,about 3\n';
    expect(() => readReport(utf8(csv), 'sales.csv', { importedAt: IMPORTED_AT })).toThrow('sales.csv, row 2, column N (Revenue EUR): "about 3" is not an amount of money');
  });

  it('refuses an amount without a currency where the format names it per row', () => {
    const header = 'Sales Period,Posted Date,Store Name,Country Of Sale,Artist,Release Type,Release Title,Song Title,Label,UPC,Optional UPC,TC Song ID,Optional ISRC,Sales Type,# Units Sold,Per Unit Price,Net Sales,Net Sales Currency,Exchange Rate,Total Earned,Currency';
    const csv = `${header}\n2024-02,2024-06-10,Spotify,US,K,Album,N,Orbit,K,1,,555,TCAGH2400001,Streaming,100,0.003,0.3,USD,1,0.3,\n`;
    expect(() => readReport(utf8(csv), 'tc.csv', { importedAt: IMPORTED_AT })).toThrow(/row 2, column U \(Currency\): is empty, so the amount in T \(Total Earned\) has no currency/);
  });

  it('leaves rows with an empty money cell out of the money, not out of the streams', () => {
    const csv = 'Sales Date,Statement Date,Artist,Release Title,Barcode,Label,ISRC,Track Title,Track Version,Shop,Transaction Type,Country,Quantity,Revenue EUR\n2024-01,2024-05,A,R,1,L,CHA1B2400001,Song,,Spotify,stream,CH,100,\n2024-01,2024-05,A,R,1,L,CHA1B2400001,Song,,Spotify,stream,DE,50,0.2\n';
    const history = readReport(utf8(csv), 'sales.csv', { importedAt: IMPORTED_AT });
    expect(history.observations[0]!.value).toBe(150);
    expect(history.money!.map(({ amount, streams }) => ({ amount, streams }))).toEqual([{ amount: '0.2', streams: 50 }]);
  });
});

describe('parseMoneyText', () => {
  it.each([
    ['4.12', '4.12'],
    ['4,12', '4.12'],
    ['0,003', '0.003'],
    ['1.234', '1.234'],
    ['1.234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['1,234,567', '1234567'],
    ['1 234,5', '1234.5'],
    ["1'234.5", '1234.5'],
    ['-0.03', '-0.03'],
    ['(0.03)', '-0.03'],
    ['\u22120,03', '-0.03'],
    ['1.2E-05', '0.000012'],
    ['3.4567e-3', '0.0034567'],
    ['€4.12', '4.12'],
    ['4.12 $', '4.12'],
    ['0.00310722474', '0.00310722474'],
    ['0', '0'],
    ['-0', '0'],
    ['.5', '0.5'],
  ])('%s → %s', (raw, expected) => {
    const value = parseMoneyText(raw);
    expect(value && decimalToString(value)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3,4,5', '1,23,4', '12 EURO', '--1'])('%j is not an amount', (raw) => {
    expect(parseMoneyText(raw)).toBeNull();
  });
});
