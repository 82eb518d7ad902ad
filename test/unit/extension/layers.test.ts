/**
 * The layers of docs/architecture.md are enforced by the linter (eslint.config.js,
 * `no-restricted-imports` per folder). Each rule is broken here on purpose, through ESLint's
 * own API and the project's real configuration: the violating import must fail, the allowed
 * one beside it must pass. A rule that stops matching (a renamed folder, a glob that no longer
 * fits, a later config entry that silently replaces it) fails this test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: resolve(ROOT, 'eslint.config.js') });
});

/** The `no-restricted-imports` messages for `code` as if it were the file at `filePath`. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  const messages = result?.messages ?? [];
  // A parse error would hide every rule: make it fail loudly instead of passing.
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  return messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

interface Case {
  layer: string;
  /** Where the imaginary file lives (it need not exist). */
  file: string;
  broken: string;
  allowed: string;
  /** Words the refusal must contain, so the right rule (not just any) fired. */
  says: string;
}

const CASES: Case[] = [
  // core/** knows no browser glue, UI, entrypoint or WXT.
  { layer: 'core → lib', file: 'core/views/x.ts', broken: "import { send } from '../../lib/messages';", allowed: "import { dayFromMs } from '../model/day';", says: 'pure TypeScript' },
  { layer: 'core → components', file: 'core/sources/spotify/x.ts', broken: "import { formatCount } from '../../../components/format';", allowed: "import { SITES } from '../../sites';", says: 'pure TypeScript' },
  { layer: 'core → entrypoints', file: 'core/views/y.ts', broken: "import { createHandlers } from '../../entrypoints/background/handlers';", allowed: "import { compare } from '../compare';", says: 'pure TypeScript' },
  { layer: 'core → wxt', file: 'core/store/x.ts', broken: "import { browser } from 'wxt/browser';", allowed: "import { openDB } from 'idb';", says: 'pure TypeScript' },
  { layer: 'core → bare wxt', file: 'core/settings-x.ts', broken: "import { defineConfig } from 'wxt';", allowed: "import { z } from './zod';", says: 'pure TypeScript' },
  { layer: 'core → #imports', file: 'core/model/x.ts', broken: "import { browser } from '#imports';", allowed: "import { z } from '../zod';", says: 'pure TypeScript' },
  { layer: 'core/zod.ts → wxt', file: 'core/zod.ts', broken: "import { browser } from 'wxt/browser';", allowed: "import { z } from 'zod';", says: 'pure TypeScript' },
  // The command line calls the core, never the other way; it runs in Node, without browser glue.
  { layer: 'core → cli', file: 'core/views/x.ts', broken: "import { main } from '../../cli/main';", allowed: "import { buildOverview } from './build';", says: 'below the command line' },
  { layer: 'store → cli', file: 'core/store/x.ts', broken: "import type { CliIO } from '../../cli/io';", allowed: "import { identityKeysOf } from './identity';", says: 'below the command line' },
  { layer: 'cli → lib', file: 'cli/commands/x.ts', broken: "import { send } from '../../lib/messages';", allowed: "import { compare } from '../../core/compare';", says: 'runs in Node' },
  { layer: 'cli → wxt', file: 'cli/x.ts', broken: "import { browser } from 'wxt/browser';", allowed: "import { readFile } from 'node:fs/promises';", says: 'runs in Node' },
  // The pure domain knows no storage, messages, dashboards or command line.
  { layer: 'model → store', file: 'core/model/x.ts', broken: "import { openStore } from '../store';", allowed: "import { dayFromMs } from './day';", says: 'domain' },
  { layer: 'compare → messaging', file: 'core/compare/x.ts', broken: "import type { ReadingRecord } from '../messaging/protocol';", allowed: "import { revisionsOf } from '../model/revisions';", says: 'domain' },
  { layer: 'eligibility → sources', file: 'core/eligibility/x.ts', broken: "import { SPOTIFY_SELECTORS } from '../sources/spotify/selectors';", allowed: "import { eligibility } from './index';", says: 'domain' },
  { layer: 'evidence → cli', file: 'core/evidence/x.ts', broken: "import { main } from '../../cli/main';", allowed: "import { compare } from '../compare';", says: 'domain' },
  { layer: 'money → store', file: 'core/money/x.ts', broken: "import { openStore } from '../store/store';", allowed: "import { eligibility } from '../eligibility';", says: 'domain' },
  // The dashboards' list (core/sites.ts, core/taught-sites.ts) is the sources layer: the domain names sources from core/model/ids.ts.
  { layer: 'compare → the site list', file: 'core/compare/x.ts', broken: "import { siteLabel } from '../sites';", allowed: "import { BUILT_IN_SOURCE_LABELS } from '../model/ids';", says: 'domain' },
  { layer: 'money → the added dashboards', file: 'core/money/x.ts', broken: "import { taughtSiteFor } from '../taught-sites';", allowed: "import { SPOTIFY_STORE } from '../model/ids';", says: 'domain' },
  { layer: 'history → sources index', file: 'core/history/x.ts', broken: "import { parseReport } from '../sources/reports';", allowed: "import { mergeHistories } from './merge';", says: 'domain' },
  // The store sits below the messages and knows no dashboard.
  { layer: 'store → messaging', file: 'core/store/x.ts', broken: "import type { Reading } from '../messaging/reading';", allowed: "import { identityKeysOf } from './identity';", says: 'below the message layer' },
  { layer: 'store → the site list', file: 'core/store/x.ts', broken: "import { siteLabel } from '../sites';", allowed: "import { lastDayOfMonth } from '../model/day';", says: 'below the message layer' },
  { layer: 'store → a site', file: 'core/store/migrations/x.ts', broken: "import { linkByTitle } from '../../sources/spotify/link-by-title';", allowed: "import type { Migration } from './types';", says: 'below the message layer' },
  // Components render what they are given.
  { layer: 'components → lib', file: 'components/x.tsx', broken: "import { send } from '../lib/messages';", allowed: "import { formatCount } from './format';", says: 'Components render' },
  { layer: 'components/overlay → lib', file: 'components/overlay/x.tsx', broken: "import { mountOverlay } from '../../lib/overlay-host';", allowed: "import { ReasonChip } from '../ReasonChip';", says: 'Components render' },
];

