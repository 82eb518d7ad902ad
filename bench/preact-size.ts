/**
 * Preact's own size, the reference beside the bundles: what `h` + `render` (and the JSX
 * runtime the components use) cost when bundled and minified alone, gzipped at level 9.
 */
import { build } from 'esbuild';
import { gzipSize } from './bundle-sizes';

export async function preactSize(): Promise<{ bytes: number; gzipBytes: number }> {
  const result = await build({
    stdin: { contents: "export { h, render } from 'preact'; export { jsx, jsxs, Fragment } from 'preact/jsx-runtime';", resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { bytes: code.length, gzipBytes: gzipSize(Buffer.from(code)) };
}
