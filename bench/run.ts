/**
 * `npm run bench`: every performance figure of issue 8 in one run on this machine, each beside
 * its reference (ratios computed within the run: absolute times on a shared machine are
 * noisy), checked against the goals of bench/budgets.ts. `npm run bench -- --json` prints one
 * JSON object of named figures instead (progress goes to stderr).
 *
 * Options: --json; --only=bundle,core,catalogue,store,page,popup (a subset); --quick (the label
 * catalogue through DuckDB with 920 recordings instead of 9,200, and the store with
 * 100 k observations instead of 1 M); --no-build (measure bench-output/wxt as it is).
 * Benchmarks never run in `npm test`; only the bundle budget is a CI check there.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { BUDGETS } from './budgets';
import { BENCH_EXTENSION, benchBundles, buildForBench } from './bundle';
import { benchCatalogue } from './catalogue';
import { benchCore } from './core';
import { benchPageCost } from './page-cost';
import { benchPopup } from './popup';
import { benchStore } from './store';

type Figures = Record<string, number | string | boolean>;
const SECTIONS = ['bundle', 'core', 'catalogue', 'store', 'page', 'popup'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' }, quick: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } },
  allowPositionals: false,
});
const only = new Set((values.only?.split(',').map((name) => name.trim()) ?? SECTIONS) as Section[]);
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`--only: unknown section ${name} (known: ${SECTIONS.join(', ')})`);

/** Progress and the report: stdout normally, stderr with --json (stdout is the JSON). */
const say = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);
const figures: Figures = {};
const started = performance.now();

figures['machine.cpus'] = cpus().length;
figures['machine.cpuModel'] = cpus()[0]?.model.trim() ?? 'unknown';
figures['machine.node'] = process.version;
figures['machine.loadAverageAtStart'] = Math.round(loadavg()[0]! * 100) / 100;

interface Goal {
  name: string;
  figure: string;
  goal: string;
  met: boolean;
  /** How far off, in words, when missed. */
  by: string;
}
const goals: Goal[] = [];

function atMost(name: string, figure: string, limit: number, unit: string): void {
  const value = figures[figure];
  if (typeof value !== 'number' || Number.isNaN(value)) return;
  const met = value <= limit;
  const times = limit > 0 ? `${Math.round((value / limit) * 100) / 100}× the goal, ` : '';
  goals.push({ name, figure, goal: `≤ ${limit} ${unit}`, met, by: met ? '' : `${value} ${unit}: ${times}+${Math.round((value - limit) * 100) / 100} ${unit}` });
}
function atLeast(name: string, figure: string, limit: number, unit: string): void {
  const value = figures[figure];
  if (typeof value !== 'number' || Number.isNaN(value)) return;
  const met = value >= limit;
  goals.push({ name, figure, goal: `≥ ${limit} ${unit}`, met, by: met ? '' : `${value} ${unit}: ${Math.round((value / limit) * 100)} % of the goal` });
}

function table(rows: Array<[string, string, string?]>): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value, note] of rows) say(`  ${label.padEnd(width)}  ${value}${note ? `   ${note}` : ''}`);
}
const n = (key: string, digits?: number) => {
  const value = figures[key];
  if (typeof value !== 'number') return String(value);
  return digits === undefined ? value.toLocaleString('en') : value.toFixed(digits);
};

