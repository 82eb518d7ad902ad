import { expect } from '@playwright/test';
import { writeHistoryFile } from '../../../core/history/write';
import type { History } from '../../../core/model/history';
import type { ImportResult } from '../../../core/messaging/protocol';
import type { Journey } from './types';
import { SONG_1, songUrl } from './spotify-fixture';

/** What importing DistroKid sales reports leaves for the fixture song: monthly Spotify streams, no daily counts. */
function distrokidReports(): History {
  const month = (day: string, value: number) => ({ track: 'dk-harbour', source: 'distrokid', store: 'spotify', metric: 'streams_month' as const, day, value, observedAt: '2026-03-15T08:00:00.000Z' });
  return {
    tracks: [{ id: 'dk-harbour', isrc: 'QZHN52600101', title: 'Harbour Lights', artists: ['Lake Avenue'], spotifyTrackIds: [], distributorIds: {} }],
    observations: [month('2026-01-31', 6120), month('2026-02-28', 5890)],
  };
}

/** The panel on Spotify for Artists names the distributor the recording's data came from (DistroKid reports), not iMusician. */
export const overlayDistributor: Journey = {
  title: 'the panel names the distributor the data came from (DistroKid reports) and the right next step',
  async run(driver) {
    const imported = await driver.sendMessage<ImportResult>('ui:importHistory', { fileName: 'distrokid.json', text: writeHistoryFile(distrokidReports(), new Date('2026-03-15T08:00:00.000Z')) });
    expect(imported.ok).toBe(true);

    const dashboard = await driver.openDashboard(songUrl(SONG_1));
    const hint = await dashboard.waitFor({ testId: 'overlay-hint', text: 'DistroKid' }, { timeoutMs: 15_000 });
    expect(hint).toBe('DistroKid data for this song comes from monthly reports: the history page compares it month by month.');
    expect(await dashboard.textOf({ testId: 'crosscount-overlay', text: 'iMusician' })).toBeNull();
  },
};
