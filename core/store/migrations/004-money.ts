import type { Migration } from './types';

/**
 * Version 4: money from sales reports (docs/contracts.md §3) in its own store, one record per
 * series (track, source, store, sales month, statement, currency) holding its revisions as
 * parallel arrays (observedAt, amounts, streams), like the observation buckets. `statement` is
 * '' when the report does not say (IndexedDB keys cannot hold null). Nothing to convert: no
 * earlier version kept money.
 */
export const money: Migration = {
  version: 4,
  description: 'money from sales reports, one record per track, source, store, month, statement and currency',
  migrate(db) {
    db.createObjectStore('money', { keyPath: ['track', 'source', 'store', 'month', 'statement', 'currency'] });
  },
};
