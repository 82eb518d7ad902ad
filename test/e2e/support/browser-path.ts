import { existsSync } from 'node:fs';

/**
 * The Chromium to drive: CHROMIUM_PATH or CHROME_PATH when set (developers' machines),
 * else Debian's /usr/bin/chromium. Test tools cannot download browsers here. A variable that
 * points nowhere is an error, never silently replaced by another browser.
 */
export function chromiumPath(): string {
  for (const variable of ['CHROMIUM_PATH', 'CHROME_PATH']) {
    const value = process.env[variable];
    if (!value) continue;
    if (!existsSync(value)) throw new Error(`${variable}=${value} does not exist: point it at a Chrome/Chromium binary, or unset it`);
    return value;
  }
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH to a Chrome/Chromium binary');
  }
  return found;
}

/**
 * The Firefox to drive, or null: FIREFOX_PATH when set, else Debian's firefox-esr or a
 * `firefox` on the usual paths. puppeteer-core drives it over WebDriver BiDi (ESR 128+).
 */
export function firefoxPath(): string | null {
  const set = process.env.FIREFOX_PATH;
  if (set) {
    if (!existsSync(set)) throw new Error(`FIREFOX_PATH=${set} does not exist: point it at a Firefox binary (ESR 128 or newer), or unset it`);
    return set;
  }
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'].find((path) => existsSync(path)) ?? null;
}

export const NO_FIREFOX_MESSAGE =
  'No Firefox found: install it (apt-get install firefox-esr) or set FIREFOX_PATH to a Firefox binary (ESR 128 or newer)';

/** Flags that keep Chromium from hanging on a closed network. */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
