/**
 * Content scripts run inside the dashboards on every page load: each stays within the budget
 * of bench/budgets.ts, minified as built and gzipped. Reads the BUILT extension, so run
 * `npm run build` first (npm test does). Sizes are deterministic, unlike timings, so this is
 * the one benchmark figure checked in CI; `npm run bench` reports the rest.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../../bench/budgets';
import { bundleSizes } from '../../../bench/bundle-sizes';
import { OBSERVER_SCRIPT, READER_SCRIPT } from '../../../core/taught-sites';

const OUTPUT = resolve(import.meta.dirname, '../../../.output');
const TARGETS = ['chrome-mv3', 'firefox-mv3'];

describe.each(TARGETS)('content scripts of %s', (target) => {
  const dir = resolve(OUTPUT, target);
  if (!existsSync(resolve(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run "npm run build" before the unit tests`);
  const scripts = bundleSizes(dir).filter((size) => size.kind === 'content-script');

  it('include both dashboards’ readers and their page observers, and those of the dashboards the artist adds', () => {
    expect(scripts.map((size) => size.name)).toEqual(
      expect.arrayContaining([
        'content-scripts/spotify.js',
        'content-scripts/imusician.js',
        'content-scripts/spotify-observer.js',
        'content-scripts/imusician-observer.js',
        OBSERVER_SCRIPT,
        READER_SCRIPT,
      ]),
    );
  });

  it.each(scripts.map((size) => [size.name, size] as const))(`%s is at most ${BUDGETS.contentScriptGzipBytes / 1000} kB gzipped`, (_name, size) => {
    expect(size.gzipBytes, `${size.name}: ${size.gzipBytes} B gzipped (${size.bytes} B minified); budget ${BUDGETS.contentScriptGzipBytes} B`).toBeLessThanOrEqual(
      BUDGETS.contentScriptGzipBytes,
    );
  });
});
