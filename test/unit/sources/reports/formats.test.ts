/**
 * Every format on its fixture file: per-store monthly sums against totals worked out by hand
 * from the rows in test/fixtures/reports/make-fixtures.ts (the sums are written out, not
 * recomputed from those rows, so a wrong reading cannot agree with itself).
 */
import { describe, expect, it } from 'vitest';
import { observationSchema, trackSchema } from '../../../../core/model/schema';
import { detectReportFormat, readReport, reportImporters } from '../../../../core/sources/reports';
import { fixture, IMPORTED_AT, monthlySums } from './helpers';

function read(name: string) {
  const history = readReport(fixture(name), name, { importedAt: IMPORTED_AT });
  // Whatever a report yields must be valid history content (docs/contracts.md §1).
  for (const track of history.tracks) trackSchema.parse(track);
  for (const obs of history.observations) {
    observationSchema.parse(obs);
    expect(obs.metric).toBe('streams_month');
    expect(obs.observedAt).toBe(IMPORTED_AT);
  }
  return history;
}

describe('iMusician sales report', () => {
  it('sums countries per store and month; downloads and YouTube monetisation are left out', () => {
    const history = read('imusician-sales.csv');
    expect(monthlySums(history)).toEqual({
      // Night Drive: Spotify Jan = 812 CH + 1,204 DE + 95 US (dated 2024-01-15)
      'CHA1B2400001 spotify 2024-01': 2111,
      'CHA1B2400001 apple 2024-01': 140, // iTunes download (3) not counted
      'CHA1B2400001 youtube 2024-01': 61, // YouTube Music stream; YouTube monetisation (5400) not
      'CHA1B2400001 spotify 2024-02': 683, // 650 + 33
      'CHA1B2400001 deezer 2024-02': 27,
      'CHA1B2400001 amazon 2024-02': 18,
      'CHA1B2400002 spotify 2024-01': 345, // 300 + 45
      'CHA1B2400002 spotify 2024-02': 410,
      'CHA1B2400002 apple 2024-02': 22, // iTunes download (2) not counted
      'CHA1B2400002 24-7-musicshop 2024-02': 4,
    });
    expect(history.observations.map((obs) => obs.source)).toEqual(Array(10).fill('imusician'));
    expect(history.observations.find((obs) => obs.store === 'deezer')?.day).toBe('2024-02-29');
  });

  it('makes tracks from ISRC, title + version and artist, with ids derived from the ISRC', () => {
    expect(read('imusician-sales.csv').tracks).toEqual([
      { id: 'imusician:CHA1B2400001', isrc: 'CHA1B2400001', title: 'Night Drive', artists: ['Luma Field'], spotifyTrackIds: [], distributorIds: {} },
      { id: 'imusician:CHA1B2400002', isrc: 'CHA1B2400002', title: 'Paper Boats (Acoustic)', artists: ['Luma Field'], spotifyTrackIds: [], distributorIds: {} },
    ]);
  });

  it('reads the UTF-8 BOM + CRLF export exactly like the plain one', () => {
    expect(read('imusician-sales-bom-crlf.csv')).toEqual(read('imusician-sales.csv'));
  });

  it('reads windows-1252 with `;` and decimal commas (Zoë Café)', () => {
    const history = read('imusician-sales-1252-semicolon.csv');
    expect(history.tracks).toEqual([
      { id: 'imusician:FRZCF2400007', isrc: 'FRZCF2400007', title: 'Été indien', artists: ['Zoë Café'], spotifyTrackIds: [], distributorIds: {} },
    ]);
    expect(monthlySums(history)).toEqual({
      'FRZCF2400007 spotify 2024-03': 2292, // "1.234" + "56,0" + "1.002,0" = 1234 + 56 + 1002
      'FRZCF2400007 deezer 2024-03': 310,
      'FRZCF2400007 spotify 2024-04': 980,
    });
  });
});

