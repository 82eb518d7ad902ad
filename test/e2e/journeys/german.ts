import { expect } from '@playwright/test';
import { writeHistoryFile } from '../../../core/history/write';
import type { ImportResult } from '../../../core/messaging/protocol';
import { imusicianHistory } from './overlay';
import { SONG_1, songUrl } from './spotify-fixture';
import type { Journey } from './types';

/**
 * The browser in German, as an artist's would be (docs/i18n.md): the overlay, the popup and the
 * history page speak German, with German numbers. Chromium takes the language from its start
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
  },
};
