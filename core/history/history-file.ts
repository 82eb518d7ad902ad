/** The history file of docs/contracts.md §1: its name, version and the limits a reader enforces. */

export const HISTORY_FORMAT = 'crosscount-history';
export const HISTORY_VERSION = 1;

/**
 * Caps that keep a hostile or mistaken file from exhausting memory. A busy artist with 200
 * tracks read daily for 10 years on two sources, with revisions, stays near 2 million
 * observations: the caps leave room for more than twice that.
 */
export const MAX_HISTORY_BYTES = 512 * 1024 * 1024;
export const MAX_HISTORY_TRACKS = 100_000;
export const MAX_HISTORY_OBSERVATIONS = 5_000_000;