async function run(): Promise<void> {
  if (only.has('bundle') || only.has('page') || only.has('popup')) {
    if (!values['no-build']) {
      say('Building the extension (Chrome) into bench-output/wxt …');
      buildForBench();
    }
  }

  if (only.has('bundle')) {
    say('\nBundle sizes (minified as built, gzip level 9; budget per content script: ' + BUDGETS.contentScriptGzipBytes / 1000 + ' kB)');
    const { figures: sizes, shares } = await benchBundles();
    Object.assign(figures, sizes);
    const names = Object.keys(sizes).filter((key) => key.endsWith('.gzipBytes') && key !== 'bundle.preactGzipBytes').map((key) => key.slice('bundle.'.length, -'.gzipBytes'.length));
    table([
      ['preact (h, render, jsx runtime)', `${(Number(sizes['bundle.preactGzipBytes']) / 1000).toFixed(1)} kB gz`, '(the reference)'],
      ...names.map((name): [string, string, string] => [
        name,
        `${(Number(sizes[`bundle.${name}.gzipBytes`]) / 1000).toFixed(1)} kB gz (${(Number(sizes[`bundle.${name}.bytes`]) / 1000).toFixed(1)} kB min)`,
        `${sizes[`bundle.${name}.ratioToPreact`]}× preact${sizes[`bundle.${name}.withinBudget`] === false ? '  OVER BUDGET' : ''}`,
      ]),
    ]);
    for (const [bundle, list] of shares) {
      if (!/\/(spotify|imusician)\.js$/.test(bundle)) continue;
      say(`  ${bundle} weighs: ${list.slice(0, 6).map(({ module, share }) => `${module} ${Math.round(share * 100)} %`).join(', ')}`);
    }
    for (const name of names) {
      if (sizes[`bundle.${name}.withinBudget`] !== undefined) atMost(`content script ${name}`, `bundle.${name}.gzipBytes`, BUDGETS.contentScriptGzipBytes, 'B gz');
    }
  }

  if (only.has('core')) {
    say('\nCore: compare + eligibility, 1,000 ISRCs × 3 years × 2 sources with revisions');
    Object.assign(figures, await benchCore({ log: say }));
    table([
      ['observations', n('core.observations')],
      ['columns from the observations', `${n('core.columnsMs')} ms`, '(once per data version)'],
      ['compare (columns)', `${n('core.compareMs')} ms`],
      ['eligibility (columns)', `${n('core.eligibilityMs')} ms`],
      ['compare + eligibility', `${n('core.totalMs')} ms`, `(process CPU ${n('core.totalCpuMs')} ms)`],
      ['floor (typed-array pass)', `${n('core.floorMs')} ms`, `(the reference; per-pass median of ${n('core.floorPasses')} passes)`],
      ['ratio to the floor', `${n('core.ratioToFloor')}×`, '(median of the per-run ratios)'],
      ['every day row built', `${n('core.allRowsMs')} ms`, `(${n('core.comparedDays')} rows, what compare --json streams)`],
      ['row-by-row core (v1)', `${n('core.v1TotalMs')} ms`, `(${n('core.v1RatioToFloor')}× the floor; columnar is ${n('core.speedupOverV1')}× faster)`],
    ]);
    atMost('core: compare + eligibility', 'core.totalMs', BUDGETS.coreMs, 'ms');
    atMost('core: ratio to the floor', 'core.ratioToFloor', BUDGETS.coreRatioToFloor, '×');
    atMost('core: ratio to the floor (moonshot)', 'core.ratioToFloor', BUDGETS.coreRatioToFloorMoonshot, '×');
  }

  if (only.has('catalogue')) {
    say('\nCatalogues: a label-sized catalogue through DuckDB beside the core; the CLI on a 2 M-observation history');
    Object.assign(figures, await benchCatalogue({ log: say, recordings: values.quick ? 920 : undefined }));
    table([
      ['DuckDB: catalogue', `${n('catalogue.duckdbObservations')} observations`, `${n('catalogue.duckdbRecordings')} recordings; generated and written as Parquet (${n('catalogue.duckdbParquetMB')} MB) in ${n('catalogue.duckdbGenerateMs')} ms`],
      ['DuckDB: monthly-eligibility.sql', `${n('catalogue.duckdbEligibilityMs')} ms`, `${n('catalogue.duckdbEligibilityRows')} rows`],
      ['DuckDB: monthly-comparison.sql', `${n('catalogue.duckdbComparisonMs')} ms`, `${n('catalogue.duckdbComparisonRows')} rows`],
      ['DuckDB: peak memory', `${n('catalogue.duckdbPeakMB')} MB`, '(its own process: generation, Parquet and both queries)'],
      ['core: catalogue', `${n('catalogue.coreObservations')} observations`, `columns ${n('catalogue.coreColumnsMs')} ms, compare + eligibility ${n('catalogue.coreMs')} ms (one cold run)`],
      ['core: peak memory', `${n('catalogue.corePeakMB')} MB`, '(its own process, the observations as objects included)'],
    ]);
    say('\nThe same catalogue, the core beside DuckDB (docs/sql over its `export --format parquet`, each in its own process)');
    table([
      ['catalogue', `${n('catalogue.coreObservations')} observations (core)`, `${n('catalogue.sameDuckdbObservations')} rows in the Parquet file (${n('catalogue.sameParquetMB')} MB, exported in ${n('catalogue.sameExportMs')} ms)`],
      ['monthly eligibility', `core: columns ${n('catalogue.coreColumnsMs')} ms + compare + eligibility ${n('catalogue.coreMs')} ms`, `DuckDB monthly-eligibility.sql: ${n('catalogue.sameDuckdbEligibilityMs')} ms (${n('catalogue.sameDuckdbEligibilityRows')} rows)`],
      ['monthly comparison', '(inside the core figure above)', `DuckDB monthly-comparison.sql: ${n('catalogue.sameDuckdbComparisonMs')} ms (${n('catalogue.sameDuckdbComparisonRows')} rows)`],
      ['peak memory', `core: ${n('catalogue.corePeakMB')} MB`, `DuckDB: ${n('catalogue.sameDuckdbPeakMB')} MB`],
    ]);
    table([
      ['CLI import', `${n('cli.importObservations')} observations`, `${n('cli.importFileMB')} MB file, ${n('cli.importMs')} ms, peak ${n('cli.importPeakMB')} MB`],
      ['CLI compare --json', `${n('cli.compareJsonMs')} ms`, `peak ${n('cli.compareJsonPeakMB')} MB, ${figures['cli.compareJsonOk'] === 1 ? 'printed' : 'FAILED'}`],
    ]);
    atMost('CLI import of 2 M observations: peak memory', 'cli.importPeakMB', BUDGETS.cliImportPeakMB, 'MB');
  }

  if (only.has('store')) {
    say(`\nStore in Chromium: ${values.quick ? '100 k' : '1 M'} observations, the store vs raw IndexedDB vs Dexie bulkPut`);
    const store = await benchStore({ log: say, tracks: values.quick ? 46 : undefined });
    figures['machine.chromium'] = store.chromium;
    Object.assign(figures, store.figures);
    table([
      ['store (importHistory)', `${n('store.ingestPerSecond')} obs/s`, `${n('store.ingestMs')} ms`],
      ['raw IndexedDB (tx per batch)', `${n('store.rawIngestPerSecond')} obs/s`, `${n('store.rawIngestMs')} ms (reference)`],
      [`Dexie ${figures['store.dexieVersion']} bulkPut`, `${n('store.dexieIngestPerSecond')} obs/s`, `${n('store.dexieIngestMs')} ms (reference)`],
      ['store / raw, store / Dexie', `${n('store.ratioToRaw')}×, ${n('store.ratioToDexie')}×`],
      [`one track's history (${n('store.trackObservations')} obs)`, `${n('store.trackReadMedianMs')} ms median`, `p95 ${n('store.trackReadP95Ms')} ms; raw ${n('store.rawTrackReadMedianMs')} ms, Dexie ${n('store.dexieTrackReadMedianMs')} ms`],
    ]);
    atLeast('store: ingest rate', 'store.ingestPerSecond', BUDGETS.ingestPerSecond, 'obs/s');
    atLeast('store: ingest rate vs Dexie', 'store.ratioToDexie', 1, '× Dexie');
    atMost("store: one track's history", 'store.trackReadMedianMs', BUDGETS.trackReadMedianMs, 'ms');
  }

  if (only.has('page')) {
    say('\nPage cost: S4A song page with 1,000 rows, 10 in-app navigations, without and with the extension');
    // A failed page run is reported and the other sections still run.
    Object.assign(
      figures,
      await benchPageCost({ extensionDir: BENCH_EXTENSION, log: say }).catch((error: unknown) => {
        say(`  page cost FAILED: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        return { 'page.status': 'failed' };
      }),
    );
    table([
      ['overlay update (render + layout)', `${n('page.overlayUpdateMedianMs')} ms median`, `p95 ${n('page.overlayUpdateP95Ms')} ms, max ${n('page.overlayUpdateMaxMs')} ms, first mount ${n('page.overlayMountMs')} ms`],
      ['long tasks without the extension', `${n('page.baselineLongTasks')}`, `${n('page.baselineLongTasksMs')} ms in all (the reference)`],
      ['long tasks with the extension', `${n('page.extensionLongTasks')}`, `${n('page.extensionLongTasksMs')} ms in all; added: ${n('page.addedLongTasks')}`],
      ["extension's scripts on the page", `${n('page.extensionScriptMs')} ms`, `${n('page.extensionScriptMsPerNavigation')} ms per page view, longest unbroken ${n('page.extensionLongestScriptMs')} ms`],
    ]);
    atMost('page: overlay update', 'page.overlayUpdateMedianMs', BUDGETS.overlayUpdateMs, 'ms');
    atMost('page: long tasks added by the extension', 'page.addedLongTasks', BUDGETS.extensionLongTasks, 'long tasks');
    atMost("page: extension's longest unbroken stretch", 'page.extensionLongestScriptMs', 50, 'ms');
  }

  if (only.has('popup')) {
    say('\nPopup with 1,000 recordings');
    Object.assign(figures, await benchPopup({ extensionDir: BENCH_EXTENSION, log: say }));
    if (figures['popup.status'] === undefined) {
      table([
        ['first paint (first open, right after the bulk import)', `${n('popup.firstPaintMs')} ms`, `list rendered at ${n('popup.bulkImportListRenderedMs')} ms`],
        [`list after new data for ${n('popup.newDataRecordings')} recordings`, `opened at once: ${n('popup.listRenderedMs')} ms`, `a second later: ${n('popup.aheadListRenderedMs')} ms`],
        ['first paint (again)', `${n('popup.warmFirstPaintMs')} ms`, `list rendered at ${n('popup.warmListRenderedMs')} ms, ${n('popup.rowsInDom')} rows in the DOM`],
      ]);
      atMost('popup: first paint', 'popup.firstPaintMs', BUDGETS.popupFirstPaintMs, 'ms');
      atMost('popup: first paint (again)', 'popup.warmFirstPaintMs', BUDGETS.popupFirstPaintMs, 'ms');
      atMost('popup: list of 1,000 recordings after new data', 'popup.listRenderedMs', BUDGETS.popupListMs, 'ms');
    }
  }

  figures['machine.loadAverageAtEnd'] = Math.round(loadavg()[0]! * 100) / 100;
  figures['bench.seconds'] = Math.round((performance.now() - started) / 100) / 10;
  for (const goal of goals) {
    figures[`goal.${goal.name}`] = goal.met;
  }

  say(`\nGoals (${goals.filter((goal) => goal.met).length} of ${goals.length} met)`);
  for (const goal of goals) say(`  ${goal.met ? 'met   ' : 'MISSED'} ${goal.name} (${goal.goal})${goal.met ? '' : `: ${goal.by}`}`);
  say(
    `\nMachine: ${figures['machine.cpus']} × ${figures['machine.cpuModel']}, Node ${figures['machine.node']}${figures['machine.chromium'] ? `, Chromium ${figures['machine.chromium']}` : ''}; load average ${figures['machine.loadAverageAtStart']} at the start, ${figures['machine.loadAverageAtEnd']} at the end; ${figures['bench.seconds']} s.`,
  );
  if (values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
