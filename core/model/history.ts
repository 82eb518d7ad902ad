import type { MoneyRecord } from './money';
import type { Observation, Track } from './schema';

/** A snapshot history: what the extension stores and what a history file holds. */
export interface History {
  tracks: Track[];
  observations: Observation[];
  /** Money from sales reports (docs/contracts.md §3); absent in histories without any. */
  money?: MoneyRecord[];
}
