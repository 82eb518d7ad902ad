/**
 * Spotify's royalty-eligibility rule (docs/domain.md, in force since April 2024): a recording earns
 * recorded-music royalties in a calendar month only if it had at least 1,000 streams in the
 * previous 12 months, the month being evaluated included, plus an unpublished minimum of
 * unique listeners.
 */

/** Streams a recording needs in its 12-month window. */
export const ELIGIBILITY_THRESHOLD = 1000;

/** Calendar months in the window, the evaluated month included (750 then 500 → month two). */
export const WINDOW_MONTHS = 12;

/**
 * Days before `asOf` that may legitimately have no S4A value yet: S4A's numbers appear within
 * about a day (docs/domain.md), so yesterday and today are not a gap in the artist's readings.
 */
export const PUBLISH_DELAY_DAYS = 2;
