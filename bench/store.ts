/**
 * Store speed in real Chromium: 1 M observations written through the project's store
 * (`importHistory`), through raw IndexedDB (one transaction per batch) and through Dexie's
 * `bulkPut`, the same data in the same run, each into its own fresh database; then one
 * track's full history read back (2,190 observations) through `getTrackObservations` and the
 * two references. The page is a bench-only bundle (bench/browser/store-page.ts) served at a
 * made-up https origin by a Playwright route, so IndexedDB is Chromium's own, on disk.
 */
import type { Page } from '@playwright/test';
import { bundlePageScript } from './browser/bundle';
import { launchBenchChromium } from './browser/chromium';
import type { IngestFigures, ReadFigures } from './browser/store-page';
import { round } from './stats';

const ORIGIN = 'https://bench.crosscount.invalid';
/** 457 tracks × 1,095 days × 2 sources = 1,000,830 observations, in batches of 46 tracks (≈ 100 k). */
const TRACKS = 457;
const DAYS = 1_095;
const TRACKS_PER_BATCH = 46;
const READS = 41;

type Bench = {
  prepare(tracks: number, days: number, perBatch: number): number;
  store(reads: number): Promise<{ ingest: IngestFigures; read: ReadFigures; added: number }>;
  raw(reads: number): Promise<{ ingest: IngestFigures; read: ReadFigures }>;
  dexie(reads: number): Promise<{ ingest: IngestFigures; read: ReadFigures; version: string }>;
};

async function openBenchPage(page: Page, script: string): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/store-bench.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>store bench</title><script src="/store-bench.js"></script>' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'crosscountBench' in globalThis);
}

export async function benchStore(options: { log?: (line: string) => void; tracks?: number } = {}): Promise<{ figures: Record<string, number | string>; chromium: string }> {
  const log = options.log ?? (() => {});
  const script = await bundlePageScript('store-page.ts');
  const browser = await launchBenchChromium();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await openBenchPage(page, script);
    const observations = await page.evaluate(([t, d, b]) => (globalThis as unknown as { crosscountBench: Bench }).crosscountBench.prepare(t, d, b), [options.tracks ?? TRACKS, DAYS, TRACKS_PER_BATCH] as const);
    log(`  ${observations.toLocaleString('en')} observations prepared in the page`);
    // The references first, the store last: the same warm browser for the one that matters.
    const raw = await page.evaluate((reads) => (globalThis as unknown as { crosscountBench: Bench }).crosscountBench.raw(reads), READS);
    log(`  raw IndexedDB: ${raw.ingest.perSecond.toLocaleString('en')} obs/s, read ${raw.read.medianMs} ms`);
    const dexie = await page.evaluate((reads) => (globalThis as unknown as { crosscountBench: Bench }).crosscountBench.dexie(reads), READS);
    log(`  Dexie ${dexie.version}: ${dexie.ingest.perSecond.toLocaleString('en')} obs/s, read ${dexie.read.medianMs} ms`);
    const store = await page.evaluate((reads) => (globalThis as unknown as { crosscountBench: Bench }).crosscountBench.store(reads), READS);
    log(`  store: ${store.ingest.perSecond.toLocaleString('en')} obs/s, read ${store.read.medianMs} ms`);
    if (store.added !== observations) throw new Error(`the store added ${store.added} of ${observations} observations`);
    return {
      chromium: browser.version,
      figures: {
        'store.observations': observations,
        'store.batches': store.ingest.batches,
        'store.ingestMs': store.ingest.ms,
        'store.ingestPerSecond': store.ingest.perSecond,
        'store.rawIngestMs': raw.ingest.ms,
        'store.rawIngestPerSecond': raw.ingest.perSecond,
        'store.dexieIngestMs': dexie.ingest.ms,
        'store.dexieIngestPerSecond': dexie.ingest.perSecond,
        'store.dexieVersion': dexie.version,
        'store.ratioToRaw': round(store.ingest.perSecond / raw.ingest.perSecond, 2),
        'store.ratioToDexie': round(store.ingest.perSecond / dexie.ingest.perSecond, 2),
        'store.trackObservations': store.read.observationsPerTrack,
        'store.trackReadMedianMs': store.read.medianMs,
        'store.trackReadP95Ms': store.read.p95Ms,
        'store.rawTrackReadMedianMs': raw.read.medianMs,
        'store.dexieTrackReadMedianMs': dexie.read.medianMs,
        'store.readRatioToRaw': round(store.read.medianMs / raw.read.medianMs, 2),
      },
    };
  } finally {
    await browser.close();
  }
}
