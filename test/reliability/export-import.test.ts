/**
 * Guarantee 5 through the extension's own path: generated histories are imported into a real
 * store (ui:importHistory), exported as the history page does (ui:getHistory → history file),
 * imported into a fresh store and exported again: nothing is lost or changed, and importing
 * the export into the store it came from adds nothing. The file-level properties (write →
 * parse, CSV read back by a spreadsheet) are in test/unit/history/write.test.ts and csv.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { normaliseHistory } from '../../core/history/merge';
import { parseHistoryFile } from '../../core/history/parse';
import { writeHistoryFile } from '../../core/history/write';
import { routeMessage } from '../../core/messaging/router';
import type { History } from '../../core/model/history';
import { openStore } from '../../core/store';
import { createHandlers } from '../../entrypoints/background/handlers';
import { historyArbitrary, releasesArbitrary, songSeriesOfInputs, songSeriesOfResult } from '../unit/history/arbitraries';
import { extensionPage } from './support';

const EXPORTED_AT = new Date('2026-04-20T10:00:00.000Z');

async function extension() {
  const store = await openStore({ factory: new IDBFactory() });
  const handlers = createHandlers(async () => store);
  const ask = async <T,>(type: 'ui:importHistory' | 'ui:getHistory', payload: unknown): Promise<T> => {
    const reply = await routeMessage({ type, payload }, extensionPage, handlers);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as T;
  };
  return {
    importText: (text: string) => ask<{ observationsAdded: number; observationsUnchanged: number }>('ui:importHistory', { fileName: 'history.json', text }),
    exportText: async () => writeHistoryFile(await ask<History>('ui:getHistory', {}), EXPORTED_AT),
    close: () => store.close(),
  };
}

describe('export → import through the store is lossless', () => {
  it('for generated histories (revisions, several sources, tracks merging by identity)', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary(), async (history) => {
        const first = await extension();
        const second = await extension();
        try {
          await first.importText(writeHistoryFile(history, EXPORTED_AT));
          const exported = await first.exportText();
          // Every observation of the (normalised) input is in the export.
          expect(parseHistoryFile(exported).observations).toHaveLength(normaliseHistory(history).observations.length);

          await second.importText(exported);
          expect(parseHistoryFile(await second.exportText())).toEqual(parseHistoryFile(exported));
          // Back into the store it came from: nothing new.
          expect(await first.importText(exported)).toMatchObject({ observationsAdded: 0 });
        } finally {
          first.close();
          second.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('songs sharing an ISRC stay apart through the store', () => {
  it('keeps each song (single and album version) with its own series through import, import, export, re-import', async () => {
    await fc.assert(
      fc.asyncProperty(releasesArbitrary(), releasesArbitrary(), async (a, b) => {
        const first = await extension();
        const second = await extension();
        try {
          await first.importText(writeHistoryFile(a, EXPORTED_AT));
          await first.importText(writeHistoryFile(b, EXPORTED_AT));
          const expected = songSeriesOfInputs([a, b]);
          const exported = await first.exportText();
          expect(songSeriesOfResult(parseHistoryFile(exported), expected.keys())).toEqual(expected);
          await second.importText(exported);
          expect(songSeriesOfResult(parseHistoryFile(await second.exportText()), expected.keys())).toEqual(expected);
        } finally {
          first.close();
          second.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
