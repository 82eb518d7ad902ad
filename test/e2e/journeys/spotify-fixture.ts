/** The fixture S4A app's artist and songs (test/fixtures/pages/spotify), and reads of the store. */
import type { ReadingRecord } from '../../../core/messaging/protocol';
import type { Driver } from '../drivers/types';
import { dailyValues } from '../support/store-probe';

export { dailyValues };
import { SPOTIFY_SITE } from '../../../core/sources/spotify/site';
export const SPOTIFY_CHANNEL = SPOTIFY_SITE.channel;

export const ARTIST = '3kXmZp7QvR2nLw9YtB4sHd';
export const SONG_1 = '4uLU6hMCjMI75M1A2tKUQC';
export const SONG_2 = '7ouMYWpwJ422jRcDASZB7P';
/** Not in the catalog: a small song whose stats leave its zero days out (`{x}` without `y`). */
export const SONG_3 = '0VjIjW4GlUZAMYd2vXMi3b';
/** Not in the catalog: its page draws 2026-03-20 and 2026-03-21 differently from its response (`_pageChart`). */
export const SONG_DISAGREES = '5pXcLm2QvR8nKw3YtB7sJe';
export const songPath = (track: string) => `/c/artist/${ARTIST}/song/${track}/stats`;
export const songUrl = (track: string) => `https://artists.spotify.com${songPath(track)}`;
export const SONGS_URL = `https://artists.spotify.com/c/artist/${ARTIST}/music/songs`;
/** Days 2026-03-03 … 2026-03-29 of the fixture stats (2026-03-30 is after latestDate). */
export const STORED_DAYS = 27;

export async function storedDayCount(driver: Driver, spotifyTrackId: string): Promise<number> {
  return Object.keys(dailyValues(await driver.storedHistory(), spotifyTrackId)).length;
}

/** The readings log (newest first), as the history page's diagnostics show it. */
export async function storedReadings(driver: Driver): Promise<ReadingRecord[]> {
  const reply = await driver.sendMessage<{ readings: ReadingRecord[] }>('ui:getReadings', { limit: 1000 });
  if (!reply.ok) throw new Error(`ui:getReadings: ${reply.error}`);
  return reply.data.readings;
}
