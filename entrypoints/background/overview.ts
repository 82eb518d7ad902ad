/**
 * The background's overview, kept incrementally (core/views/overview-cache.ts): the first one
 * reads the whole history; after that, each write says what it touched (`noteReading`,
 * `noteHistory`, `noteAll`) and only those tracks, new tracks and tracks whose record changed
 * (links, merges) are read again. Computations run one at a time, each taking the notes
 * made before it started: a write noted after that is met by the next one.
 */
import type { Reading } from '../../core/messaging/reading';
import type { History } from '../../core/model/history';
import type { Track } from '../../core/model/schema';
import { identityKeysOf, type Store } from '../../core/store';
import { trackFromRef } from '../../core/store/reading-batch';
import type { ViewOptions } from '../../core/views/build';
import { OverviewCache, type TrackData } from '../../core/views/overview-cache';
import type { Overview } from '../../core/views/types';

/** Past this share of the tracks to read again (and this many), one read of the whole history is cheaper. */
const WHOLE_READ_SHARE = 0.25;
const WHOLE_READ_MIN = 64;

interface Notes {
  all: boolean;
  ids: Set<string>;
  keys: Set<string>;
}

const noNotes = (): Notes => ({ all: false, ids: new Set(), keys: new Set() });

interface IncrementalOverview {
  /** A reading was stored (call after its write finished). */
  noteReading(reading: Reading): void;
  /** A history file was imported. */
  noteHistory(history: History): void;
  /** Tracks were changed by id (a link or unlink; their records change too). */
  noteTracks(ids: Iterable<string>): void;
  /** Anything may have changed (everything deleted). */
  noteAll(): void;
  compute(store: Store, options: ViewOptions, lastRead: Record<string, string | null>): Promise<Overview>;
}

export function incrementalOverview(): IncrementalOverview {
  const cache = new OverviewCache();
  let notes = noNotes();
  let queue: Promise<unknown> = Promise.resolve();

  const run = async (store: Store, options: ViewOptions, lastRead: Record<string, string | null>): Promise<Overview> => {
    const taken = notes;
    notes = noNotes();
    try {
      if (!cache.loaded || taken.all) {
        cache.replaceAll(await store.getHistory());
      } else {
        const current = await store.listTracks();
        const stale = cache.staleTracks(current, taken.ids, taken.keys, identityKeysOf);
        if (stale.length > Math.max(WHOLE_READ_MIN, current.length * WHOLE_READ_SHARE)) {
          cache.replaceAll(await store.getHistory());
        } else {
          const read = new Map<string, TrackData>();
          await Promise.all(
            stale.map(async (id) => {
              const [observations, money] = await Promise.all([store.getTrackObservations(id), store.getTrackMoney(id)]);
              read.set(id, { observations, money });
            }),
          );
          cache.update(current, read);
        }
      }
      return await cache.overview(options, lastRead, (trackId) => store.getTrackObservations(trackId));
    } catch (error) {
      // Half-applied: start again from the whole history next time.
      cache.clear();
      throw error;
    }
  };

  return {
    noteReading(reading) {
      for (const ref of reading.tracks) for (const key of identityKeysOf(trackFromRef(ref, reading.site))) notes.keys.add(key);
    },
    noteHistory(history) {
      for (const track of history.tracks) {
        notes.ids.add(track.id);
        for (const key of identityKeysOf(track as Track)) notes.keys.add(key);
      }
    },
    noteTracks(ids) {
      for (const id of ids) notes.ids.add(id);
    },
    noteAll() {
      notes.all = true;
    },
    compute(store, options, lastRead) {
      const result = queue.then(() => run(store, options, lastRead));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