describe('DistroKid', () => {
  it('reads the layout used until mid-2025 (TSV, CRLF)', () => {
    expect(monthlySums(read('distrokid-v1.tsv'))).toEqual({
      'QZHN52400101 spotify 2024-01': 1820, // 1500 (reported 2024-04) + 320 (reported 2024-05)
      'QZHN52400101 apple 2024-01': 210, // iTunes purchases (7) and the Album row (2) not counted
      'QZHN52400101 amazon 2024-01': 44, // YouTube (ContentID) 900 not counted
      'QZHN52400101 spotify 2024-02': 1200, // 1210 − 10 (a later negative adjustment)
      'QZHN52400102 spotify 2024-02': 100, // 87 SE + 13 NO
      'QZHN52400102 deezer 2024-02': 9,
      'QZHN52400102 youtube 2024-02': 30,
    });
  });

  it('reads the 2025 layout with CR-only line ends and Source Type', () => {
    expect(monthlySums(read('distrokid-v2-cr.tsv'))).toEqual({
      'QZHN52400101 spotify 2024-03': 1000, // 700 US + 300 CA
      'QZHN52400101 apple 2024-03': 55, // iTunes 2 and the Album row not counted
      'QZHN52400102 spotify 2024-03': 140,
    });
  });

  it('reads a zipped windows-1252 CSV of the 2025 layout', () => {
    const history = read('distrokid-v2.zip');
    expect(history.tracks.map((track) => [track.title, track.artists])).toEqual([['Café Nocturne', ['Zoë Café']]]);
    expect(monthlySums(history)).toEqual({
      'QZHN52400155 spotify 2024-05': 650, // 400 FR + 250 BE
      'QZHN52400155 deezer 2024-05': 75,
      'QZHN52400155 spotify 2024-06': 512,
    });
  });
});

describe('TuneCore', () => {
  it('counts Streaming rows, keeps TC Song ID as the distributor id, names ISRC-less tracks by it', () => {
    const history = read('tunecore.csv');
    expect(monthlySums(history)).toEqual({
      'TCAGH2400001 spotify 2024-02': 800, // 640 US + 160 MX
      'TCAGH2400001 apple 2024-02': 90, // iTunes Download (3) not counted
      'tunecore:id-5550102 spotify 2024-02': 75,
      'tunecore:id-5550102 spotify 2024-03': 1050, // "1,050"; YouTube Content ID (2200) not counted
    });
    expect(history.tracks.map((track) => [track.id, track.isrc, track.distributorIds])).toEqual([
      ['tunecore:TCAGH2400001', 'TCAGH2400001', { tunecore: '5550101' }],
      ['tunecore:id-5550102', null, { tunecore: '5550102' }],
    ]);
  });
});

describe('CD Baby', () => {
  it('reads US dates with times and sums per calendar month', () => {
    const history = read('cdbaby.txt');
    expect(monthlySums(history)).toEqual({
      'USCGH2400011 spotify 2023-10': 500, // 420 (10/15) + 80 (10/2)
      'USCGH2400011 apple 2023-10': 12, // iTunes Download (1) not counted
      'USCGH2400011 spotify 2023-11': 333,
      'USCGH2400012 spotify 2023-10': 41,
      'USCGH2400012 spotify 2023-11': 59,
      'USCGH2400012 deezer 2023-11': 7,
    });
    expect(history.tracks.map((track) => track.distributorIds)).toEqual([{ cdbaby: '5067712001' }, { cdbaby: '5067712002' }]);
  });
});

