/**
 * Permissions are pinned: any added permission or host fails here (reliability #12).
 * Reads the BUILT manifests, so run `npm run build` first (npm test does).
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUTPUT = resolve(import.meta.dirname, '../../../.output');
// Only where a content script runs: the data host's responses are the page's own (docs/store-listing.md).
const HOSTS = ['https://artists.spotify.com/*', 'https://www.imusician.pro/*'];
// Never granted as a whole: one added dashboard's site at a time (core/taught-sites.ts).
const OPTIONAL_HOSTS = ['https://*/*'];

function manifest(target: string): Record<string, unknown> {
  const path = resolve(OUTPUT, target, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" before the unit tests`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

describe('Chrome MV3 manifest', () => {
  const chrome = manifest('chrome-mv3');
  it('asks only for what it uses', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.permissions).toEqual(['unlimitedStorage', 'scripting']);
    expect([...(chrome.host_permissions as string[])].sort()).toEqual([...HOSTS].sort());
    expect(chrome.optional_permissions).toBeUndefined();
    // An added dashboard's one site is asked for at the moment of use (docs/store-listing.md).
    expect(chrome.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
  });
  it('keeps Firefox-only keys out and loads no remote code', () => {
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.externally_connectable).toBeUndefined();
    expect(JSON.stringify(chrome.content_security_policy ?? {})).not.toMatch(/unsafe-eval|https?:/);
  });
  it('runs content scripts only on the dashboards', () => {
    const matches = (chrome.content_scripts as { matches: string[] }[]).flatMap((script) => script.matches);
    for (const match of matches) expect(HOSTS).toContain(match);
  });
});

describe('Firefox MV3 manifest', () => {
  const firefox = manifest('firefox-mv3');
  it('declares that nothing is collected', () => {
    const gecko = (firefox.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toBe('crosscount@crosscount.app');
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
  it('asks only for what it uses', () => {
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.permissions).toEqual(['unlimitedStorage', 'scripting']);
    expect([...(firefox.host_permissions as string[])].sort()).toEqual([...HOSTS].sort());
    expect(firefox.optional_permissions).toBeUndefined();
    expect(firefox.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
  });
  it('runs its background as an event page (Firefox has no service worker)', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
  });
});
