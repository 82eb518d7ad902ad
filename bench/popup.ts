/**
 * The popup with 1,000 recordings: the built extension, its store seeded with the synthetic
 * catalogue (1,000 ISRCs × 60 days × 2 sources) through `ui:importHistory`, then popup.html
 * opened as a page: the first open right after the bulk import (every recording is new:
 * the background computes the overview from the whole history), a second, warm one, and then
 * the open that matters day to day: right after new data for a few recordings (a small history
 * file of one more day for 5 of them, as a visit of the dashboards brings), once at once (the
 * popup asks while the background has not started: it waits for the incremental update) and
 * once a second later (computed ahead). Read in the page: first paint and first
 * contentful paint (`performance.getEntriesByType('paint')`) and the time until the first row
 * of the recordings list is in the DOM (a MutationObserver installed before the popup's
 * scripts run).
 */
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBenchChromium } from './browser/chromium';
import { seedExtension } from './browser/seed';
import { syntheticHistory } from './synthetic-history';
import { addDays } from '../core/model/day';
import type { History } from '../core/model/history';
import { round } from './stats';

const RECORDINGS = 1_000;
const DAYS = 60;
/** Recordings the new data touches. */
const TOUCHED = 5;

/** One more day, from both sources, for the first `count` recordings; `serial` makes each batch new. */
function newDay(history: History, count: number, serial: number): History {
  const last = history.observations.reduce((max, obs) => (obs.day > max ? obs.day : max), '');
  const day = addDays(last, serial);
  const observedAt = `${addDays(day, 1)}T09:00:00.000Z`;
  const tracks = history.tracks.slice(0, count);
  return {
    tracks,
    observations: tracks.flatMap((track, i) => [
      { track: track.id, source: 'spotify', store: 'spotify', metric: 'streams' as const, day, value: 40 + i, observedAt },
      { track: track.id, source: 'imusician', store: 'spotify', metric: 'streams' as const, day, value: 36 + i, observedAt },
    ]),
  };
}

interface PopupOpen {
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  listMs: number;
  rows: number;
}

async function openPopup(page: Page, extensionId: string): Promise<PopupOpen> {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.getByTestId('recording').first().waitFor({ timeout: 60_000 });
  // No named helpers inside: tsx would wrap them in a __name() the page does not have.
  return page.evaluate(() => {
    const paints = performance.getEntriesByType('paint');
    return {
      firstPaintMs: paints.find((entry) => entry.name === 'first-paint')?.startTime ?? Number.NaN,
      firstContentfulPaintMs: paints.find((entry) => entry.name === 'first-contentful-paint')?.startTime ?? Number.NaN,
      listMs: (globalThis as unknown as { benchListAt?: number }).benchListAt ?? Number.NaN,
      rows: document.querySelectorAll('[data-testid="recording"]').length,
    };
  });
}

export async function benchPopup(options: { extensionDir: string; log?: (line: string) => void }): Promise<Record<string, number | string>> {
  const log = options.log ?? (() => {});
  if (!existsSync(join(options.extensionDir, 'popup.html'))) {
    log('  popup.html is not in the build yet: pending');
    return { 'popup.status': 'pending: no popup.html in the build' };
  }
  const browser = await launchBenchChromium({ extensionDir: options.extensionDir });
  try {
    const { history } = syntheticHistory(RECORDINGS, DAYS);
    const started = performance.now();
    const seeded = await seedExtension(browser.context, browser.extensionId!, history);
    log(`  seeded ${seeded.tracksAdded} tracks, ${seeded.observationsAdded.toLocaleString('en')} observations in ${Math.round(performance.now() - started)} ms`);
    await browser.context.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (document.querySelector('[data-testid="recording"]') === null) return;
        (globalThis as unknown as { benchListAt: number }).benchListAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 560 });
    const cold = await openPopup(page, browser.extensionId!);
    const warm = await openPopup(page, browser.extensionId!);
    log(`  first open: first paint ${round(cold.firstPaintMs, 1)} ms, list ${round(cold.listMs, 1)} ms; again: ${round(warm.firstPaintMs, 1)} ms, list ${round(warm.listMs, 1)} ms (${warm.rows} rows in the DOM)`);
    // New data for a few recordings, then the popup at once (median of 5 rounds), and a second later.
    const atOnce: number[] = [];
    const ahead: number[] = [];
    for (let pass = 1; pass <= 5; pass++) {
      await seedExtension(browser.context, browser.extensionId!, newDay(history, TOUCHED, 2 * pass - 1), 'welcome.html');
      atOnce.push((await openPopup(page, browser.extensionId!)).listMs);
      await seedExtension(browser.context, browser.extensionId!, newDay(history, TOUCHED, 2 * pass), 'welcome.html');
      await page.waitForTimeout(1_000);
      ahead.push((await openPopup(page, browser.extensionId!)).listMs);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    log(`  after new data for ${TOUCHED} recordings: list ${round(median(atOnce), 1)} ms opened at once (${atOnce.map((ms) => Math.round(ms)).join(', ')}), ${round(median(ahead), 1)} ms a second later (${ahead.map((ms) => Math.round(ms)).join(', ')})`);
    return {
      'popup.recordings': RECORDINGS,
      'popup.observations': history.observations.length,
      'popup.firstPaintMs': round(cold.firstPaintMs, 1),
      'popup.firstContentfulPaintMs': round(cold.firstContentfulPaintMs, 1),
      'popup.bulkImportListRenderedMs': round(cold.listMs, 1),
      'popup.newDataRecordings': TOUCHED,
      'popup.listRenderedMs': round(median(atOnce), 1),
      'popup.aheadListRenderedMs': round(median(ahead), 1),
      'popup.warmFirstPaintMs': round(warm.firstPaintMs, 1),
      'popup.warmFirstContentfulPaintMs': round(warm.firstContentfulPaintMs, 1),
      'popup.warmListRenderedMs': round(warm.listMs, 1),
      'popup.rowsInDom': warm.rows,
    };
  } finally {
    await browser.close();
  }
}
