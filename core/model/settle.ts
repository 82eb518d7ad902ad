/**
 * Days after a day ends during which a distributor's count for it may still change, unless the
 * artist's setting or the history says otherwise (docs/domain.md: trends lag about 5 days). One
 * constant for the setting's default, the comparison and the dashboards' descriptors.
 */
export const DEFAULT_SETTLE_DAYS = 5;

/**
 * Sales reports arrive about 4 months after the streams, US sales often 1–2 months later
 * still: a month's statement counts as settled from the 6th month after it. One constant for
 * the monthly comparison's default and the money flags.
 */
export const STATEMENT_SETTLE_MONTHS = 6;
