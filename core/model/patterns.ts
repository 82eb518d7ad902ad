/**
 * Identity patterns, free of zod so that the smallest bundles (the main-world page observer)
 * can use them without pulling the schema library in.
 */
export const ISRC_PATTERN = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;
/** Source, store and distributor ids: "spotify", "imusician", "apple", "24-7-musicshop" … */
export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
/** Spotify's base-62 track ids. */
export const SPOTIFY_TRACK_ID_PATTERN = /^[0-9A-Za-z]{22}$/;
/** Canonical instants as written by Date#toISOString (sortable as strings). */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
