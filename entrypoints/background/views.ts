/**
 * What the handlers read from the store to build the screens' views: the artist's view
 * options, one recording's history (the track and those sharing its ISRC), when each
 * dashboard was last read.
 */
import type { Store } from '../../core/store';
import type { ViewOptions } from '../../core/views/build';
import type { History } from '../../core/model/history';
import { SITES } from '../../core/sites';

export async function viewOptions(store: Store, now: () => Date): Promise<ViewOptions> {
  const settings = await store.getSettings();
  return { asOf: now().toISOString(), settleDays: settings.settleDays, assumedListenerMinimum: settings.assumedListenerMinimum };
}

/** A track and the tracks sharing its ISRC, with their observations: enough for its views. */
export async function recordingHistory(store: Store, trackId: string): Promise<History> {
  const tracks = await store.listTracks();
  const track = tracks.find((candidate) => candidate.id === trackId);
  const related = track?.isrc ? tracks.filter((candidate) => candidate.isrc === track.isrc) : track ? [track] : [];
  const [observations, money] = await Promise.all([
    Promise.all(related.map((each) => store.getTrackObservations(each.id))).then((lists) => lists.flat()),
    Promise.all(related.map((each) => store.getTrackMoney(each.id))).then((lists) => lists.flat()),
  ]);
  return money.length > 0 ? { tracks: related, observations, money } : { tracks: related, observations };
}

export async function lastReadBySite(store: Store): Promise<Record<string, string | null>> {
  const readings = await store.listReadings(1000);
  const lastRead: Record<string, string | null> = {};
  for (const site of SITES) {
    lastRead[site.id] = readings.find((reading) => reading.site === site.id && reading.refused === null && reading.status === 'recognised')?.readAt ?? null;
  }
  return lastRead;
}
