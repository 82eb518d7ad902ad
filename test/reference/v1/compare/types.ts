/**
 * The result of `compare` (docs/contracts.md §2, `compare --json`). Field names and the nine reason
 * codes are a fixed public contract: scripts read them. Additions must stay backward-compatible.
 */
import type { Day, Month } from '../../../../core/model/day';

export const REASON_CODES = [
  'MATCH',
  'REPORTING_DELAY',
  'FILTERED_PLAYS',
  'OTHER_STORES',
  'DAY_SHIFT',
  'LATE_REVISION',
  'LOW_VOLUME',
  'MISSING_SOURCE',
  'ANOMALY',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export type ReasonLevel = 'expected' | 'possible' | 'unexplained';

/**
 * The levels each code may carry. A code keeps one meaning everywhere; where a code has two
 * levels, `possible` is the same reason given with less certainty (too early, no usual ratio yet).
 * Only ANOMALY is ever `unexplained`, and ANOMALY is always `unexplained`.
 */
export const LEVELS_BY_CODE: Readonly<Record<ReasonCode, readonly ReasonLevel[]>> = {
  MATCH: ['expected'],
  REPORTING_DELAY: ['expected', 'possible'],
  FILTERED_PLAYS: ['expected', 'possible'],
  OTHER_STORES: ['expected', 'possible'],
  DAY_SHIFT: ['expected'],
  LATE_REVISION: ['expected'],
  LOW_VOLUME: ['expected'],
  MISSING_SOURCE: ['possible'],
  ANOMALY: ['unexplained'],
};

/** Short labels for chips (docs/ui.md "Reason levels"). */
export const REASON_LABELS: Readonly<Record<ReasonCode, string>> = {
  MATCH: 'Match',
  REPORTING_DELAY: 'Delay',
  FILTERED_PLAYS: 'Filtered plays',
  OTHER_STORES: 'Other stores',
  DAY_SHIFT: 'Day shift',
  LATE_REVISION: 'Revised',
  LOW_VOLUME: 'Few streams',
  MISSING_SOURCE: 'Missing',
  ANOMALY: 'Anomaly',
};

export interface Reason {
  code: ReasonCode;
  level: ReasonLevel;
  message: string;
}

export interface RevisionEntry {
  /** "spotify" (Spotify for Artists) or the distributor id. */
  source: string;
  value: number;
  /** When this value was first read (canonical ISO instant). */
  observedAt: string;
}

export type DayStatus = 'settled' | 'pending' | 'missing';

/** What a day row and a month row share: both counts side by side, and why they differ. */
export interface ComparedPair {
  spotify: number | null;
  distributor: number | null;
  distributorSource: string;
  /** distributor − spotify; null when either is absent. */
  diff: number | null;
  /** distributor / spotify; null when either is absent or spotify is 0. */
  ratio: number | null;
  status: DayStatus;
  /** Main reason first. Frozen: rows with the same figures share their reasons. */
  reasons: readonly Reason[];
}

export interface DayComparison extends ComparedPair {
  day: Day;
  revisions: readonly RevisionEntry[];
}

/**
 * What was learnt about one distributor source of a track. Not in the original §2 list: an
 * additive field so a track with two distributors can show each one's usual ratio and window.
 */
export interface SourceSummary {
  source: string;
  /** The store whose counts are compared: "spotify" when the distributor has it, else "all". */
  store: string;
  baselineRatio: number | null;
  /** Settled days with enough streams that the usual ratio was computed from. */
  baselineDays: number;
  lagDays: number;
  /** Days after a day's end before the distributor's count counts as settled. */
  settleDays: number;
  /** True when settleDays was learnt from this distributor's own revisions in the history. */
  settleLearned: boolean;
}

export interface TrackComparison {
  track: string;
  isrc: string | null;
  title: string;
  /** The usual distributor/S4A ratio of the main distributor source (see `sources`). */
  baselineRatio: number | null;
  lagDays: number;
  days: DayComparison[];
  sources: SourceSummary[];
}

export interface CompareResult {
  asOf: string;
  tracks: TrackComparison[];
}

export interface CompareOptions {
  /** Canonical ISO instant; only observations read at or before it count. */
  asOf: string;
  /** The settle window setting (default 5 days); a longer window learnt from the history wins. */
  settleDays?: number;
  /** Only the recordings with this ISRC. */
  isrc?: string;
}

export interface MonthComparison extends ComparedPair {
  month: Month;
  /** How many days of the month the S4A sum (`spotify`, null when S4A has no day of it) covers. */
  spotifyDays: number;
  /** Revisions of the distributor's monthly figure (report imports). */
  revisions: readonly RevisionEntry[];
}

export interface TrackMonthComparison {
  track: string;
  isrc: string | null;
  title: string;
  baselineRatio: number | null;
  months: MonthComparison[];
}

export interface CompareMonthsResult {
  asOf: string;
  tracks: TrackMonthComparison[];
}
