import type { Observation, Track } from './schema';

/** A snapshot history: what the extension stores and what a history file holds. */
export interface History {
  tracks: Track[];
  observations: Observation[];
}
