/**
 * Puts a history into the loaded extension's store the way the history page does: a history
 * file sent as `ui:importHistory` from one of the extension's own pages.
 */
import type { BrowserContext } from '@playwright/test';
import { writeHistoryFile } from '../../core/history/write';
import type { History } from '../../core/model/history';

/**
 * `from`: the extension page that sends it. The history page (the default) asks the background
 * for its own views as it opens; the welcome page asks for nothing, so a small import sent from
 * it leaves the background alone with the import (what a reading from a dashboard does).
 */
export async function seedExtension(context: BrowserContext, extensionId: string, history: History, from: 'options.html' | 'welcome.html' = 'options.html'): Promise<{ tracksAdded: number; observationsAdded: number }> {
  const text = writeHistoryFile(history, new Date());
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/${from}`);
    return await page.evaluate(async (fileText) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
      const reply = (await runtime.sendMessage({ type: 'ui:importHistory', payload: { fileName: 'bench-history.json', text: fileText } })) as {
        ok: boolean;
        data: { tracksAdded: number; observationsAdded: number };
        error?: string;
      };
      if (!reply.ok) throw new Error(reply.error);
      return reply.data;
    }, text);
  } finally {
    await page.close();
  }
}
