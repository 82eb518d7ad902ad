/**
 * Child process of bench/catalogue.ts: a label-sized catalogue (default 9,200 recordings × 3
 * years × 2 sources with revisions, ≈ 20.6 M observations) generated inside DuckDB, written as
 * Parquet in the export's shape, then docs/sql's two queries over it. Prints one JSON line:
 * times, rows, the Parquet size and this process's peak resident memory. A child, so that the
 * peak is DuckDB's alone.
 *
 * `--parquet <file>`: no generation; the queries run over that file (the core's own
 * catalogue as `export --format parquet` writes it, so both engines answer on the same data).
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const given = process.argv[2] === '--parquet' ? process.argv[3] : undefined;
const recordings = given ? 0 : Number(process.argv[2] ?? 9_200);
const days = 3 * 365;
const root = new URL('../', import.meta.url).pathname;

function sqlFile(name: string, params: Record<string, string>): string {
  let text = readFileSync(join(root, 'docs/sql', name), 'utf8');
  for (const [param, literal] of Object.entries(params)) text = text.replace(new RegExp(`(?:DATE|TIMESTAMP) '[^']*' AS ${param}\\b`), `${literal} AS ${param}`);
  return text;
}

/** Same shape as bench/synthetic-history.ts: paces mostly small, a long tail, 85–95 % on the distributor, a dip every 97 days, one distributor day in twenty first read as 0. */
const GENERATE = `
  WITH rec AS (
    SELECT r, 'CHXXX' || lpad(CAST(r AS VARCHAR), 7, '0') AS isrc,
           1 + 3000 * pow((hash(r) % 1000000) / 1e6, 5) AS mean, 0.85 + 0.1 * ((hash(r + 7) % 1000) / 1000.0) AS ratio
    FROM range(${recordings}) t(r)
  ),
  d AS (SELECT i, DATE '2023-01-01' + CAST(i AS INTEGER) AS day FROM range(${days}) t(i)),
  base AS (
    SELECT rec.r, rec.isrc, rec.ratio, d.i, d.day, round(rec.mean * (0.7 + 0.6 * ((hash(rec.r * 7919 + d.i) % 1000) / 1000.0))) AS s
    FROM rec CROSS JOIN d
  )
  SELECT isrc, 'Song ' || r AS title, 'Artist ' || (r // 20) AS artists, 'spotify' AS source, 'spotify' AS store, 'streams' AS metric,
         day, CAST(s AS BIGINT) AS value, CAST(CAST(day + 1 AS TIMESTAMP) + INTERVAL 20 HOUR AS TIMESTAMPTZ) AS observed_at FROM base
  UNION ALL
  SELECT isrc, 'Song ' || r, 'Artist ' || (r // 20), 'imusician', 'spotify', 'streams', day,
         CAST(round(s * ratio * CASE WHEN i % 97 = 13 THEN 0.3 ELSE 1 END) AS BIGINT), CAST(CAST(day + 5 AS TIMESTAMP) + INTERVAL 8 HOUR AS TIMESTAMPTZ) FROM base
  UNION ALL
  SELECT isrc, 'Song ' || r, 'Artist ' || (r // 20), 'imusician', 'spotify', 'streams', day, 0, CAST(CAST(day + 2 AS TIMESTAMP) + INTERVAL 8 HOUR AS TIMESTAMPTZ)
  FROM base WHERE (r + i) % 20 = 0`;

const folder = await mkdtemp(join(tmpdir(), 'crosscount-catalogue-'));
try {
  const parquet = given ?? join(folder, 'catalogue.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let t0 = performance.now();
  // Straight into the Parquet file: the catalogue is never a table in memory.
  if (!given) await connection.run(`COPY (${GENERATE}) TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`);
  const generateMs = given ? 0 : performance.now() - t0;
  const counted = (await connection.runAndReadAll(`SELECT COUNT(*) AS n FROM read_parquet('${parquet}')`)).getRowObjectsJS() as Array<{ n: bigint }>;
  const n = counted[0]!.n;
  await connection.run(`CREATE VIEW history AS SELECT * FROM read_parquet('${parquet}')`);
  t0 = performance.now();
  const eligibility = await connection.runAndReadAll(sqlFile('monthly-eligibility.sql', { as_of_day: "DATE '2026-01-01'" }));
  const eligibilityMs = performance.now() - t0;
  t0 = performance.now();
  const comparison = await connection.runAndReadAll(sqlFile('monthly-comparison.sql', { as_of: "TIMESTAMP '2026-01-06 12:00:00'" }));
  const comparisonMs = performance.now() - t0;
  connection.closeSync();
  instance.closeSync();
  process.stdout.write(
    JSON.stringify({
      observations: Number(n),
      recordings,
      generateMs,
      parquetBytes: statSync(parquet).size,
      eligibilityMs,
      eligibilityRows: eligibility.currentRowCount,
      comparisonMs,
      comparisonRows: comparison.currentRowCount,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    }) + '\n',
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
