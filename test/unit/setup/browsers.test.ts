/**
 * The fresh-machine setup (scripts/browsers-plan.ts) on pretend machines: the real browsers are
 * never touched. Each case is what a new developer would meet.
 */
import { describe, expect, it } from 'vitest';
import { planBrowsers, resolveBrowser, type Machine } from '../../../scripts/browsers-plan';

function machine(files: string[], overrides: Partial<Machine> = {}): Machine {
  const present = new Set(files);
  return { env: {}, executable: (path) => present.has(path), exists: (path) => present.has(path), debian: true, canInstall: false, ...overrides };
}

const DEBIAN_FULL = ['/usr/bin/chromium', '/usr/bin/firefox-esr', '/usr/lib/chromium/locales/de.pak', '/usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi'];

describe('planBrowsers', () => {
  it('is ready, silently, when Debian’s browsers and their German packs are there', () => {
    expect(planBrowsers(['chromium', 'firefox'], machine(DEBIAN_FULL), { german: true })).toEqual({ kind: 'ready', paths: { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' } });
  });

  it('installs what is missing from Debian when root, in one line', () => {
    const plan = planBrowsers(['chromium', 'firefox'], machine([], { canInstall: 'root' }), { german: true });
    expect(plan).toMatchObject({ kind: 'install', packages: ['chromium', 'chromium-l10n', 'firefox-esr', 'firefox-esr-l10n-de'] });
    if (plan.kind !== 'install') throw new Error('no install');
    expect(plan.command.slice(0, 3)).toEqual(['apt-get', 'install', '-y']);
    expect(plan.line).toBe('setup: installing chromium, chromium-l10n, firefox-esr, firefox-esr-l10n-de from Debian (apt-get install -y -qq chromium chromium-l10n firefox-esr firefox-esr-l10n-de)');
  });

  it('uses sudo without a prompt when that is what the user has', () => {
    const plan = planBrowsers(['chromium'], machine(['/usr/bin/firefox-esr'], { canInstall: 'sudo' }));
    expect(plan).toMatchObject({ kind: 'install', command: ['sudo', '-n', 'apt-get', 'install', '-y', '-qq', 'chromium'] });
  });

  it('stops with one line naming what is missing, the command, and the variable, when it cannot install', () => {
    expect(planBrowsers(['chromium', 'firefox'], machine(['/usr/bin/firefox-esr']))).toEqual({
      kind: 'stop',
      line: 'setup: Chromium is missing: run "sudo apt-get install chromium", or set CHROMIUM_PATH to the browser\'s binary',
    });
    expect(planBrowsers(['chromium', 'firefox'], machine([], { debian: false }))).toEqual({
      kind: 'stop',
      line: "setup: Chromium and Firefox ESR are missing: install it, or set CHROMIUM_PATH / FIREFOX_PATH to the browser's binary",
    });
  });

  it('takes CHROMIUM_PATH / FIREFOX_PATH over Debian’s paths, and a wrong one is an error', () => {
    const chrome = '/opt/google/chrome/chrome';
    expect(planBrowsers(['chromium'], machine([chrome], { env: { CHROMIUM_PATH: chrome } }), { german: true })).toEqual({ kind: 'ready', paths: { chromium: chrome } });
    expect(planBrowsers(['chromium', 'firefox'], machine(DEBIAN_FULL, { env: { CHROMIUM_PATH: '/nowhere/chrome' }, canInstall: 'root' }))).toEqual({
      kind: 'stop',
      line: 'CHROMIUM_PATH=/nowhere/chrome is not an executable file: point it at a Chromium binary, or unset it',
    });
    expect(resolveBrowser('firefox', machine(DEBIAN_FULL, { env: { FIREFOX_PATH: '/tmp/not-firefox' } }))).toEqual({
      wrong: 'FIREFOX_PATH=/tmp/not-firefox is not an executable file: point it at a Firefox ESR binary, or unset it',
    });
  });

  it('adds only the German pack when the browser is there without it', () => {
    expect(planBrowsers(['chromium'], machine(['/usr/bin/chromium'], { canInstall: 'root' }), { german: true })).toMatchObject({ kind: 'install', packages: ['chromium-l10n'] });
    expect(planBrowsers(['chromium'], machine(['/usr/bin/chromium']), { german: true })).toEqual({
      kind: 'stop',
      line: 'setup: the German test run needs chromium-l10n: sudo apt-get install chromium-l10n',
    });
  });
});
