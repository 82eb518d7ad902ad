import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS } from './core/sites';
import { OPTIONAL_HOST_PERMISSIONS } from './core/taught-sites';
import { POPUP_SHORTCUT } from './lib/shortcut';

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// Firefox-only keys stay out of the Chrome manifest (function form).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  // The sources zip for AMO reviewers: what builds the extension, not what running it made.
  zip: { excludeSources: ['demo-output/**', 'bench-output/**', 'test-results/**', 'playwright-report/**', 'dist/**', '**/*.log'] },
  hooks: {
    // `npm run dev` starts no browser (web-ext.config.ts): say where the build is.
    'server:started': (wxt) => {
      console.log(`dev: load ${wxt.config.outDir} as an unpacked extension (chrome://extensions → Developer mode → Load unpacked; Firefox: about:debugging → Load Temporary Add-on → its manifest.json); it rebuilds on every change.`);
    },
  },
  manifest: ({ browser }) => ({
    // Name and description in the browser's language from public/_locales (docs/i18n.md).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: ICONS,
    action: { default_title: '__MSG_actionTitle__', default_icon: ICONS },
    commands: { _execute_action: { suggested_key: { default: POPUP_SHORTCUT }, description: '__MSG_commandOpen__' } },
    // unlimitedStorage: the snapshot history grows for years and must never be evicted.
    // scripting: the observer and reader of a dashboard the artist adds are registered at run
    // time, only where the artist gave access (entrypoints/background/dashboard-scripts.ts).
    permissions: ['unlimitedStorage', 'scripting'],
    host_permissions: [...HOST_PERMISSIONS],
    // Asked for one site at a time, when the artist adds that dashboard (never as a whole).
    optional_host_permissions: [...OPTIONAL_HOST_PERMISSIONS],
    // Main-world content scripts (the page observers) need Chrome 111.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '111' }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'crosscount@crosscount.app',
              // data_collection_permissions needs Firefox 140 (desktop) / 142 (Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
