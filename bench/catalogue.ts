/**
 * Catalogues beyond one artist: a label-sized catalogue (≥ 20 M observations, generated)
 * through DuckDB and docs/sql, beside the core on the largest catalogue it is measured on
 * (2.2 M observations), each in its own process so that each peak memory is its own; and the
 * CLI importing a 2 M-observation history file, with its peak memory (goal: under 1 GB).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIO } from '../cli/node-io';
import { historyFileChunks } from '../core/history/write';
import { historyParquet } from '../cli/parquet';
import { syntheticHistory } from './synthetic-history';
import { round } from './stats';

const root = new URL('../', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');

function child(script: string, args: string[] = []): Record<string, number> {
  const result = spawnSync(tsx, [join(root, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`${script}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** Peak resident memory of a command, from GNU time (`/usr/bin/time -f %M`, kilobytes). */
function peakOf(command: string, args: string[]): { ms: number; peakRssBytes: number; status: number | null } {
  const t0 = performance.now();
  // Its output is not kept: `compare --json` of such a history is about a gigabyte of text.
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  const kilobytes = Number(result.stderr.trim().split('\n').at(-1));
  return { ms, peakRssBytes: kilobytes * 1024, status: result.status };
}

const MB = 1024 * 1024;

export async function benchCatalogue(options: { log?: (line: string) => void; recordings?: number } = {}): Promise<Record<string, number>> {
  const log = options.log ?? (() => {});
  const figures: Record<string, number> = {};

  log('  DuckDB: generating the catalogue, writing Parquet, running docs/sql …');
  const duck = child('bench/catalogue-duckdb.ts', [String(options.recordings ?? 9_200)]);
  figures['catalogue.duckdbObservations'] = duck.observations!;
  figures['catalogue.duckdbRecordings'] = duck.recordings!;
  figures['catalogue.duckdbGenerateMs'] = round(duck.generateMs!, 0);
  figures['catalogue.duckdbParquetMB'] = round(duck.parquetBytes! / MB, 1);
  figures['catalogue.duckdbEligibilityMs'] = round(duck.eligibilityMs!, 0);
  figures['catalogue.duckdbComparisonMs'] = round(duck.comparisonMs!, 0);
  figures['catalogue.duckdbEligibilityRows'] = duck.eligibilityRows!;
  figures['catalogue.duckdbComparisonRows'] = duck.comparisonRows!;
  figures['catalogue.duckdbPeakMB'] = round(duck.peakRssBytes! / MB, 0);

  log('  core: the 2.2 M-observation catalogue in its own process …');
  const core = child('bench/catalogue-core.ts');
  figures['catalogue.coreObservations'] = core.observations!;
  figures['catalogue.coreColumnsMs'] = round(core.columnsMs!, 0);
  figures['catalogue.coreMs'] = round(core.coreMs!, 0);
  figures['catalogue.corePeakMB'] = round(core.peakRssBytes! / MB, 0);

  // The same catalogue through DuckDB: exported as `export --format parquet` writes it, then
  // docs/sql's queries over that file in their own process (time and peak beside the core's).
  log('  DuckDB on the core\'s catalogue (its Parquet export) …');
  const sameFolder = mkdtempSync(join(tmpdir(), 'crosscount-same-'));
  try {
    const file = join(sameFolder, 'catalogue.parquet');
    const t0 = performance.now();
    await nodeIO.writeFile(file, await historyParquet(syntheticHistory().history));
    figures['catalogue.sameExportMs'] = round(performance.now() - t0, 0);
    figures['catalogue.sameParquetMB'] = round(statSync(file).size / MB, 1);
    const same = child('bench/catalogue-duckdb.ts', ['--parquet', file]);
    figures['catalogue.sameDuckdbObservations'] = same.observations!;
    figures['catalogue.sameDuckdbEligibilityMs'] = round(same.eligibilityMs!, 0);
    figures['catalogue.sameDuckdbComparisonMs'] = round(same.comparisonMs!, 0);
    figures['catalogue.sameDuckdbEligibilityRows'] = same.eligibilityRows!;
    figures['catalogue.sameDuckdbComparisonRows'] = same.comparisonRows!;
    figures['catalogue.sameDuckdbPeakMB'] = round(same.peakRssBytes! / MB, 0);
  } finally {
    rmSync(sameFolder, { recursive: true, force: true });
  }

  log('  CLI: import of a 2 M-observation history file …');
  const folder = mkdtempSync(join(tmpdir(), 'crosscount-import-'));
  try {
    const data = syntheticHistory(900);
    const input = join(folder, 'history.json');
    await nodeIO.writeFile(input, historyFileChunks(data.history, new Date('2026-01-01T00:00:00.000Z')));
    figures['cli.importObservations'] = data.history.observations.length;
    figures['cli.importFileMB'] = round(statSync(input).size / MB, 0);
    const imported = peakOf(tsx, [join(root, 'cli/run.ts'), 'import', input, '--out', join(folder, 'out.json')]);
    if (imported.status !== 0) throw new Error('the import failed');
    figures['cli.importMs'] = round(imported.ms, 0);
    figures['cli.importPeakMB'] = round(imported.peakRssBytes / MB, 0);
    const compared = peakOf(tsx, [join(root, 'cli/run.ts'), 'compare', join(folder, 'out.json'), '--as-of', data.asOf, '--json']);
    figures['cli.compareJsonMs'] = round(compared.ms, 0);
    figures['cli.compareJsonPeakMB'] = round(compared.peakRssBytes / MB, 0);
    figures['cli.compareJsonOk'] = compared.status === 0 ? 1 : 0;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}
