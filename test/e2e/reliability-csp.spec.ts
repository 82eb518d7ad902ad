/**
 * Guarantee 13 in the real browser: with the built extension, the popup, the history page and
 * both fixture dashboards with their overlays (data on both sides, so every part renders) run
 * without a single Content-Security-Policy violation — no `eval`/`new Function` (zod runs
 * jitless), no inline or remote script. Violations are collected from `securitypolicyviolation`
 * events (pages and the service worker) and from CSP messages in every console. A control
 * shows the collector does see a violation when one happens.
 */
import type { ConsoleMessage, Page, Worker } from '@playwright/test';
import { chromiumTab } from './drivers/chromium';
import { test, expect } from './support/extension';

const ARTIST = '3kXmZp7QvR2nLw9YtB4sHd';
const SONG_URL = `https://artists.spotify.com/c/artist/${ARTIST}/song/4uLU6hMCjMI75M1A2tKUQC/stats`;
const TRENDS_URL = 'https://www.imusician.pro/app/analytics/trends';

type Violations = { __cspViolations?: string[] };

/** Runs before any page script: records every violation the document reports. */
function collectViolations(): void {
  const scope = globalThis as unknown as Violations & { addEventListener: typeof addEventListener };
  scope.__cspViolations = [];
  scope.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const violation = event as SecurityPolicyViolationEvent;
      scope.__cspViolations!.push(`${violation.effectiveDirective} blocked ${violation.blockedURI || '(inline/eval)'} at ${violation.sourceFile}:${violation.lineNumber}`);
    },
    true,
  );
}

const isCspMessage = (text: string) => /Content Security Policy|Refused to (evaluate|execute|load|apply)|unsafe-eval/i.test(text);

async function violationsIn(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as Violations).__cspViolations ?? ['the collector was not installed']);
}

test('popup, history page and both dashboards with overlays run without CSP violations', async ({ context, serviceWorker, openExtensionPage }) => {
  await context.addInitScript(collectViolations);
  const consoleProblems: string[] = [];
  const watch = (where: string) => (message: ConsoleMessage) => {
    if (isCspMessage(message.text())) consoleProblems.push(`${where}: ${message.text()}`);
  };
  context.on('console', watch('context'));
  const watchWorker = async (worker: Worker) => {
    worker.on('console', watch('service worker'));
    await worker.evaluate(collectViolations);
  };
  await watchWorker(serviceWorker);

  // Data on both sides, read by the real readers: S4A first, then iMusician's trends.
  const spotify = await context.newPage();
  await spotify.goto(SONG_URL);
  // The panels are in closed shadow roots: read through the driver's tab (over DevTools).
  await chromiumTab(context, spotify).waitFor({ testId: 'crosscount-overlay' }, { timeoutMs: 15_000 });
  const trends = await context.newPage();
  await trends.goto(TRENDS_URL);
  await chromiumTab(context, trends).waitFor({ testId: 'overlay-day' }, { timeoutMs: 20_000 });
  await spotify.reload();
  await chromiumTab(context, spotify).waitFor({ testId: 'overlay-day' }, { timeoutMs: 20_000 });

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('recording').first()).toBeVisible();
  // The database is fine: no storage banner.
  await expect(popup.getByTestId('storage-banner')).toHaveCount(0);
  const history = await openExtensionPage('options.html');
  await expect(history.getByRole('heading', { name: 'Crosscount', exact: true })).toBeVisible();
  await expect(history.locator('.hp-layout')).toBeVisible();
  // Let late work (charts, overview, a worker restart) happen.
  await history.waitForTimeout(1000);

  const found: Record<string, string[]> = {};
  for (const [name, page] of Object.entries({ popup, history, spotify, trends })) found[name] = await violationsIn(page);
  const worker = context.serviceWorkers().at(-1)!;
  found['service worker'] = await worker.evaluate(() => (globalThis as unknown as Violations).__cspViolations ?? []);
  expect(found).toEqual({ popup: [], history: [], spotify: [], trends: [], 'service worker': [] });
  expect(consoleProblems).toEqual([]);

  // Control: the same collector on an extension page does report what the policy blocks (an
  // inline script, and code from a string, as zod's JIT would make).
  const control = await openExtensionPage('popup.html');
  await control.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    (setTimeout as unknown as (code: string) => void)('window.__stringRan = true');
  });
  await expect
    .poll(async () => {
      const seen = await violationsIn(control);
      return { inline: seen.some((v) => v.startsWith('script-src-elem blocked inline')), eval: seen.some((v) => v.startsWith('script-src blocked eval')) };
    })
    .toEqual({ inline: true, eval: true });
  expect(await control.evaluate(() => [(window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false, (window as unknown as { __stringRan?: boolean }).__stringRan ?? false])).toEqual([false, false]);
});
