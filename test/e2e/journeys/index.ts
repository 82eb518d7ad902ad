/**
 * Every journey, registered as Playwright tests for one browser's driver: one browser (fresh
 * profile) per journey, closed afterwards whatever happens.
 */
import { test } from '@playwright/test';
import type { BrowserName, LaunchDriver } from '../drivers/types';
import { backgroundIdle } from './background-idle';
import { exportImport } from './export-import';
import { forgedMessages } from './forged-messages';
import { hostPermissions } from './host-permissions';
import { imusicianReader } from './imusician-reader';
import { money } from './money';
import { overlay } from './overlay';
import { overlayDistributor } from './overlay-distributor';
import { overlayPrivacy } from './overlay-privacy';
import { reachStore } from './reach-store';
import { spotifyReader } from './spotify-reader';
import { spotifyAddresses } from './spotify-addresses';
import { spotifyPageCheck } from './spotify-page-check';
import { german } from './german';
import type { Journey } from './types';

export const JOURNEYS: readonly Journey[] = [reachStore, spotifyReader, spotifyAddresses, spotifyPageCheck, forgedMessages, imusicianReader, exportImport, overlay, overlayDistributor, overlayPrivacy, backgroundIdle, hostPermissions, german, money];

export function registerJourneys(browserName: BrowserName, launch: LaunchDriver): void {
  test.describe(browserName, () => {
    for (const journey of JOURNEYS) {
      if (journey.only && !journey.only.includes(browserName)) continue;
      test(journey.title, async () => {
        if (journey.timeoutMs) test.setTimeout(journey.timeoutMs);
        const driver = await launch(journey.launchOptions);
        try {
          await journey.run(driver, launch);
        } finally {
          await driver.close();
        }
      });
    }
  });
}
