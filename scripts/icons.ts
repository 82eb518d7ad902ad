/**
 * `npm run icons`: renders assets/icon.svg to public/icon/{16,32,48,128}.png with the Chromium
 * the tests use (no image library needed), each size drawn from the vector, not scaled from a
 * bitmap. The PNGs are committed; run this after changing the SVG.
 */
import { chromium } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath, QUIET_CHROMIUM_FLAGS } from '../test/e2e/support/browser-path';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 128];
const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const out = join(ROOT, 'public/icon');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_CHROMIUM_FLAGS });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="128" height="128"/, `width="${size}" height="${size}" style="display:block"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({ path: join(out, `${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
  }
  console.log(`icons: ${SIZES.map((size) => `${size}.png`).join(', ')} → public/icon/`);
} finally {
  await browser.close();
}
