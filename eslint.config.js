// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: "Import { z } from core/zod.ts: it sets zod's jitless mode (extension CSP)." }],
          // zod/mini, zod/v4, zod/v4/core…: the same global setting is needed, so the same one door.
          patterns: [{ group: ['zod/*'], message: "Import { z } from core/zod.ts: it sets zod's jitless mode (extension CSP)." }],
        },
      ],
    },
  },
  {
    // The wrapper that sets jitless mode is the only module that imports zod itself.
    files: ['core/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
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
