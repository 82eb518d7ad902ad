/**
 * Days after a day ends during which a distributor's count for it may still change, unless the
 * artist's setting or the history says otherwise (docs/domain.md: trends lag about 5 days). One
 * constant for the setting's default, the comparison and the dashboards' descriptors.
 */
export const DEFAULT_SETTLE_DAYS = 5;
