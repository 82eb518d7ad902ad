/**
 * A TEST BUILD copy of the Chrome build for journeys that need the artist to say yes to the
 * browser's "allow access to this site?" prompt. Chromium offers no way to answer that prompt in
 * automation: Playwright declines it (microsoft/playwright#32755); the DevTools protocol's
 * `Extensions` domain loads, uninstalls and reads storage but grants nothing; the
 * `--apps-gallery-install-auto-confirm-for-tests` switch does not touch `permissions.request`
 * (tried with Chromium 156: the request stays pending); `developerPrivate.addHostPermission` only
 * grants what a manifest requires and the user withheld, never an optional origin; policy files
 * are machine-wide. So the copy lists the origins in `host_permissions`: Chromium grants them at
 * install, and the extension's own `permissions.request` for them (in the page's click, as for an
 * artist) resolves true at once. Everything else is the build under test, byte for byte; the copy
 * lives in a temporary folder and is never shipped.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuild } from './extension';

export interface TestBuild {
  dir: string;
  remove(): void;
}

/** `sourceDir` copied with `origins` added to its manifest's host_permissions. */
export function chromeBuildGranting(sourceDir: string, origins: readonly string[]): TestBuild {
  requireBuild(sourceDir);
  const dir = mkdtempSync(join(tmpdir(), 'crosscount-test-build-'));
  cpSync(sourceDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[]; optional_host_permissions?: string[] };
  const optional = manifest.optional_host_permissions ?? [];
  if (!optional.includes('https://*/*')) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${sourceDir}/manifest.json asks for no optional https://*/* access: a grant for ${origins.join(', ')} would test something the build cannot do`);
  }
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...origins])];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
