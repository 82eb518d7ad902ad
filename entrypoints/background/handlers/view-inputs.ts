/** What the views are built from, read from the store: the settings' options and one recording's history. */
import type { Store } from '../../../core/store';
import type { ViewOptions } from '../../../core/views/build';
import type { History } from '../../../core/model/history';

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
