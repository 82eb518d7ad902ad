/**
 * Where each distributor day's value came from, for the day table (docs/ui.md "Provenance"):
 * the reading that holds the day's value (its latest revision) names it by source and time,
 * and the store's provenance records say which recipe read it (core/model/provenance.ts).
 */
import type { DayComparison } from '../compare/types';
import type { Day } from '../model/day';
import { isBuiltInDistributorSource } from '../model/ids';
import { provenanceLookup, type Provenance, type ProvenanceRecord } from '../model/provenance';

export interface DayProvenance {
  day: Day;
  /** The distributor source of the row. */
  source: string;
  provenance: Provenance;
}

/** One entry per row with a distributor value, in the rows' order. */
export function dayProvenance(rows: readonly DayComparison[], records: readonly ProvenanceRecord[]): DayProvenance[] {
  const lookup = provenanceLookup(records, isBuiltInDistributorSource);
  const entries: DayProvenance[] = [];
  for (const row of rows) {
    if (row.distributor === null || row.distributorSource === '') continue;
    let holding: string | null = null;
    for (const revision of row.revisions) if (revision.source === row.distributorSource) holding = revision.observedAt;
    if (holding === null) continue;
    entries.push({ day: row.day, source: row.distributorSource, provenance: lookup(row.distributorSource, holding) });
  }
  return entries;
}
