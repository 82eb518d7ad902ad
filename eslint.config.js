// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Import restrictions, as sets that are combined per layer below. ESLint keeps only the last
 * `no-restricted-imports` setting that matches a file, so each layer's entry lists every set
 * that applies to it (zod's one door included). The layers are described in
 * docs/architecture.md ("Layers"); test/unit/extension/layers.test.ts breaks each on purpose.
 */
const ZOD_DOOR = "Import { z } from core/zod.ts: it sets zod's jitless mode (extension CSP).";
const zodDoor = {
  paths: [{ name: 'zod', message: ZOD_DOOR }],
  // zod/mini, zod/v4, zod/v4/core…: the same global setting is needed, so the same one door.
  patterns: [{ group: ['zod/*'], message: ZOD_DOOR }],
};
const CORE_IS_PURE = 'core/ is pure TypeScript that runs in Node: no browser glue (lib), UI (components), entrypoints or WXT in it.';
const coreIsPure = {
  paths: [
    { name: 'wxt', message: CORE_IS_PURE },
    { name: '#imports', message: CORE_IS_PURE },
    { name: 'webextension-polyfill', message: CORE_IS_PURE },
  ],
  patterns: [
    { group: ['wxt/*'], message: CORE_IS_PURE },
    { group: ['**/lib', '**/lib/**', '**/components', '**/components/**', '**/entrypoints', '**/entrypoints/**'], message: CORE_IS_PURE },
  ],
};
const CLI_IS_NODE = 'The command line (cli/) runs in Node over the core: no browser glue (lib), UI (components), entrypoints or WXT in it.';
const cliIsNode = {
  paths: coreIsPure.paths.map((path) => ({ ...path, message: CLI_IS_NODE })),
  patterns: coreIsPure.patterns.map((pattern) => ({ ...pattern, message: CLI_IS_NODE })),
};
const CORE_BELOW_CLI = 'The core is below the command line (cli/ calls core/, never the other way).';
const coreBelowCli = { patterns: [{ group: ['**/cli', '**/cli/**'], message: CORE_BELOW_CLI }] };
const PURE_LAYER_STANDS_ALONE =
  'The domain (model, columns, compare, eligibility, evidence, history, money) knows no storage, messages, dashboards or command line: pass it data instead.';
const domainStandsAlone = {
  patterns: [
    {
      // core/sites.ts and core/taught-sites.ts are the dashboards' list: the sources layer too.
      group: ['**/store', '**/store/**', '**/messaging', '**/messaging/**', '**/sources', '**/sources/**', '**/sites', '**/sites.ts', '**/taught-sites', '**/taught-sites.ts', '**/cli', '**/cli/**'],
      message: PURE_LAYER_STANDS_ALONE,
    },
  ],
};
const STORE_BELOW_MESSAGES = 'The store sits below the message layer and knows no dashboard: move the shared type or rule down (core/model).';
const storeBelowMessages = {
  patterns: [{ group: ['**/messaging', '**/messaging/**', '**/sources', '**/sources/**', '**/sites', '**/sites.ts'], message: STORE_BELOW_MESSAGES }],
};
const COMPONENTS_NO_GLUE = 'Components render what they are given: pass browser glue (lib/) in as props or from the entrypoint.';
const componentsNoGlue = {
  patterns: [{ group: ['**/lib', '**/lib/**'], message: COMPONENTS_NO_GLUE }],
};

/** One `no-restricted-imports` setting made of several sets. */
function restrict(...sets) {
  return [
    'error',
    { paths: sets.flatMap((set) => set.paths ?? []), patterns: sets.flatMap((set) => set.patterns ?? []) },
  ];
}

const PURE_LAYER = ['core/model/**', 'core/compare/**', 'core/eligibility/**', 'core/evidence/**', 'core/history/**', 'core/money/**', 'core/columns/**'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'bench-output/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page text is rendered as text, never as markup; no code from strings.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render page text as text (textContent / JSX), never as markup.' },
        { property: 'outerHTML', message: 'Render page text as text (textContent / JSX), never as markup.' },
        { property: 'insertAdjacentHTML', message: 'Render page text as text (textContent / JSX), never as markup.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render page text as text, never as markup.' },
      ],
      'no-restricted-imports': restrict(zodDoor),
    },
  },
  // Layers (docs/architecture.md): each entry repeats the sets above it that still apply.
  { files: ['core/**'], rules: { 'no-restricted-imports': restrict(zodDoor, coreIsPure, coreBelowCli) } },
  { files: ['cli/**'], rules: { 'no-restricted-imports': restrict(zodDoor, cliIsNode) } },
  { files: PURE_LAYER, rules: { 'no-restricted-imports': restrict(zodDoor, coreIsPure, domainStandsAlone) } },
  {
    files: ['core/store/**'],
    rules: { 'no-restricted-imports': restrict(zodDoor, coreIsPure, coreBelowCli, storeBelowMessages) },
  },
  // The wrapper that sets jitless mode is the only module that imports zod itself.
  { files: ['core/zod.ts'], rules: { 'no-restricted-imports': restrict(coreIsPure) } },
  { files: ['components/**'], rules: { 'no-restricted-imports': restrict(zodDoor, componentsNoGlue) } },
  {
    // Content scripts run inside the dashboards: they must never open IndexedDB (it would be
    // the website's storage), so the store and idb are off limits there.
    files: ['entrypoints/*.content/**', 'entrypoints/*.content.ts', 'entrypoints/*-main-world*/**', 'entrypoints/*.main-world.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Content scripts stay small: check shapes by hand (core/sources/spotify/parsers/shape.ts).' },
            { name: 'idb', message: 'Content scripts never open IndexedDB; send a reading to the background.' },
          ],
          patterns: [
            // Content scripts must stay small (bench/budgets.ts): no zod in them at all.
            { group: ['zod/*'], message: 'Content scripts stay small: check shapes by hand (core/sources/spotify/parsers/shape.ts).' },
            { group: ['**/core/store/**', '**/core/store'], message: 'Content scripts never open IndexedDB; send a reading to the background.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