describe('layers the linter enforces', () => {
  for (const { layer, file, broken, allowed, says } of CASES) {
    it(`${layer}: refused in ${file}, the allowed import passes`, async () => {
      const refused = await restrictedImports(file, `${broken}\nexport const used = 1;\n`);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toContain(says);
      expect(await restrictedImports(file, `${allowed}\nexport const used = 1;\n`)).toEqual([]);
    });
  }

  it('a layer rule keeps the zod door shut (the later entry did not replace it)', async () => {
    for (const file of ['core/compare/x.ts', 'core/store/x.ts', 'core/sources/reports/x.ts', 'components/x.tsx']) {
      const refused = await restrictedImports(file, "import { z } from 'zod';\nexport const used = z;\n");
      expect(refused, file).toHaveLength(1);
      expect(refused[0]).toContain('core/zod.ts');
    }
  });

  it('the layers stop where they end: lib and entrypoints may use the browser glue', async () => {
    expect(await restrictedImports('lib/x.ts', "import { browser } from 'wxt/browser';\nimport { send } from './messages';\nexport const used = [browser, send];\n")).toEqual([]);
    expect(await restrictedImports('entrypoints/popup/x.tsx', "import { send } from '../../components/send';\nimport { formatCount } from '../../components/format';\nexport const used = [send, formatCount];\n")).toEqual([]);
    // The sources may use the store's neighbours that are not the store (a site's parser reads the model).
    expect(await restrictedImports('core/sources/imusician/x.ts', "import { daySchema } from '../../model/schema';\nexport const used = daySchema;\n")).toEqual([]);
  });

  it('every store file is held to the store rule (no exceptions left), and its real text passes it', async () => {
    const storeFiles = readdirSync(resolve(ROOT, 'core/store'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `core/store/${name}`);
    expect(storeFiles.length).toBeGreaterThan(10);
    for (const file of storeFiles) {
      const config = (await eslint.calculateConfigForFile(resolve(ROOT, file))) as { rules?: Record<string, unknown> };
      expect(JSON.stringify(config.rules?.['no-restricted-imports'] ?? []), file).toContain('below the message layer');
      expect(await restrictedImports(file, readFileSync(resolve(ROOT, file), 'utf8')), file).toEqual([]);
    }
  });

  it('content scripts still never reach the store (the older rule is intact)', async () => {
    const refused = await restrictedImports('entrypoints/spotify.content/x.ts', "import { openStore } from '../../core/store';\nexport const used = openStore;\n");
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('IndexedDB');
  });
});
