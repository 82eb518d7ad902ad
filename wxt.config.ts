import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS } from './core/sites';

// Firefox-only keys stay out of the Chrome manifest (function form).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    // Name and description in the browser's language from public/_locales (docs/i18n.md).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitle__' },
    // unlimitedStorage: the snapshot history grows for years and must never be evicted.
    permissions: ['unlimitedStorage'],
    host_permissions: [...HOST_PERMISSIONS],
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
