/**
 * What the screens show, computed by the background from the stored history with the core
 * (compare, eligibility): the popup's overview, a track's full view for the history page, and
 * the compact view an overlay shows beside a dashboard's own stats.
 */
import type { DayComparison, MonthComparison, SourceSummary } from '../compare/types';
import type { EligibilityTrack } from '../eligibility';
import type { Observation, Track } from '../model/schema';
import type { MoneyTrack } from '../money';
import type { ProvenanceRecord } from '../model/provenance';
import type { MonthFlag, StatementLine } from './money';
import type { DayProvenance } from './provenance';
import type { WeekRow } from './weeks';

export interface RecordingSummary {
  /** The ISRC, or the track id for tracks without one. */
  key: string;
  isrc: string | null;
  title: string;
  trackIds: string[];
  eligibility: EligibilityTrack;
  /** Settled days whose difference nothing explains (ANOMALY), over the compared period. */
  unexplainedDays: number;
  /** The distributors this recording has any data from ("distrokid", "imusician" …), sorted. */
  distributorSources: string[];
  /** The last sales statement's money, once one is in (docs/contracts.md §3). */
  money: StatementLine | null;
}

export interface Overview {
  /** When it was computed (ISO instant). */
  asOf: string;
  recordings: RecordingSummary[];
  /** When each dashboard was last read (ISO instant), by site id; null when never. */
  lastRead: Record<string, string | null>;
  trackCount: number;
  observationCount: number;
}

export interface TrackView {
  track: Track;
  /** Other tracks counted with it for eligibility (same ISRC). */
  relatedTrackIds: string[];
  days: DayComparison[];
  sources: SourceSummary[];
  baselineRatio: number | null;
  lagDays: number;
  months: MonthComparison[];
  eligibility: EligibilityTrack | null;
  /** The raw observations of the track (all revisions), for the chart. */
  observations: Observation[];
  /** The recording's money view (Money tab); null without any report or S4A data. */
  money: MoneyTrack | null;
  /** Which recipe read which of the track's readings (for the evidence report), sorted. */
  provenance: ProvenanceRecord[];
  /** Where each distributor day's value came from (the day table), one per day with a distributor value. */
  dayProvenance: DayProvenance[];
  /** Weekly distributor counts compared per week with S4A's 7 days (core/views/weeks.ts), oldest first. */
  weeks: WeekRow[];
}

/** What an overlay beside a dashboard needs (small: it crosses into the page's tab). */
export interface OverlayView {
  found: boolean;
  track: Pick<Track, 'id' | 'title' | 'isrc'> | null;
  /** Most recent first, at most `limit` days. */
  days: DayComparison[];
  baselineRatio: number | null;
  eligibility: EligibilityTrack | null;
  /** Which sides have any data for this track. */
  hasSpotify: boolean;
  hasDistributor: boolean;
  /** The distributor source names seen for this track ("imusician", "distrokid" …), sorted. */
  distributorSources: string[];
  /** Those with daily counts (a dashboard's trends); the others came from monthly report files. */
  dailyDistributorSources: string[];
  /** The names artists know them by, in the same order ("DistroKid", "iMusician"): the panel says these. */
  distributorNames: string[];
  dailyDistributorNames: string[];
  /** Those with weekly counts (a taught dashboard's weekly series, core/views/weeks.ts), and their names. */
  weeklyDistributorSources: string[];
  weeklyDistributorNames: string[];
  /** The most recent weekly counts compared per week, most recent first, at most `weekLimit`; empty without weekly counts. */
  weeks: WeekRow[];
  /** Days after a day's end before the distributor's count is settled (for "arrives in …"). */
  settleDays: number;
  /** Sales-statement flags worth a look, for the month line (newest first, a few). */
  moneyFlags: MonthFlag[];
  /** Where each shown distributor day's value came from. */
  dayProvenance: DayProvenance[];
}

/** The small badge on a songs-list row: the recording's 12-month streams toward 1,000. */
export interface SongBadge {
  trailing12mStreams: number;
  eligible: boolean;
  projectedEligibleDay: string | null;
}
