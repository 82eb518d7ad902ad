/**
 * The money flags' thresholds (docs/domain.md "Money in the sales reports"). Numbers that are
 * our own inference say so. When a month's statement counts as settled is core/model/settle.ts.
 */

/**
 * RATE_OUTLIER: a rate counts as far from the usual one beyond this factor either way. Rates
 * vary by country and subscription mix month to month (docs/domain.md), so only a several-fold
 * difference is worth a look. Our inference, not a distributor's figure.
 */
export const RATE_OUTLIER_FACTOR = 3;
/** Rates over fewer streams than this are too noisy to call an outlier (or to set the usual rate). */
export const RATE_MIN_STREAMS = 100;
/** The usual rate needs at least this many other months of the same source, store and currency. */
export const RATE_MIN_BASELINE = 3;
