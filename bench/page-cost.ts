/**
 * What the extension costs a dashboard: a Spotify for Artists song page with 1,000 rows
 * (test/fixtures/pages/bench/spotify-song-1000.html, served at the real host), loaded and
 * navigated between two songs the same way twice in this run: once in a profile without the
 * extension (the baseline), once with the built extension. For each: long tasks (a
 * PerformanceObserver registered before the page's own scripts) and, from a CPU profile of the
 * page's main thread, the time spent in the extension's scripts (frames from
 * chrome-extension://) and its longest unbroken stretch. Then the overlay's own update time:
 * the extension's overlay host and component (bundled by bench/browser/overlay-page.ts) driven
 * directly on the same page, timed in the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { routeFixtureSites } from '../test/e2e/support/routes';
import { bundlePageScript } from './browser/bundle';
import { launchBenchChromium } from './browser/chromium';
import { seedExtension } from './browser/seed';
import { addDays } from '../core/model/day';
import type { History } from '../core/model/history';
import type { Observation } from '../core/model/schema';
import { round } from './stats';

const PAGE = readFileSync(resolve(import.meta.dirname, '../test/fixtures/pages/bench/spotify-song-1000.html'), 'utf8');
const ARTIST = '3kXmZp7QvR2nLw9YtB4sHd';
const SONGS = ['4uLU6hMCjMI75M1A2tKUQC', '7ouMYWpwJ422jRcDASZB7P'];
const NAVIGATIONS = 10;
/** After each navigation: time for the page, the reading, the store and the overlay to settle. */
const SETTLE_MS = 800;
const OVERLAY_UPDATES = 60;

/**
 * The two songs as the store knows them before the visit: linked to their ISRC, with 120 days
 * of S4A and iMusician daily counts up to the page's own window, so the overlay shows rows.
 */
function storedSongs(): History {
  const history: History = { tracks: [], observations: [] };
  SONGS.forEach((song, index) => {
    const id = `bench-${index + 1}`;
    history.tracks.push({ id, isrc: `CHXXX26${String(index + 1).padStart(5, '0')}`, title: index === 0 ? 'Harbour Lights' : 'Harbour Lights - Acoustic', artists: ['Bench Artist'], spotifyTrackIds: [song], distributorIds: { imusician: String(4711 + index) } });
    for (let i = 0; i < 120; i++) {
      const day = addDays('2025-11-29', i);
      const s = 200 + ((i * 37 + index * 11) % 80);
      const base = { track: id, store: 'spotify', metric: 'streams', day } as const;
      history.observations.push({ ...base, source: 'spotify', value: s, observedAt: `${addDays(day, 1)}T20:00:00.000Z` } satisfies Observation);
      history.observations.push({ ...base, source: 'imusician', value: Math.round(s * 0.9), observedAt: `${addDays(day, 5)}T08:00:00.000Z` } satisfies Observation);
    }
  });
  return history;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Milliseconds of samples with an extension frame on the stack, and the longest unbroken run
 * of them, with what ran in it: the functions (file:line name) that samples of the run were
 * in, by time, and the outermost extension frame of each (which of our entry points).
 */
export function extensionTime(profile: CpuProfile): { totalMs: number; longestMs: number; longestSelf: Array<[string, number]>; longestEntries: Array<[string, number]> } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const result = node.callFrame.url.startsWith('chrome-extension://') || (parent.has(id) && isOurs(parent.get(id)!));
    ours.set(id, result);
    return result;
  };
  let totalUs = 0;
  let runUs = 0;
  let longestUs = 0;
  let runStart = 0;
  let longest = { from: 0, to: 0 };
  // timeDeltas[i] is the time before sample i; the sample's own span is the next delta.
  for (let i = 0; i < profile.samples.length; i++) {
    const span = profile.timeDeltas[i + 1] ?? 0;
    if (isOurs(profile.samples[i]!)) {
      if (runUs === 0) runStart = i;
      totalUs += span;
      runUs += span;
      if (runUs > longestUs) longest = { from: runStart, to: i };
      longestUs = Math.max(longestUs, runUs);
    } else runUs = 0;
  }
  const name = (node: ProfileNode) => `${node.callFrame.url.replace(/^.*\//, '')}:${node.callFrame.functionName || '(anonymous)'}`;
  const self = new Map<string, number>();
  const entries = new Map<string, number>();
  for (let i = longest.from; i <= longest.to && longestUs > 0; i++) {
    const span = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]!)!;
    self.set(name(node), (self.get(name(node)) ?? 0) + span);
    // The outermost frame of ours, and the one just inside it.
    const chain: ProfileNode[] = [];
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) chain.push(byId.get(id)!);
    const outer = chain.reverse().findIndex((each) => each.callFrame.url.startsWith('chrome-extension://'));
    const entry = chain.slice(outer, outer + 3).map(name).join(' > ');
    entries.set(entry, (entries.get(entry) ?? 0) + span);
  }
  const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([key, ms]) => [key, round(ms, 1)] as [string, number]);
  return { totalMs: totalUs / 1000, longestMs: longestUs / 1000, longestSelf: top(self), longestEntries: top(entries) };
}

