import type { Migration } from './types';

/**
 * Version 1, the first layout: tracks stored as plain contract Tracks, observations keyed by
 * their full identity (track, source, store, metric, day, observedAt), readings for the
 * diagnostics page, one settings record.
 */
export const initial: Migration = {
  version: 1,
  description: 'tracks, observations, readings and settings',
  migrate(db) {
    db.createObjectStore('tracks', { keyPath: 'id' });
    db.createObjectStore('observations', { keyPath: ['track', 'source', 'store', 'metric', 'day', 'observedAt'] });
    const readings = db.createObjectStore('readings', { keyPath: 'id' });
    readings.createIndex('readAt', 'readAt');
    db.createObjectStore('settings');
  },
};
