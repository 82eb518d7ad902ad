/**
 * Bundles a bench-only page script (store, Dexie, overlay) with esbuild for a real Chromium
 * page: nothing here is part of the shipped extension. `?inline` CSS imports load as text,
 * as Vite does for the overlay; JSX is Preact's, as in the extension.
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const inlineCss: Plugin = {
  name: 'inline-css',
  setup(builder) {
    builder.onResolve({ filter: /\?inline$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '')), namespace: 'inline-css' }));
    builder.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

/** One IIFE script for `entry` (a path under bench/browser), as a string. */
export async function bundlePageScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, entry)],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [inlineCss],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
