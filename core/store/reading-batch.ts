/**
 * What a reading contributes to the history: its TrackRefs as Track-like candidates for
 * matching, and its observations with `source` = the site and `observedAt` = when it was read.
 * Observation `track` fields still hold the reading-local ref until tracks are matched.
 */
import type { Reading, TrackRef } from '../model/reading';
import { lastDayOfMonth, monthOf } from '../model/day';
import type { Observation, Track } from '../model/schema';
import { identityKeysOf } from './identity';

interface ReadingBatch {
  tracks: Track[];
  observations: Observation[];
  /** Observations left out because their track had nothing to match it by. */
  skipped: number;
}

class ReadingError extends Error {
  override name = 'ReadingError';
}

export function trackFromRef(ref: TrackRef, site: Reading['site']): Track {
  return {
    id: ref.ref,
    isrc: ref.isrc,
    title: ref.title,
    artists: [...ref.artists],
    spotifyTrackIds: ref.spotifyTrackId ? [ref.spotifyTrackId] : [],
    distributorIds: ref.distributorId ? { [site]: ref.distributorId } : {},
  };
}

/**
 * Throws ReadingError for a reading that contradicts itself (a ref named twice, an
 * observation naming no track, a monthly total not dated on the month's last day).
 */
export function readingBatch(reading: Reading): ReadingBatch {
  const tracks = new Map<string, Track>();
  reading.tracks.forEach((ref, index) => {
    if (tracks.has(ref.ref)) throw new ReadingError(`tracks[${index}].ref: ${JSON.stringify(ref.ref)} is named twice in the reading`);
    tracks.set(ref.ref, trackFromRef(ref, reading.site));
  });
  const observations: Observation[] = [];
  let skipped = 0;
  reading.observations.forEach((obs, index) => {
    const track = tracks.get(obs.ref);
    if (!track) throw new ReadingError(`observations[${index}].ref: ${JSON.stringify(obs.ref)} names no track in the reading`);
    if (obs.metric === 'streams_month' && obs.day !== lastDayOfMonth(monthOf(obs.day))) {
      throw new ReadingError(`observations[${index}].day: a streams_month observation must be dated on the last day of its month`);
    }
    // A track with no ISRC, Spotify id or distributor id could never be matched again: every
    // re-read would create another copy of it. Leave it out (the reading record still counts it).
    if (identityKeysOf(track).length === 0) {
      skipped++;
      return;
    }
    observations.push({
      track: obs.ref,
      source: reading.site,
      store: obs.store,
      metric: obs.metric,
      day: obs.day,
      value: obs.value,
      observedAt: reading.readAt,
    });
  });
  // A track listed without observations is kept only when the reading names it (a catalog
  // gives titles to songs not visited yet); a bare id with nothing read about it adds nothing.
  const observed = new Set(observations.map((obs) => obs.track));
  const kept = [...tracks.values()].filter((track) => identityKeysOf(track).length > 0 && (observed.has(track.id) || track.title.trim() !== ''));
  return { tracks: kept, observations, skipped };
}
