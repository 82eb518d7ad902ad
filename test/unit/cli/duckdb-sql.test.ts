/**
 * The DuckDB queries of docs/sql/ over a real `export --format parquet` of a history give the
 * same months, sums and eligibility as the core (`eligibility`, `compare`, `compareMonths`).
 * Small data: three recordings over four months, two tracks sharing an ISRC, revised days, an
 * all-stores view, a monthly sales report and a track without an ISRC (left out by the SQL).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { compare, compareMonths } from '../../../core/compare/index';
import { eligibility } from '../../../core/eligibility/index';
import { readHistoryBytes } from '../../../core/history/formats';
import { writeHistoryFile } from '../../../core/history/write';
import { lastDayOfMonth, monthOf } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { Observation } from '../../../core/model/schema';
import { syntheticHistory } from '../compare/synthetic';
import { memoryIO } from './memory-io';

const ROOT = new URL('../../../', import.meta.url).pathname;
const sql = (name: string) => readFileSync(join(ROOT, 'docs/sql', name), 'utf8');

function catalogue(): History {
  const base = syntheticHistory(
    [
      { id: 't-single', isrc: 'CHXXX2500001', title: 'Harbour Lights', start: '2025-02-10', days: 110, mean: 14, distributors: [{ ratio: 0.9, risesFromZero: [3, 40, 77], gaps: [12] }] },
      { id: 't-album', isrc: 'CHXXX2500001', title: 'Harbour Lights (Album Version)', start: '2025-03-20', days: 72, mean: 6, distributors: [{ ratio: 0.88 }] },
      { id: 't-wide', isrc: 'CHXXX2500002', title: 'Paper, "Boats"', start: '2025-01-05', days: 150, mean: 40, spotifyGaps: [30, 31], distributors: [{ ratio: 1.3, store: 'all' }] },
      { id: 't-unknown', isrc: null, title: 'Late Train', start: '2025-02-01', days: 60, mean: 3 },
    ],
    7,
  );
  // A monthly sales report for the second recording, one month revised by a later import.
  const report: Observation[] = ['2025-02', '2025-03', '2025-04'].map((month, index) => ({
    track: 't-wide',
    source: 'distrokid',
    store: 'spotify',
    metric: 'streams_month',
    day: lastDayOfMonth(month),
    value: 1_000 + index * 111,
    observedAt: '2025-06-01T10:00:00.000Z',
  }));
  report.push({ ...report[1]!, value: 1_234, observedAt: '2025-06-20T10:00:00.000Z' });
  return { tracks: base.tracks, observations: [...base.observations, ...report] };
}

let connection: DuckDBConnection;
let instance: DuckDBInstance;
let history: History;

async function rows(query: string): Promise<Array<Record<string, unknown>>> {
  return (await connection.runAndReadAll(query)).getRowObjectsJS() as Array<Record<string, unknown>>;
}

/** A docs/sql query with its params set. */
function withParams(text: string, params: Record<string, string>): string {
  let out = text;
  for (const [name, literal] of Object.entries(params)) {
    const pattern = new RegExp(`(?:DATE|TIMESTAMP) '[^']*' AS ${name}\\b`);
    expect(out).toMatch(pattern);
    out = out.replace(pattern, `${literal} AS ${name}`);
  }
  return out;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscount-duckdb-'));
  const run = memoryIO({ 'history.json': writeHistoryFile(catalogue(), new Date('2025-07-01T00:00:00.000Z')) });
  expect(await main(['export', 'history.json', '--format', 'parquet', '--out', 'history.parquet'], run.io)).toBe(0);
  expect(run.stderr()).toBe('');
  const parquet = join(dir, 'history.parquet');
  writeFileSync(parquet, run.bytes('history.parquet'));
  history = readHistoryBytes(run.bytes('history.json'));
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE VIEW history AS SELECT * FROM read_parquet('${parquet}')`);
}, 60_000);

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

describe('export --format parquet', () => {
  it('has the CSV export’s columns, day as a DATE and observed_at as a UTC timestamp, one row per observation', async () => {
    const columns = await rows('DESCRIBE history');
    expect(columns.map((column) => [column.column_name, column.column_type])).toEqual([
      ['isrc', 'VARCHAR'],
      ['title', 'VARCHAR'],
      ['artists', 'VARCHAR'],
      ['source', 'VARCHAR'],
      ['store', 'VARCHAR'],
      ['metric', 'VARCHAR'],
      ['day', 'DATE'],
      ['value', 'BIGINT'],
      ['observed_at', 'TIMESTAMP WITH TIME ZONE'],
    ]);
    const [counts] = await rows("SELECT COUNT(*) AS n, COUNT(isrc) AS with_isrc, MIN(epoch_ms(observed_at)) AS first_read FROM history");
    expect(Number(counts!.n)).toBe(history.observations.length);
    expect(Number(counts!.with_isrc)).toBe(history.observations.filter((obs) => obs.track !== 't-unknown').length);
    expect(Number(counts!.first_read)).toBe(Date.parse(history.observations.map((obs) => obs.observedAt).sort()[0]!));
    const [quoted] = await rows("SELECT DISTINCT title, artists FROM history WHERE isrc = 'CHXXX2500002'");
    expect(quoted).toEqual({ title: 'Paper, "Boats"', artists: 'The Synthetics' });
  });
});

describe('docs/sql on DuckDB', () => {
  it('monthly-eligibility.sql: the same months, sums and eligibility as the core', async () => {
    for (const asOfDay of ['2025-04-15', '2025-06-30']) {
      const fromSql = await rows(withParams(sql('monthly-eligibility.sql'), { as_of_day: `DATE '${asOfDay}'` }));
      const fromCore = eligibility(history, { asOfDay })
        .tracks.filter((track) => track.isrc !== null)
        .flatMap((track) => track.months.map((month) => ({ isrc: track.isrc, month: month.month, streams: month.streams, trailing_12m: month.trailing12m, eligible: month.eligible })));
      expect(fromSql.map((row) => ({ ...row, streams: Number(row.streams), trailing_12m: Number(row.trailing_12m) }))).toEqual(fromCore);
      expect(fromCore.some((month) => month.eligible)).toBe(true);
      expect(fromCore.some((month) => !month.eligible)).toBe(true);
    }
  });

  it('monthly-comparison.sql: the same monthly sums as the core’s day rows and report months, as of any time', async () => {
    for (const asOf of ['2025-04-20T12:00:00.000Z', '2025-07-01T00:00:00.000Z']) {
      const fromSql = await rows(withParams(sql('monthly-comparison.sql'), { as_of: `TIMESTAMP '${asOf.slice(0, 10)} ${asOf.slice(11, 23)}'` }));
      const isrcOf = new Map(history.tracks.map((track) => [track.id, track.isrc]));
      // Daily figures: the core's day rows (values as of asOf) summed per ISRC, month and source.
      const daily = new Map<string, { isrc: string; month: string; source: string; distributor: number }>();
      for (const track of compare(history, { asOf }).tracks) {
        if (!track.isrc) continue;
        for (const row of track.days) {
          if (row.distributor === null) continue;
          const key = `${track.isrc}|${monthOf(row.day)}|${row.distributorSource}`;
          const entry = daily.get(key) ?? { isrc: track.isrc, month: monthOf(row.day), source: row.distributorSource, distributor: 0 };
          entry.distributor += row.distributor;
          daily.set(key, entry);
        }
      }
      const sqlDaily = fromSql.filter((row) => row.kind === 'daily');
      expect(sqlDaily.map((row) => `${row.isrc}|${row.month}|${row.source}`).sort()).toEqual([...daily.keys()].sort());
      for (const row of sqlDaily) expect(Number(row.distributor_streams)).toBe(daily.get(`${row.isrc}|${row.month}|${row.source}`)!.distributor);
      // S4A's monthly sums and days: the core's monthly view; report months: its distributor figure.
      const months = compareMonths(history, { asOf });
      const reportRows = fromSql.filter((row) => row.kind === 'report');
      const coreReports = months.tracks.flatMap((track) =>
        track.months.filter((month) => month.distributor !== null).map((month) => ({ isrc: isrcOf.get(track.track), month: month.month, source: month.distributorSource, spotify: month.spotify, days: month.spotifyDays, distributor: month.distributor })),
      );
      expect(
        reportRows.map((row) => ({ isrc: row.isrc, month: row.month, source: row.source, spotify: row.spotify_streams === null ? null : Number(row.spotify_streams), days: Number(row.spotify_days), distributor: Number(row.distributor_streams) })),
      ).toEqual(coreReports);
      expect(sqlDaily.some((row) => row.store === 'all')).toBe(true);
    }
  });
});
