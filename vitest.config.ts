import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/reliability/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/unit/i18n-setup.ts'],
    // Property tests and IndexedDB tests do real work; 2 cores here.
    testTimeout: 30_000,
  },
});
