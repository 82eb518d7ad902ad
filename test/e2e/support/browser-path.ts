import { existsSync } from 'node:fs';

/**
 * The Chromium to drive: CHROMIUM_PATH or CHROME_PATH when set (developers' machines),
 * else Debian's /usr/bin/chromium. Test tools cannot download browsers here.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH to a Chrome/Chromium binary');
  }
  return found;
}

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
