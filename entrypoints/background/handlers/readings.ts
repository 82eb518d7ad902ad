/**
 * What a dashboard page hands over: its responses to be read, its songs table, and the
 * readings built from them to be stored.
 */
import type { Message } from '../../../core/i18n/message';
import { message } from '../../../core/i18n/typed';
import type { Store } from '../../../core/store';
import { readingRefusal } from '../../../core/messaging/reading-policy';
import { recipeRefusal } from './taught';
import type { ResponseOf } from '../../../core/messaging/protocol';
import { readSpotifySongsTable } from '../../../core/sources/spotify/dom-songs-table';
import { parseSiteResponse } from '../../../core/sources/parse-in-background';
import type { HandlerContext, HandlerGroup } from './context';
import { isStorageFailure } from './store-health';
import { overlayViewFor } from './overlay';
import { checkPageInBackground } from '../../../core/page-check/in-background';

export function readingHandlers(context: HandlerContext): HandlerGroup<'cs:reading' | 'cs:parseResponse' | 'cs:readSongsTable' | 'cs:checkPage'> {
  const { store, health, views } = context;
  return {
    'cs:reading': context.write(async ({ overlayFor, ...reading }, sender) => {
      // The database cannot take it (it did not open, or the browser refused the write):
      // reading is paused, not lost. Nothing was stored (one transaction), and the page keeps
      // the reading and sends it again (same id) later.
      const paused = (error: unknown) => ({
        readingId: reading.id,
        added: 0,
        unchanged: 0,
        stored: false,
        paused: true,
        // The browser's error, in its words, is for support: inside the translated sentence.
        note: message('readingPaused', { detail: (error instanceof Error ? error.message : String(error)).slice(0, 200) }),
      });
      let opened: Store;
      try {
        opened = await store();
      } catch (error) {
        return paused(error);
      }
      let refused: Message | null;
      let counts: { added: number; unchanged: number };
      try {
        refused = readingRefusal(reading, sender, await opened.getSettings()) ?? (await recipeRefusal(opened, reading, sender));
        counts = await opened.ingestReading(reading, { refused });
      } catch (error) {
        if (!isStorageFailure(error)) throw error;
        health.writeFailed(error);
        return paused(error);
      }
      const { added, unchanged } = counts;
      if (added > 0 || reading.tracks.length > 0) {
        // A new S4A track may now be linkable to a distributor's recording by its title.
        try {
          await opened.autoLink();
        } finally {
          // Stored either way: the overview reads the touched tracks again.
          views.incremental.noteReading(reading);
          views.changed(true);
        }
      }
      const reply: ResponseOf<'cs:reading'> = { readingId: reading.id, added, unchanged, stored: refused === null, note: refused };
      // The panel's view comes with the answer: no second message after each reading.
      if (overlayFor) reply.overlay = await overlayViewFor(context, opened, overlayFor, sender);
      return reply;
    }),
    async 'cs:parseResponse'(response, sender) {
      if (sender.kind !== 'content') throw new Error('only a dashboard page sends its responses');
      return parseSiteResponse(sender.site.id, response);
    },
    async 'cs:readSongsTable'({ pageUrl, latestDate, today, locale, table }) {
      return readSpotifySongsTable(table, pageUrl, { latestDate, today, locale, titles: new Map() });
    },
    async 'cs:checkPage'(request) {
      return checkPageInBackground(request);
    },
  };
}
