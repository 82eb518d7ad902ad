/**
 * Where a stored reading's numbers came from (docs/contracts.md §1 "provenance"): built-in
 * knowledge of a dashboard, or a recipe the artist confirmed. Only recipe readings have a
 * record; a revision without one was read by built-in knowledge (or imported from a file
 * that did not say). All revisions of one reading share its source and reading time, so the
 * pair names them.
 */
export interface ProvenanceRecord {
  source: string;
  /** The reading's time: every revision it stored has this observedAt. */
  observedAt: string;
  /** The recipe's id ("r-…"). */
  recipe: string;
  /** The recipe's name when it read (renaming a recipe later renames it here too). */
  recipeName: string;
}

/** How a day's value was read, for the day table and the evidence report. */
export type Provenance = { kind: 'built-in' } | { kind: 'recipe'; recipe: string; recipeName: string };

export const BUILT_IN: Provenance = { kind: 'built-in' };

/** The key a reading's revisions share: source and reading time. */
export function provenanceKey(source: string, observedAt: string): string {
  return `${source}\u0000${observedAt}`;
}

/** A lookup of the revisions' provenance by source and observedAt (built-in when unknown). */
export function provenanceLookup(records: readonly ProvenanceRecord[]): (source: string, observedAt: string) => Provenance {
  const byKey = new Map(records.map((record) => [provenanceKey(record.source, record.observedAt), record]));
  return (source, observedAt) => {
    const record = byKey.get(provenanceKey(source, observedAt));
    return record ? { kind: 'recipe', recipe: record.recipe, recipeName: record.recipeName } : BUILT_IN;
  };
}