describe('Believe', () => {
  it('reads `;` with decimal commas; UGC is not streams', () => {
    expect(monthlySums(read('believe-semicolon.csv'))).toEqual({
      'FRBLV2400021 spotify 2024-01': 1750, // "1.500" + 250, premium and free alike
      'FRBLV2400021 deezer 2024-01': 98, // "98,0"; iTunes Download (2) not counted
      'FRBLV2400022 spotify 2024-01': 64, // YouTube UGC (3100) not counted
    });
  });

  it('reads `,` with a BOM', () => {
    expect(monthlySums(read('believe-comma-bom.csv'))).toEqual({
      'FRBLV2400021 spotify 2024-02': 1000, // 800 FR + 200 DE
      'FRBLV2400021 amazon 2024-02': 15,
    });
  });
});

describe('Amuse (.xlsx)', () => {
  it('reads date cells and text months from the workbook', () => {
    const history = read('amuse.xlsx');
    expect(monthlySums(history)).toEqual({
      'SEXAM2400031 spotify 2024-01': 1000, // 900 (2024-01-31 date cell) + 100 (2024-01-15)
      'SEXAM2400031 apple 2024-01': 120, // iTunes Download (2) not counted
      'SEXAM2400032 spotify 2024-02': 77, // Royalty Date written as text "2024-02"
      'SEXAM2400032 tidal 2024-02': 5,
    });
    expect(history.tracks.map((track) => [track.title, track.artists])).toEqual([
      ['Velvet Hours', ['Nora Lind']],
      ['Cold Bloom', ['Nora Lind']],
    ]);
  });
});

describe('detection', () => {
  const expected: Record<string, string> = {
    'imusician-sales.csv': 'imusician',
    'imusician-sales-bom-crlf.csv': 'imusician',
    'imusician-sales-1252-semicolon.csv': 'imusician',
    'imusician-sales-broken.csv': 'imusician',
    'distrokid-v1.tsv': 'distrokid',
    'distrokid-v2-cr.tsv': 'distrokid',
    'distrokid-v2.zip': 'distrokid',
    'tunecore.csv': 'tunecore',
    'cdbaby.txt': 'cdbaby',
    'believe-semicolon.csv': 'believe',
    'believe-comma-bom.csv': 'believe',
    'amuse.xlsx': 'amuse',
  };

  it.each(Object.entries(expected))('%s is %s, and only that importer claims it', (name, id) => {
    const bytes = fixture(name);
    expect(detectReportFormat(bytes, name)).toBe(id);
    expect(reportImporters.filter((importer) => importer.detect(bytes, name)).map((importer) => importer.id)).toEqual([id]);
  });

  it.each(['unknown.csv', 'empty.csv'])('%s is no format, and detect does not throw', (name) => {
    expect(detectReportFormat(fixture(name), name)).toBeNull();
    expect(reportImporters.some((importer) => importer.detect(fixture(name), name))).toBe(false);
  });

  it('lists one importer per distributor, ids being the observation sources', () => {
    expect(reportImporters.map((importer) => importer.id).sort()).toEqual(['amuse', 'believe', 'cdbaby', 'distrokid', 'imusician', 'tunecore']);
  });

  it('an importer reads its own format the same way readReport does', () => {
    const importer = reportImporters.find((candidate) => candidate.id === 'cdbaby')!;
    expect(importer.read(fixture('cdbaby.txt'), 'cdbaby.txt', { importedAt: IMPORTED_AT })).toEqual(read('cdbaby.txt'));
  });

  it('detects by headers after normalising them (case, spaces, no-break spaces)', () => {
    const text = '  SALES   DATE ,Shop,Revenue\u00a0EUR,ISRC,Track Title,Transaction Type,Quantity\n2024-01,Spotify,1.00,CHA1B2400001,Night Drive,stream,5\n';
    expect(detectReportFormat(new TextEncoder().encode(text), 'x.csv')).toBe('imusician');
  });

  it('takes DistroKid before iMusician when a file has both signatures (most specific first)', () => {
    const text = 'Sale Month,Earnings (USD),Sales Date,Shop,Revenue EUR\n';
    expect(detectReportFormat(new TextEncoder().encode(text), 'x.csv')).toBe('distrokid');
  });
});
