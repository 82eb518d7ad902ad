import type { BrowserName, Driver, LaunchDriver, LaunchOptions } from '../drivers/types';

/** One user journey, written once and run by each browser's driver. */
export interface Journey {
  title: string;
  /** Only in these browsers (platform behaviour that the other one does not have). */
  only?: readonly BrowserName[];
  launchOptions?: LaunchOptions;
  /** A longer budget than the runner's default (playwright.config.ts), for journeys of many visits. */
  timeoutMs?: number;
  /** `launch` starts another browser with a fresh profile (closed by the journey). */
  run(driver: Driver, launch: LaunchDriver): Promise<void>;
}
