/**
 * Bundle figures for the benchmark: builds the extension (Chrome) with its own configuration
 * into bench-output/wxt, plus a per-module size report, then measures every content script and
 * page (bench/bundle-sizes.ts) beside Preact's own size, and names what weighs most in each
 * content script (share of its code before minification, from the bundler's module report).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUDGETS } from './budgets';
import { bundleSizes } from './bundle-sizes';
import { preactSize } from './preact-size';

export const BENCH_BUILD = resolve(import.meta.dirname, '../bench-output/wxt');
export const BENCH_EXTENSION = join(BENCH_BUILD, 'chrome-mv3');

export function buildForBench(): void {
  execFileSync(resolve(import.meta.dirname, '../node_modules/.bin/wxt'), ['build', '-c', 'bench/wxt.analyse.config.ts'], {
    cwd: resolve(import.meta.dirname, '..'),
    stdio: 'pipe',
  });
}

/** What weighs in each content script: module groups and their share of the bundled code. */
export function moduleShares(): Map<string, Array<{ module: string; share: number }>> {
  const shares = new Map<string, Array<{ module: string; share: number }>>();
  if (!existsSync(BENCH_BUILD)) return shares;
  for (const file of readdirSync(BENCH_BUILD).filter((name) => /^stats-\d+\.json$/.test(name))) {
    const data = JSON.parse(readFileSync(join(BENCH_BUILD, file), 'utf8')) as {
      nodeParts: Record<string, { renderedLength: number }>;
      nodeMetas: Record<string, { id: string; moduleParts: Record<string, string> }>;
    };
    const perBundle = new Map<string, Map<string, number>>();
    for (const meta of Object.values(data.nodeMetas)) {
      const group = meta.id.includes('node_modules/')
        ? meta.id.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
        : meta.id.replace(/^.*?\/(core|lib|components|entrypoints)\//, '$1/').replace(/^(core\/[^/]+(\/[^/]+)?)\/.*$/, '$1').replace(/\?.*$/, '');
      for (const [bundle, part] of Object.entries(meta.moduleParts)) {
        if (!bundle.startsWith('content-scripts/')) continue;
        const groups = perBundle.get(bundle) ?? new Map<string, number>();
        groups.set(group, (groups.get(group) ?? 0) + (data.nodeParts[part]?.renderedLength ?? 0));
        perBundle.set(bundle, groups);
      }
    }
    for (const [bundle, groups] of perBundle) {
      const total = [...groups.values()].reduce((sum, length) => sum + length, 0);
      shares.set(
        bundle,
        [...groups].map(([module, length]) => ({ module, share: length / total })).sort((a, b) => b.share - a.share),
      );
    }
  }
  return shares;
}

export async function benchBundles(dir = BENCH_EXTENSION): Promise<{ figures: Record<string, number | boolean>; shares: ReturnType<typeof moduleShares> }> {
  const preact = await preactSize();
  const figures: Record<string, number | boolean> = { 'bundle.preactGzipBytes': preact.gzipBytes, 'bundle.preactBytes': preact.bytes };
  for (const size of bundleSizes(dir)) {
    const name = size.name.replace(/^content-scripts\//, '').replace(/\.(js|html)$/, '');
    figures[`bundle.${name}.bytes`] = size.bytes;
    figures[`bundle.${name}.gzipBytes`] = size.gzipBytes;
    figures[`bundle.${name}.ratioToPreact`] = Math.round((size.gzipBytes / preact.gzipBytes) * 100) / 100;
    if (size.kind === 'content-script') figures[`bundle.${name}.withinBudget`] = size.gzipBytes <= BUDGETS.contentScriptGzipBytes;
  }
  return { figures, shares: moduleShares() };
}
