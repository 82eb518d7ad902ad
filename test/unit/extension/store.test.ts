/**
 * What the stores require of the built packages (docs/store-listing.md): localised name and
 * description within the Chrome Web Store's limits in every language, icons at every size the
 * stores and toolbars use, Chrome 111 for the main-world scripts, a shortcut for the popup, and
 * host access only where a content script runs. Reads the BUILT extension (`npm run build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OBSERVER_SCRIPT, OPTIONAL_HOST_PERMISSIONS } from '../../../core/taught-sites';

const OUTPUT = resolve(import.meta.dirname, '../../../.output');
const LANGUAGES = ['en', 'de', 'fr', 'it', 'es'];
const ICON_SIZES = [16, 32, 48, 128];

function read(target: string, path: string): Buffer {
  const file = resolve(OUTPUT, target, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" before the unit tests`);
  return readFileSync(file);
}

const manifestOf = (target: string) => JSON.parse(read(target, 'manifest.json').toString('utf8')) as Record<string, unknown>;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.each(['chrome-mv3', 'firefox-mv3'])('the %s package', (target) => {
  const manifest = manifestOf(target);

  it('takes its name and description from the catalogs, within the stores’ limits in every language', () => {
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    for (const language of LANGUAGES) {
      const messages = JSON.parse(read(target, `_locales/${language}/messages.json`).toString('utf8')) as Record<string, { message: string }>;
      expect(messages.extName!.message).toBe('Crosscount');
      expect([...messages.extDescription!.message].length, language).toBeLessThanOrEqual(132);
      expect(messages.actionTitle?.message, language).toBeTruthy();
    }
  });

  it('has its icon at 16, 32, 48 and 128 px, for the stores, the extensions page and the toolbar', () => {
    const icons = manifest.icons as Record<string, string>;
    const action = manifest.action as { default_icon: Record<string, string>; default_title: string; default_popup: string };
    expect(Object.keys(icons).map(Number).sort((a, b) => a - b)).toEqual(ICON_SIZES);
    expect(action.default_icon).toEqual(icons);
    expect(action.default_title).toBe('__MSG_actionTitle__');
    for (const size of ICON_SIZES) expect(pngSize(read(target, icons[String(size)]!))).toEqual({ width: size, height: size });
  });

  it('opens the popup with a keyboard shortcut', () => {
    const commands = manifest.commands as Record<string, { suggested_key: { default: string } }>;
    expect(commands._execute_action!.suggested_key.default).toBe('Alt+Shift+C');
  });

  it('asks for host access only where its content scripts run', () => {
    const matches = [...new Set((manifest.content_scripts as { matches: string[] }[]).flatMap((script) => script.matches))].sort();
    expect([...(manifest.host_permissions as string[])].sort()).toEqual(matches);
    expect(manifest.host_permissions).not.toContain('https://generic.wg.spotify.com/*');
  });

  it('builds the added dashboards’ observer where the background registers it, and lists it nowhere in the manifest', () => {
    expect(read(target, OBSERVER_SCRIPT).length).toBeGreaterThan(0);
    const listed = (manifest.content_scripts as { js: string[] }[]).flatMap((script) => script.js);
    expect(listed).not.toContain(OBSERVER_SCRIPT);
    // Only asked for one site at a time, when the artist adds a dashboard.
    expect(manifest.optional_host_permissions).toEqual([...OPTIONAL_HOST_PERMISSIONS]);
  });
});

describe('the Chrome package', () => {
  it('needs Chrome 111, the first with main-world content scripts', () => {
    expect(manifestOf('chrome-mv3').minimum_chrome_version).toBe('111');
    const worlds = (manifestOf('chrome-mv3').content_scripts as { world?: string }[]).map((script) => script.world);
    expect(worlds).toContain('MAIN');
  });
});
