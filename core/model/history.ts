import type { MoneyRecord } from './money';
import type { ProvenanceRecord } from './provenance';
import type { Observation, Track } from './schema';

/** A snapshot history: what the extension stores and what a history file holds. */
export interface History {
  tracks: Track[];
  observations: Observation[];
  /** Money from sales reports (docs/contracts.md §3); absent in histories without any. */
  money?: MoneyRecord[];
  /** Which recipe read which reading (core/model/provenance.ts); absent when everything came from built-in knowledge. */
  provenance?: ProvenanceRecord[];
}
