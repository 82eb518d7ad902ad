import { expect } from '@playwright/test';
import { writeHistoryFile } from '../../../core/history/write';
import type { ImportResult } from '../../../core/messaging/protocol';
import { imusicianHistory } from './overlay';
import { SONG_1, songUrl } from './spotify-fixture';
import type { Journey } from './types';

/**
 * The browser in German, as an artist's would be (docs/i18n.md): the overlay, the popup and the
 * history page speak German, with German numbers, and so do the readers' own words (a page check
 * in the diagnostics). Chromium takes the language from its start
 * (LANGUAGE, --lang), Firefox from `intl.locale.requested` with Debian's German language pack.
 */
export const german: Journey = {
  title: 'in a German browser, the overlay, the popup and the history page are German',
  launchOptions: { language: 'de' },
  async run(driver) {
    const popup = await driver.openExtensionPage('popup.html');
    expect(await popup.waitFor({ testId: 'empty-state', text: 'Noch keine Aufnahmen' })).toContain('Öffne Spotify for Artists');
    await popup.close();

    const imported = await driver.sendMessage<ImportResult>('ui:importHistory', {
      fileName: 'imusician.json',
      text: writeHistoryFile(imusicianHistory(), new Date('2026-04-10T10:00:00.000Z')),
    });
    expect(imported.ok).toBe(true);

    const dashboard = await driver.openDashboard(songUrl(SONG_1));
    await dashboard.waitFor({ testId: 'overlay-day' }, { timeoutMs: 15_000 });
    await dashboard.waitFor({ testId: 'crosscount-overlay', text: 'Gefilterte Streams' });
    await dashboard.waitFor({ testId: 'crosscount-overlay', text: 'Auffällig' });
    expect(await dashboard.waitFor({ testId: 'overlay-eligibility' })).toMatch(/Streams in den letzten 12 Monaten, über der Tantiemen-Schwelle von 1\.000/);

    const history = await driver.openExtensionPage('options.html');
    expect(await history.waitFor({ testId: 'track-panel', text: 'Abgeschlossen nach' })).toMatch(/von 1\.000 Streams in den letzten 12 Monaten|Streams in den letzten 12 Monaten \(1\.000 nötig\)/);
    expect(await history.waitFor({ testId: 'day-table', text: 'Differenz' })).toContain('Gründe');

    const later = await driver.openExtensionPage('popup.html');
    expect(await later.waitFor({ testId: 'popup-summary', text: 'vergütet' })).toMatch(/^\d+ Aufnahmen? · \d+ vergütet$/);

    // A reader's own words too: the iMusician page drawing one day otherwise than its data
    // (the HYPOTHETICAL test switch of test/fixtures/pages/imusician/trends.html, as in
    // ./imusician-reader.ts) is checked, and the diagnostics say why in German.
    const misrendered = await driver.openDashboard('https://www.imusician.pro/app/analytics/trends?misrender=2026-03-10');
    await misrendered.waitFor({ testId: 'trends' });
    // Its reading is checked (in the background) once the table is there, and sent when the tab is left.
    await misrendered.waitFor({ testId: 'crosscount-overlay' }, { timeoutMs: 15_000 });
    const diagnostics = await driver.openExtensionPage('options.html#diagnostics');
    let why = '';
    await expect
      .poll(
        async () => {
          why = await diagnostics.waitFor({ testId: 'visit-response-check', text: 'mit den Tagen der Seite abgeglichen' }, { timeoutMs: 3_000 }).catch(async () => {
            await diagnostics.reload();
            return '';
          });
          return why !== '';
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(why).toMatch(/mit den Tagen der Seite abgeglichen: 26 von 27 Tagen stimmen überein; nicht gespeichert: .*233.*240/);
    expect(why).not.toMatch(/checked against|not stored|response/);
  },
};
