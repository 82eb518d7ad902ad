/** The shared journeys (test/e2e/journeys) in Chromium, with the Chrome MV3 build. */
import { launchChromium } from './drivers/chromium';
import { registerJourneys } from './journeys';

registerJourneys('chromium', launchChromium);
