/**
 * Where a stored reading's numbers came from (docs/contracts.md §1 "Provenance"): built-in
 * knowledge of a dashboard, or a recipe the artist confirmed. Recipe readings have a record,
 * and so do readings of a built-in recipe (iMusician's responses, origin `built-in`,
 * core/recipes/built-in.ts); a revision without one was read by built-in knowledge that is no
 * recipe (Spotify for Artists, a dashboard's table), was stored before built-in recipes
 * existed, or was imported from a file that did not say. All revisions of one reading share
 * its source and reading time, so the pair names them.
 */
export type ProvenanceOrigin = 'built-in' | 'taught' | 'imported';

export interface ProvenanceRecord {
  source: string;
  /** The reading's time: every revision it stored has this observedAt. */
  observedAt: string;
  /** The recipe's id ("r-…"). */
  recipe: string;
  /** The recipe's name when it read (renaming a recipe later renames it here too). */
  recipeName: string;
  /** When the artist confirmed the recipe (canonical ISO instant); absent when the store no longer had it. */
  confirmedAt?: string;
  /** Whether the recipe was taught here, imported from a file or shipped (core/recipes/README.md). */
  origin?: ProvenanceOrigin;
}

/**
 * How a day's value was read, for the day table and the evidence report: by built-in
 * knowledge of a dashboard, by a recipe, or neither (`file`: only an imported file can bring a
 * value of a source Crosscount has no built-in knowledge of without a recipe's record).
 */
export type Provenance =
  | { kind: 'built-in' }
  | { kind: 'recipe'; recipe: string; recipeName: string; confirmedAt?: string; origin?: ProvenanceOrigin }
  | { kind: 'file' };

export const BUILT_IN: Provenance = { kind: 'built-in' };

/** The key a reading's revisions share: source and reading time. */
export function provenanceKey(source: string, observedAt: string): string {
  return `${source}\u0000${observedAt}`;
}

function recipeProvenance(record: ProvenanceRecord): Provenance {
  const provenance: Provenance = { kind: 'recipe', recipe: record.recipe, recipeName: record.recipeName };
  if (record.confirmedAt !== undefined) provenance.confirmedAt = record.confirmedAt;
  if (record.origin !== undefined) provenance.origin = record.origin;
  return provenance;
}

/**
 * A lookup of the revisions' provenance by source and observedAt: a recipe's when a record
 * names the reading (built-in when that recipe is a built-in one: the screens and the report
 * say "built-in" as for any built-in reading), else built-in where `builtIn(source)` (a
 * dashboard Crosscount knows), else `file`.
 */
export function provenanceLookup(records: readonly ProvenanceRecord[], builtIn: (source: string) => boolean = () => true): (source: string, observedAt: string) => Provenance {
  const byKey = new Map(records.map((record) => [provenanceKey(record.source, record.observedAt), record]));
  return (source, observedAt) => {
    const record = byKey.get(provenanceKey(source, observedAt));
    if (record) return record.origin === 'built-in' ? BUILT_IN : recipeProvenance(record);
    return builtIn(source) ? BUILT_IN : FROM_FILE;
  };
}

const FROM_FILE: Provenance = { kind: 'file' };

/**
 * The records a set of observations uses (those whose source and reading time one of them
 * has), in canonical order: by source, then reading time. Records naming no observation say
 * nothing and are left out.
 */
export function provenanceOf(records: readonly ProvenanceRecord[], observations: Iterable<{ source: string; observedAt: string }>): ProvenanceRecord[] {
  if (records.length === 0) return [];
  const used = new Set<string>();
  for (const obs of observations) used.add(provenanceKey(obs.source, obs.observedAt));
  return records.filter((record) => used.has(provenanceKey(record.source, record.observedAt))).sort(compareProvenance);
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Source, reading time, then the recipe fields: a total order, so a merge's choice does not depend on input order. */
export function compareProvenance(a: ProvenanceRecord, b: ProvenanceRecord): number {
  return (
    byCodeUnits(a.source, b.source) ||
    byCodeUnits(a.observedAt, b.observedAt) ||
    byCodeUnits(a.recipe, b.recipe) ||
    byCodeUnits(a.recipeName, b.recipeName) ||
    byCodeUnits(a.confirmedAt ?? '', b.confirmedAt ?? '') ||
    byCodeUnits(a.origin ?? '', b.origin ?? '')
  );
}
