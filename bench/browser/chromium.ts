/**
 * Chromium for the benchmarks: Debian's (or CHROMIUM_PATH), headless, a fresh on-disk profile
 * each time (a persistent context: an incognito-like one would keep IndexedDB in memory and
 * flatter every store figure), with or without the built extension.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, QUIET_CHROMIUM_FLAGS } from '../../test/e2e/support/browser-path';

export interface BenchBrowser {
  context: BrowserContext;
  /** chrome-extension://<id> when the extension is loaded. */
  extensionId: string | null;
  version: string;
  close(): Promise<void>;
}

export async function launchBenchChromium(options: { extensionDir?: string } = {}): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'crosscount-bench-'));
  const extensionArgs = options.extensionDir ? [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...QUIET_CHROMIUM_FLAGS, ...extensionArgs],
    viewport: { width: 1280, height: 900 },
  });
  let extensionId: string | null = null;
  if (options.extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const version = await page.evaluate(() => navigator.userAgent.match(/Chrom(?:e|ium)\/([\d.]+)/)?.[1] ?? 'unknown');
  return {
    context,
    extensionId,
    version,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
