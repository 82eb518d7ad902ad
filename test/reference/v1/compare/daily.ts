/**
 * Day rows for one track and one distributor source: the values of each calendar day side by
 * side, and the reasons, which use the shifted pairing when the distributor's days are offset.
 */
import { baselineFromRatios, BASELINE_MAX_DAYS, BASELINE_MIN_STREAMS, type Baseline } from './baseline';
import { formatDay, plural, roundRatio, sourceName } from './format';
import { detectLag } from './lag';
import { makeExplainer, type PairFacts } from './reasons';
import { cellOn, seriesSpan, valueOn, type DayNumbers, type DaySeries, type RevisionCell } from './series';
import { daysUntilSettled, lastSettledDay, type SettleWindow } from './settle';
import type { DayComparison, RevisionEntry, SourceSummary } from './types';

export interface SourceContext {
  asOfMs: number;
  dayNumbers: DayNumbers;
  settle: SettleWindow;
}

/** The usual ratio over the most recent settled days with enough S4A streams (paired by lag). */
export function dailyBaseline(spotify: DaySeries | null, distributor: DaySeries, lastSettled: number, lag: number): Baseline | null {
  if (!spotify) return null;
  const ratios = new Float64Array(BASELINE_MAX_DAYS);
  let count = 0;
  const last = Math.min(lastSettled, distributor.start + distributor.values.length - 1);
  for (let n = last; n >= distributor.start && count < ratios.length; n--) {
    const d = distributor.values[n - distributor.start]!;
    if (Number.isNaN(d)) continue;
    const s = valueOn(spotify, n - lag);
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

export function settleReasonText(name: string, settle: SettleWindow, unit = 'day'): string {
  return settle.learned
    ? `this history shows ${name}'s counts still changing up to ${plural(settle.days, unit)} after a ${unit} ends`
    : `${name}'s counts can change for ${plural(settle.days, unit)} after a ${unit} ends`;
}

export function compareSource(spotify: DaySeries | null, distributor: DaySeries, ctx: SourceContext): { rows: DayComparison[]; summary: SourceSummary } {
  const name = sourceName(distributor.source);
  const lastSettled = lastSettledDay(ctx.asOfMs, ctx.settle.days);
  const lag = detectLag(spotify, distributor, lastSettled);
  const baseline = dailyBaseline(spotify, distributor, lastSettled, lag);
  const summary: SourceSummary = {
    source: distributor.source,
    store: distributor.store,
    baselineRatio: baseline ? roundRatio(baseline.ratio) : null,
    baselineDays: baseline?.days ?? 0,
    lagDays: lag,
    settleDays: ctx.settle.days,
    settleLearned: ctx.settle.learned,
  };
  const rows: DayComparison[] = [];
  const distSpan = seriesSpan(distributor);
  if (!distSpan) return { rows, summary };
  const spotifySpan = spotify ? seriesSpan(spotify) : null;
  // Rows start where both sides have begun: S4A's CSV history can reach back years before the
  // distributor was first read, and those days are unread, not missing.
  const first = spotifySpan ? Math.max(spotifySpan.first, distSpan.first) : distSpan.first;
  const last = spotifySpan ? Math.max(spotifySpan.last, distSpan.last) : distSpan.last;
  const explain = makeExplainer({
    period: 'day',
    distributorName: name,
    store: distributor.store,
    settleReason: settleReasonText(name, ctx.settle),
    baseline,
    lagDays: lag,
  });
  // One facts object, refilled per day: explain() reads it and keeps nothing.
  const facts: PairFacts = {
    spotify: null,
    distributor: null,
    pending: false,
    untilSettled: 0,
    pairedLabel: null,
    distributorRevisions: undefined,
    spotifyRevisions: undefined,
  };
  for (let n = first; n <= last; n++) {
    const s = valueOn(spotify, n);
    const d = valueOn(distributor, n);
    if (s === null && d === null) continue;
    const pending = n > lastSettled;
    const spotifyCell = cellOn(spotify, n);
    const distributorCell = cellOn(distributor, n);
    facts.spotify = lag === 0 ? s : valueOn(spotify, n - lag);
    facts.distributor = d;
    facts.pending = pending;
    facts.untilSettled = pending ? daysUntilSettled(ctx.asOfMs, n, ctx.settle.days) : 0;
    facts.pairedLabel = lag === 0 ? null : formatDay(ctx.dayNumbers.day(n - lag));
    facts.distributorRevisions = distributorCell;
    facts.spotifyRevisions = lag === 0 ? spotifyCell : cellOn(spotify, n - lag);
    rows.push({
      day: ctx.dayNumbers.day(n),
      spotify: s,
      distributor: d,
      distributorSource: distributor.source,
      diff: s !== null && d !== null ? d - s : null,
      ratio: s !== null && d !== null && s > 0 ? roundRatio(d / s) : null,
      status: pending ? 'pending' : s === null || d === null ? 'missing' : 'settled',
      reasons: explain(facts),
      revisions: mergeRevisions(spotifyCell, distributorCell),
    });
  }
  return { rows, summary };
}
