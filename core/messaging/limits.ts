/**
 * Caps of a reading that content scripts need too. Kept apart from the schemas (reading.ts),
 * so a content script can use them without bundling zod.
 */

/** At most this many data responses are listed per reading (a visit's diagnostics). */
export const MAX_READING_RESPONSES = 50;
