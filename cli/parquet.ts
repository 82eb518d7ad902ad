/**
 * `export --format parquet` (docs/contracts.md §4 in docs/contracts.md): one row per observation with
 * the CSV export's columns, `day` a DATE and `observed_at` a TIMESTAMP in UTC (Parquet's
 * TIMESTAMP, microseconds, isAdjustedToUTC: DuckDB reads it as TIMESTAMP WITH TIME ZONE,
 * Spark as TIMESTAMP), for DuckDB, Spark and other engines. Written by DuckDB
 * itself (@duckdb/node-api, loaded only by this command).
 *
 * The observations go to DuckDB as a temporary CSV file streamed chunk by chunk (DuckDB reads
 * a CSV far faster than values can be appended one by one from JavaScript), the tracks as a
 * second small one; one `COPY … TO … (FORMAT parquet)` joins them in the normalised history's
 * order. Text is written as it is: the CSV export's spreadsheet-formula guard is for
 * spreadsheets, and a Parquet reader never runs a cell.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createExclusive } from './safe-write';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { History } from '../core/model/history';
import { normaliseHistory } from '../core/history/merge';

const ROWS_PER_WRITE = 8192;

/** An RFC 4180 field, always quoted (so an empty text stays a text; no formula guard: see above). */
function field(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** "2025-04-01T08:00:00.000Z" → "2025-04-01 08:00:00.000" (UTC, as DuckDB reads a timestamp). */
function utcTimestamp(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 23)}`;
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  // The folder is mkdtemp's (random name, mode 0700); its files are still created exclusively.
  const file = await createExclusive(path);
  try {
    let batch: string[] = [];
    for (const line of lines) {
      batch.push(line);
      if (batch.length >= ROWS_PER_WRITE) {
        await file.write(batch.join('\n') + '\n');
        batch = [];
      }
    }
    if (batch.length > 0) await file.write(batch.join('\n') + '\n');
  } finally {
    await file.close();
  }
}

/** The Parquet export of `history`, as the bytes of the file. */
export async function historyParquet(history: History): Promise<Uint8Array> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { tracks, observations } = normaliseHistory(history);
  const folder = await mkdtemp(join(tmpdir(), 'crosscount-parquet-'));
  try {
    const trackIndex = new Map(tracks.map((track, index) => [track.id, index]));
    const tracksCsv = join(folder, 'tracks.csv');
    const observationsCsv = join(folder, 'observations.csv');
    const parquet = join(folder, 'history.parquet');
    await writeLines(tracksCsv, [
      'track,isrc,title,artists',
      ...tracks.map((track, index) => `${index},${track.isrc ?? ''},${field(track.title)},${field(track.artists.join('; '))}`),
    ]);
    await writeLines(
      observationsCsv,
      (function* () {
        yield 'row,track,source,store,metric,day,value,observed_at';
        for (let i = 0; i < observations.length; i++) {
          const obs = observations[i]!;
          yield `${i},${trackIndex.get(obs.track)},${obs.source},${obs.store},${obs.metric},${obs.day},${obs.value},${utcTimestamp(obs.observedAt)}`;
        }
      })(),
    );
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const csv = (path: string, columns: Record<string, string>) =>
        `read_csv(${sqlText(path)}, header = true, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${Object.entries(columns)
          .map(([name, type]) => `${sqlText(name)}: ${sqlText(type)}`)
          .join(', ')}})`;
      await connection.run(`
        COPY (
          SELECT NULLIF(t.isrc, '') AS isrc, t.title, t.artists, o.source, o.store, o.metric, o.day, o.value,
                 CAST(o.observed_at AS TIMESTAMPTZ) AS observed_at
          FROM ${csv(observationsCsv, { row: 'BIGINT', track: 'INTEGER', source: 'VARCHAR', store: 'VARCHAR', metric: 'VARCHAR', day: 'DATE', value: 'BIGINT', observed_at: 'TIMESTAMP' })} AS o
          JOIN ${csv(tracksCsv, { track: 'INTEGER', isrc: 'VARCHAR', title: 'VARCHAR', artists: 'VARCHAR' })} AS t ON o.track = t.track
          ORDER BY o.row
        ) TO ${sqlText(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    return new Uint8Array(await readFile(parquet));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A SQL string literal. */
function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
