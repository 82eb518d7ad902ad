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
import { overlay } from './overlay';
import { overlayPrivacy } from './overlay-privacy';
import { reachStore } from './reach-store';
import { spotifyReader } from './spotify-reader';
import { spotifyAddresses } from './spotify-addresses';
import { german } from './german';
import type { Journey } from './types';

export const JOURNEYS: readonly Journey[] = [reachStore, spotifyReader, spotifyAddresses, forgedMessages, imusicianReader, exportImport, overlay, overlayPrivacy, backgroundIdle, hostPermissions, german];

export function registerJourneys(browserName: BrowserName, launch: LaunchDriver): void {
  test.describe(browserName, () => {
    for (const journey of JOURNEYS) {
      if (journey.only && !journey.only.includes(browserName)) continue;
      test(journey.title, async () => {
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
