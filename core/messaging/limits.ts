/**
 * Caps of a reading that content scripts need too. Kept apart from the schemas (reading.ts),
 * so a content script can use them without bundling zod.
 */

/** At most this many data responses are listed per reading (a visit's diagnostics). */
export const MAX_READING_RESPONSES = 50;

/**
 * A content script's pending batch holds at most this many observations and tracks; a page
 * that keeps posting gets its batch sent early and a new one started, so memory stays bounded
 * and every reading stays within the reading schema's caps (reading.ts, 20,000 and 2,000).
 */
export const MAX_BATCH_OBSERVATIONS = 20_000;
export const MAX_BATCH_TRACKS = 2_000;
/** Names of recognised / unrecognised shapes kept per batch (the reading keeps 200). */
export const MAX_BATCH_NAMES = 200;
