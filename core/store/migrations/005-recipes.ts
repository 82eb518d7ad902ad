import type { Migration } from './types';

/**
 * Version 5: what the artist taught Crosscount (issue 17, docs/architecture.md "Added
 * dashboards"). `recipes`: one record per recipe, keyed by its id. `taughtSites`: the
 * distributors' dashboards the artist added, keyed by their source id. `provenance`: which
 * recipe read each reading, keyed by [source, observedAt] (a reading's observations all carry
 * its source and its reading time, so this names each stored revision's recipe without
 * touching the observation buckets). A revision without a provenance record came from
 * built-in knowledge, which is all that versions 1–4 could hold: nothing to convert.
 */
export const recipes: Migration = {
  version: 5,
  description: 'recipes, added dashboards and the recipe that read each reading',
  migrate(db) {
    db.createObjectStore('recipes', { keyPath: 'id' });
    db.createObjectStore('taughtSites', { keyPath: 'id' });
    const provenance = db.createObjectStore('provenance', { keyPath: ['source', 'observedAt'] });
    provenance.createIndex('recipe', 'recipe');
  },
};
