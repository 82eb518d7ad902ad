/**
 * The shared journeys (test/e2e/journeys) in Firefox, with the Firefox MV3 build, driven by
 * puppeteer-core over WebDriver BiDi (Playwright cannot drive stock Firefox). Playwright is
 * only the test runner here.
 *
 * No Firefox: a clear skip on a developer's machine, a failure in CI (never a silent pass).
 */
import { test } from '@playwright/test';
import { firefoxPath, NO_FIREFOX_MESSAGE } from './support/browser-path';
import { launchFirefox } from './drivers/firefox';
import { registerJourneys } from './journeys';

if (firefoxPath() === null) {
  if (process.env.CI) {
    test('Firefox is installed (required in CI)', () => {
      throw new Error(`${NO_FIREFOX_MESSAGE}. CI must run the Firefox journeys.`);
    });
  } else {
    const reason = `${NO_FIREFOX_MESSAGE}; the Firefox journeys were skipped.`;
    // The list reporter does not print skip reasons: say it where the developer looks.
    console.warn(`firefox.spec.ts: ${reason}`);
    test.skip(true, reason);
    registerJourneys('firefox', launchFirefox);
  }
} else {
  registerJourneys('firefox', launchFirefox);
}
