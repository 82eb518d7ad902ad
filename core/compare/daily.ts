/**
 * One track and one distributor source, over the day columns: the day-boundary shift, the
 * usual ratio, and a pass over the days that counts the rows and the anomalies. Day rows (with
 * their reasons and revisions) are built later, only for the days asked for (./rows.ts).
 */
import type { SeriesColumns, DayValues } from '../columns/series';
import { baselineFromRatios, BASELINE_MAX_DAYS, BASELINE_MIN_STREAMS, type Baseline } from './baseline';
import { isAnomalousPair } from './classify';
import { roundRatio } from './format';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';
import { detectLag } from './lag';
import { dayValue } from '../columns/series';
import { lastSettledDay, type SettleWindow } from './settle';
import type { RevisionEntry, SourceSummary } from './types';
import type { RevisionCell } from './series';

/** The usual ratio over the most recent settled days with enough S4A streams (paired by lag). */
function dailyBaseline(spotify: DayValues | null, distributor: DayValues, lastSettled: number, lag: number): Baseline | null {
  if (!spotify) return null;
  const ratios = new Float64Array(BASELINE_MAX_DAYS);
  let count = 0;
  const last = Math.min(lastSettled, distributor.start + distributor.values.length - 1);
  for (let n = last; n >= distributor.start && count < ratios.length; n--) {
    const d = distributor.values[n - distributor.start]!;
    if (Number.isNaN(d)) continue;
    const s = dayValue(spotify, n - lag);
    if (s === null || s < BASELINE_MIN_STREAMS) continue;
    ratios[count++] = d / s;
  }
  return baselineFromRatios(ratios, count);
}

/** Both sides' revisions of a day, in the order read (S4A first on a tie). */
export function mergeRevisions(spotify: RevisionCell, distributor: RevisionCell): RevisionEntry[] {
  // The common case, one reading on each side, without the general merge.
  if (spotify !== undefined && distributor !== undefined && !Array.isArray(spotify) && !Array.isArray(distributor)) {
    const a = spotify as RevisionEntry;
    const b = distributor as RevisionEntry;
    return a.observedAt <= b.observedAt ? [a, b] : [b, a];
  }
  const left = spotify === undefined ? [] : Array.isArray(spotify) ? spotify : [spotify as RevisionEntry];
  const right = distributor === undefined ? [] : Array.isArray(distributor) ? distributor : [distributor as RevisionEntry];
  const merged: RevisionEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const takeLeft = j >= right.length || (i < left.length && left[i]!.observedAt <= right[j]!.observedAt);
    merged.push(takeLeft ? left[i++]! : right[j++]!);
  }
  return merged;
}

/** Why the settle window is what it is, as a message (docs/i18n.md). */
export function settleReason(name: string, settle: SettleWindow): Message {
  return message(settle.learned ? 'settleLearned' : 'settleDefault', { name, count: settle.days });
}

/** What the comparison of one track's distributor source knows, before any row is built. */
export interface ComparedSource {
  summary: SourceSummary;
  spotify: SeriesColumns | null;
  distributor: SeriesColumns;
  /** The values as of the comparison's asOf. */
  spotifyValues: DayValues | null;
  distributorValues: DayValues;
  baseline: Baseline | null;
  settle: SettleWindow;
  lastSettled: number;
  /** Day numbers of the first and last row (first > last when there is none). */
  first: number;
  last: number;
  /** Rows: days on which either side has a value. */
  rowCount: number;
  /** Rows whose main reason is ANOMALY. */
  anomalyDays: number;
}

interface SourceInput {
  spotify: SeriesColumns | null;
  spotifyValues: DayValues | null;
  distributor: SeriesColumns;
  distributorValues: DayValues;
  asOfMs: number;
  settle: SettleWindow;
}

export function compareSourceColumns(input: SourceInput): ComparedSource {
  const { spotifyValues: spotify, distributorValues: distributor, settle } = input;
  const lastSettled = lastSettledDay(input.asOfMs, settle.days);
  const lag = detectLag(spotify, distributor, lastSettled);
  const baseline = dailyBaseline(spotify, distributor, lastSettled, lag);
  const summary: SourceSummary = {
    source: input.distributor.source,
    store: input.distributor.store,
    baselineRatio: baseline ? roundRatio(baseline.ratio) : null,
    baselineDays: baseline?.days ?? 0,
    lagDays: lag,
    settleDays: settle.days,
    settleLearned: settle.learned,
  };
  const compared: ComparedSource = {
    summary,
    spotify: input.spotify,
    distributor: input.distributor,
    spotifyValues: spotify,
    distributorValues: distributor,
    baseline,
    settle,
    lastSettled,
    first: 0,
    last: -1,
    rowCount: 0,
    anomalyDays: 0,
  };
  const distSpan = span(distributor);
  if (!distSpan) return compared;
  const spotifySpan = spotify ? span(spotify) : null;
  // Rows start where both sides have begun: S4A's CSV history can reach back years before the
  // distributor was first read, and those days are unread, not missing.
  compared.first = spotifySpan ? Math.max(spotifySpan.first, distSpan.first) : distSpan.first;
  compared.last = spotifySpan ? Math.max(spotifySpan.last, distSpan.last) : distSpan.last;
  countRows(compared, lag);
  return compared;
}

function span(series: DayValues): { first: number; last: number } | null {
  const { values } = series;
  let first = 0;
  while (first < values.length && Number.isNaN(values[first]!)) first++;
  if (first === values.length) return null;
  let last = values.length - 1;
  while (Number.isNaN(values[last]!)) last--;
  return { first: series.start + first, last: series.start + last };
}

/** One pass over the row days: how many rows, and how many of them are anomalies. */
function countRows(compared: ComparedSource, lag: number): void {
  const d = compared.distributorValues;
  const s = compared.spotifyValues;
  const dValues = d.values;
  const sValues = s ? s.values : new Float64Array(0);
  const dStart = d.start;
  const sStart = s ? s.start : 0;
  const baseline = compared.baseline;
  const settledEnd = Math.min(compared.last, compared.lastSettled);
  let rows = 0;
  let anomalies = 0;
  for (let n = compared.first; n <= compared.last; n++) {
    const dv = n - dStart < dValues.length ? dValues[n - dStart]! : Number.NaN;
    const sv = n - sStart >= 0 && n - sStart < sValues.length ? sValues[n - sStart]! : Number.NaN;
    if (Number.isNaN(dv) && Number.isNaN(sv)) continue;
    rows++;
    if (baseline === null || n > settledEnd || Number.isNaN(dv)) continue;
    const paired = lag === 0 ? sv : n - lag - sStart >= 0 && n - lag - sStart < sValues.length ? sValues[n - lag - sStart]! : Number.NaN;
    if (Number.isNaN(paired)) continue;
    // Most settled days sit inside the usual band: that test first, the full rule after.
    const ratio = paired > 0 ? dv / paired : Number.POSITIVE_INFINITY;
    if (ratio >= baseline.low && ratio <= baseline.high) continue;
    if (isAnomalousPair(paired, dv, baseline)) anomalies++;
  }
  compared.rowCount = rows;
  compared.anomalyDays = anomalies;
}
