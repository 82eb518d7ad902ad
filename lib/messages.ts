/** The typed client for content scripts and extension pages (one place that names `browser`). */
import { browser } from 'wxt/browser';
import { createClient } from '../core/messaging/client';

/** Firefox's event page can be mid-suspension for an instant: the message then finds nobody. */
const NOBODY_LISTENING = /Receiving end does not exist|Could not establish connection/;

async function sendOnce(message: unknown): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch (error) {
    // One retry wakes the background again; anything else is a real failure.
    if (error instanceof Error && NOBODY_LISTENING.test(error.message)) return browser.runtime.sendMessage(message);
    throw error;
  }
}

export const send = createClient(sendOnce);
