import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeHistoryFile } from '../../../core/history/write';
import type { History } from '../../../core/model/history';
import type { ImportResult } from '../../../core/messaging/protocol';
import type { Journey } from './types';
import { SONG_1, songUrl } from './spotify-fixture';

/** iMusician's trends for the fixture song: 91 % of S4A's count, and one incident day (2026-03-20). */
export function imusicianHistory(): History {
  const stats = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../fixtures/pages/spotify/api/stats-${SONG_1}.json`), 'utf8')) as {
    streams: { current_period_timeseries: { x: string; y: string }[] };
  };
  const observations = stats.streams.current_period_timeseries
    .filter((point) => point.x <= '2026-03-29')
    .map((point) => ({
      track: 'im-harbour',
      source: 'imusician',
      store: 'spotify',
      metric: 'streams' as const,
      day: point.x,
      value: Math.round(Number(point.y) * (point.x === '2026-03-20' ? 0.41 : 0.91)),
      observedAt: '2026-04-10T09:00:00.000Z',
    }));
  return {
    tracks: [{ id: 'im-harbour', isrc: 'CHA012400001', title: 'Harbour Lights', artists: ['Lake Avenue'], spotifyTrackIds: [], distributorIds: { imusician: '88213' } }],
    observations,
  };
}

/** The overlay (a shadow root in the dashboard) shows days, reasons and eligibility once both dashboards' data exist. */
export const overlay: Journey = {
  title: 'the overlay on a song page shows the days, their reasons and eligibility',
  async run(driver) {
    const imported = await driver.sendMessage<ImportResult>('ui:importHistory', {
      fileName: 'imusician.json',
      text: writeHistoryFile(imusicianHistory(), new Date('2026-04-10T10:00:00.000Z')),
    });
    expect(imported.ok).toBe(true);

    const dashboard = await driver.openDashboard(songUrl(SONG_1));
    // The S4A track was linked to iMusician's recording by its unambiguous title.
    expect(await dashboard.waitFor({ testId: 'crosscount-overlay', text: 'Harbour Lights' }, { timeoutMs: 15_000 })).toBeTruthy();
    await dashboard.waitFor({ testId: 'overlay-day' });
    await dashboard.waitFor({ testId: 'crosscount-overlay', text: 'Filtered plays' });
    await dashboard.waitFor({ testId: 'crosscount-overlay', text: 'Anomaly' });
    expect(await dashboard.waitFor({ testId: 'overlay-eligibility' })).toContain('streams in the last 12 months');
  },
};
