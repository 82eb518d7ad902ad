/**
 * Sizes of the built extension: each content script and each page (its HTML's scripts and
 * styles, and the chunks they import), minified as built and gzipped at level 9, beside
 * Preact's own size (the UI library every script with an overlay or page carries).
 * Deterministic: the CI check (test/unit/extension/bundle-size.test.ts) and the benchmark
 * both read it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** "content-scripts/spotify.js", "popup.html", "background.js". */
  name: string;
  kind: 'content-script' | 'page' | 'background';
  /** The files counted (a page's scripts, styles and imported chunks). */
  files: string[];
  bytes: number;
  gzipBytes: number;
}

export function gzipSize(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

/** Static imports of a built ES module chunk (`import"./x.js"`, `from"./x.js"`), resolved. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:\bimport|\bfrom)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) found.add(resolve(dirname(file), match[1]!));
  return [...found];
}

/** A page's own files: its scripts, preloads and styles, and every chunk those import. */
function pageFiles(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  const files = new Set<string>();
  for (const match of text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) files.add(resolve(dir, match[1]!));
  const queue = [...files].filter((file) => file.endsWith('.js'));
  while (queue.length > 0) {
    for (const imported of importsOf(queue.pop()!)) {
      if (files.has(imported) || !existsSync(imported)) continue;
      files.add(imported);
      queue.push(imported);
    }
  }
  return [...files].sort();
}

function measure(dir: string, name: string, kind: BundleSize['kind'], files: string[]): BundleSize {
  const contents = files.map((file) => readFileSync(file));
  return {
    name,
    kind,
    files: files.map((file) => file.slice(dir.length + 1)),
    bytes: contents.reduce((sum, content) => sum + content.length, 0),
    // Each file is fetched and compressed on its own.
    gzipBytes: contents.reduce((sum, content) => sum + gzipSize(content), 0),
  };
}

/** Every content script, page and the background of one built target (.output/chrome-mv3). */
export function bundleSizes(dir: string): BundleSize[] {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}: run "npm run build" first`);
  const sizes: BundleSize[] = [];
  const scripts = join(dir, 'content-scripts');
  for (const file of existsSync(scripts) ? readdirSync(scripts).filter((name) => name.endsWith('.js')).sort() : []) {
    sizes.push(measure(dir, `content-scripts/${file}`, 'content-script', [join(scripts, file)]));
  }
  for (const html of readdirSync(dir).filter((name) => name.endsWith('.html')).sort()) sizes.push(measure(dir, html, 'page', pageFiles(dir, html)));
  if (existsSync(join(dir, 'background.js'))) sizes.push(measure(dir, 'background.js', 'background', [join(dir, 'background.js')]));
  return sizes;
}