async function preparePage(context: BrowserContext): Promise<Page> {
  await routeFixtureSites(context);
  // Registered last, so it answers first: the song pages come from the bench fixture.
  await context.route('https://artists.spotify.com/c/**', (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await context.addInitScript(() => {
    const tasks: Array<{ start: number; duration: number }> = [];
    (globalThis as unknown as { benchLongTasks: typeof tasks }).benchLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  return context.pages()[0] ?? (await context.newPage());
}

interface SessionFigures {
  longTasks: number;
  longTasksMs: number;
  longestTaskMs: number;
  extensionMs: number;
  extensionLongestMs: number;
  /** What the longest stretch was spent in (top functions by self time). */
  extensionLongestWhat: string;
}

/** Load a song, then navigate between the two songs; the same steps with or without the extension. */
async function session(page: Page, withExtension: boolean): Promise<SessionFigures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`https://artists.spotify.com/c/artist/${ARTIST}/song/${SONGS[0]}/stats`);
  await page.locator(`section[data-track="${SONGS[0]}"] tr`).nth(1000).waitFor();
  // The panel is in a closed shadow root (lib/overlay-host.ts): its host element is what the
  // page can see; inside it nothing is polled (a DevTools search would add work to the page).
  if (withExtension) await page.locator('crosscount-overlay').waitFor({ state: 'attached' });
  await page.waitForTimeout(SETTLE_MS);
  for (let i = 1; i <= NAVIGATIONS; i++) {
    const song = SONGS[i % 2]!;
    await page.getByTestId(`nav-song-${(i % 2) + 1}`).click();
    await page.locator(`section[data-track="${song}"] tr`).nth(1000).waitFor();
    await page.waitForTimeout(SETTLE_MS);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.detach();
  if (process.env.BENCH_PROFILE_DIR) writeFileSync(resolve(process.env.BENCH_PROFILE_DIR, `page-${withExtension ? 'extension' : 'baseline'}.cpuprofile`), JSON.stringify(profile));
  const tasks = await page.evaluate(() => (globalThis as unknown as { benchLongTasks: Array<{ duration: number }> }).benchLongTasks);
  const extension = extensionTime(profile);
  if (withExtension && process.env.BENCH_PROFILE_DIR) {
    writeFileSync(resolve(process.env.BENCH_PROFILE_DIR, 'page-extension-longest.json'), JSON.stringify({ longestMs: extension.longestMs, self: extension.longestSelf, entries: extension.longestEntries }, null, 1));
  }
  return {
    longTasks: tasks.length,
    longTasksMs: round(tasks.reduce((sum, task) => sum + task.duration, 0), 0),
    longestTaskMs: round(Math.max(0, ...tasks.map((task) => task.duration)), 0),
    extensionMs: round(extension.totalMs, 1),
    extensionLongestMs: round(extension.longestMs, 1),
    extensionLongestWhat: extension.longestSelf.slice(0, 5).map(([fn, ms]) => `${fn} ${ms} ms`).join(', '),
  };
}

export async function benchPageCost(options: { extensionDir: string; log?: (line: string) => void }): Promise<Record<string, number>> {
  const log = options.log ?? (() => {});
  const overlayScript = await bundlePageScript('overlay-page.ts');

  const bare = await launchBenchChromium();
  let baseline: SessionFigures;
  let overlay: { mountMs: number; medianMs: number; p95Ms: number; maxMs: number; updates: number; rowsShown: number };
  try {
    const page = await preparePage(bare.context);
    baseline = await session(page, false);
    log(`  without the extension: ${baseline.longTasks} long tasks (${baseline.longTasksMs} ms)`);
    // The overlay's own update, on the same 1,000-row page (no extension loaded: only ours runs).
    await page.addScriptTag({ content: overlayScript });
    overlay = await page.evaluate((updates) => (globalThis as unknown as { crosscountOverlayBench: { run(n: number): typeof overlay } }).crosscountOverlayBench.run(updates), OVERLAY_UPDATES);
    log(`  overlay update: median ${overlay.medianMs} ms, p95 ${overlay.p95Ms} ms, first mount ${overlay.mountMs} ms (${overlay.rowsShown} rows)`);
  } finally {
    await bare.close();
  }

  const loaded = await launchBenchChromium({ extensionDir: options.extensionDir });
  let withExtension: SessionFigures;
  try {
    await seedExtension(loaded.context, loaded.extensionId!, storedSongs());
    const page = await preparePage(loaded.context);
    withExtension = await session(page, true);
    log(`  with the extension: ${withExtension.longTasks} long tasks (${withExtension.longTasksMs} ms), extension scripts ${withExtension.extensionMs} ms, longest ${withExtension.extensionLongestMs} ms`);
    log(`  the longest stretch, by self time: ${withExtension.extensionLongestWhat}`);
  } finally {
    await loaded.close();
  }

  return {
    'page.rows': 1000,
    'page.navigations': NAVIGATIONS,
    'page.overlayUpdateMedianMs': overlay.medianMs,
    'page.overlayUpdateP95Ms': overlay.p95Ms,
    'page.overlayUpdateMaxMs': overlay.maxMs,
    'page.overlayMountMs': overlay.mountMs,
    'page.baselineLongTasks': baseline.longTasks,
    'page.baselineLongTasksMs': baseline.longTasksMs,
    'page.baselineLongestTaskMs': baseline.longestTaskMs,
    'page.extensionLongTasks': withExtension.longTasks,
    'page.extensionLongTasksMs': withExtension.longTasksMs,
    'page.extensionLongestTaskMs': withExtension.longestTaskMs,
    /** Long tasks the extension adds: with it minus without it (same page, same steps). */
    'page.addedLongTasks': withExtension.longTasks - baseline.longTasks,
    'page.extensionScriptMs': withExtension.extensionMs,
    'page.extensionScriptMsPerNavigation': round(withExtension.extensionMs / (NAVIGATIONS + 1), 2),
    'page.extensionLongestScriptMs': withExtension.extensionLongestMs,
    'page.baselineExtensionScriptMs': baseline.extensionMs,
  };
}
