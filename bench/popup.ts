/**
 * The popup with 1,000 recordings: the built extension, its store seeded with the synthetic
 * catalogue (1,000 ISRCs × 60 days × 2 sources) through `ui:importHistory`, then popup.html
 * opened as a page twice: the first open after the import (the background may still be
 * computing the overview) and a second, warm one. Read in the page: first paint and first
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
import { round } from './stats';

const RECORDINGS = 1_000;
const DAYS = 60;

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
    return {
      'popup.recordings': RECORDINGS,
      'popup.observations': history.observations.length,
      'popup.firstPaintMs': round(cold.firstPaintMs, 1),
      'popup.firstContentfulPaintMs': round(cold.firstContentfulPaintMs, 1),
      'popup.listRenderedMs': round(cold.listMs, 1),
      'popup.warmFirstPaintMs': round(warm.firstPaintMs, 1),
      'popup.warmFirstContentfulPaintMs': round(warm.firstContentfulPaintMs, 1),
      'popup.warmListRenderedMs': round(warm.listMs, 1),
      'popup.rowsInDom': warm.rows,
    };
  } finally {
    await browser.close();
  }
}
