import { expect } from '@playwright/test';
import { writeHistoryFile } from '../../../core/history/write';
import type { ImportResult } from '../../../core/messaging/protocol';
import type { Journey } from './types';
import { SONG_1, SONG_2, songUrl, STORED_DAYS, storedDayCount } from './spotify-fixture';

const EXPORTED_AT = new Date('2026-04-01T12:00:00.000Z');

/** What was read in one profile, exported as a history file and imported into a fresh one, is the same history. */
export const exportImport: Journey = {
  title: 'export and re-import into a fresh profile round-trips the history',
  async run(driver, launch) {
    const dashboard = await driver.openDashboard(songUrl(SONG_1));
    await dashboard.waitFor({ testId: 'song-stats', text: 'Harbour Lights' });
    await expect.poll(() => storedDayCount(driver, SONG_1), { timeout: 15_000 }).toBe(STORED_DAYS);
    await dashboard.click('nav-song-2');
    await expect.poll(() => storedDayCount(driver, SONG_2), { timeout: 15_000 }).toBe(STORED_DAYS);

    const exported = await driver.storedHistory();
    const file = writeHistoryFile(exported, EXPORTED_AT);
    await driver.close();

    const fresh = await launch();
    try {
      expect(await fresh.storedHistory()).toEqual({ tracks: [], observations: [] });
      const imported = await fresh.sendMessage<ImportResult>('ui:importHistory', { fileName: 'crosscount-history.json', text: file });
      expect(imported).toEqual({ ok: true, data: { tracksAdded: exported.tracks.length, observationsAdded: exported.observations.length, observationsUnchanged: 0 } });
      const history = await fresh.storedHistory();
      expect(writeHistoryFile(history, EXPORTED_AT)).toBe(file);
      expect(history.observations).toHaveLength(exported.observations.length);

      // The same file again changes nothing.
      const again = await fresh.sendMessage<ImportResult>('ui:importHistory', { fileName: 'crosscount-history.json', text: file });
      expect(again).toEqual({ ok: true, data: { tracksAdded: 0, observationsAdded: 0, observationsUnchanged: exported.observations.length } });
    } finally {
      await fresh.close();
    }
  },
};
