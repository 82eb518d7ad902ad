/**
 * Day rows, built only for the days asked for: the overlay's fourteen, the history page's one
 * track, `compare --json` one track at a time. A row is the two calendar-day values side by
 * side; its reasons use the shifted pairing when the distributor's days are offset, and its
 * revisions are every distinct value either side had shown by asOf.
 */
import { dayText } from '../columns/calendar';
import { dayValue, knownUpTo, type SeriesColumns } from '../columns/series';
import { roundRatio, sourceName } from './format';
import { mergeRevisions, settleReason, type ComparedSource } from './daily';
import { makeExplainer, type Explain, type PairFacts } from './reasons';
import type { RevisionCell } from './series';
import { daysUntilSettled } from './settle';
import type { DayComparison, RevisionEntry } from './types';

const instants = new Map<number, string>();

/** The canonical ISO text of an instant, made once per instant. */
function instantText(ms: number): string {
  let text = instants.get(ms);
  if (text === undefined) {
    if (instants.size > 100_000) instants.clear();
    instants.set(ms, (text = new Date(ms).toISOString()));
  }
  return text;
}

/** The revisions of day number `n` known at `asOfMs`: a lone one bare, several as an array. */
function revisionCell(series: SeriesColumns | null, n: number, asOfMs: number): RevisionCell {
  if (!series) return undefined;
  const i = n - series.start;
  if (i < 0 || i >= series.length) return undefined;
  const first = series.offsets[i]!;
  const end = knownUpTo(series, i, asOfMs);
  if (end === first) return undefined;
  const entry = (k: number): RevisionEntry => ({ source: series.source, value: series.revisionValues[k]!, observedAt: instantText(series.revisionReadAt[k]!) });
  if (end - first === 1) return entry(first);
  const list: RevisionEntry[] = [];
  for (let k = first; k < end; k++) list.push(entry(k));
  return list;
}

/** Builds the rows of one compared source; keeps its explainer between calls. */
export class SourceRows {
  private explainer: Explain | null = null;
  // One facts object, refilled per day: explain() reads it and keeps nothing.
  private readonly facts: PairFacts = {
    spotify: null,
    distributor: null,
    pending: false,
    untilSettled: 0,
    pairedDay: null,
    distributorRevisions: undefined,
    spotifyRevisions: undefined,
  };

  constructor(
    readonly compared: ComparedSource,
    private readonly asOfMs: number,
  ) {}

  private explain(): Explain {
    if (!this.explainer) {
      const { compared } = this;
      const name = sourceName(compared.distributor.source);
      this.explainer = makeExplainer({
        period: 'day',
        distributorName: name,
        store: compared.distributor.store,
        settleReason: settleReason(name, compared.settle),
        baseline: compared.baseline,
        lagDays: compared.summary.lagDays,
      });
    }
    return this.explainer;
  }

  /** The row of day number `n`, or null when neither side has a value that day. */
  rowOn(n: number): DayComparison | null {
    const { compared, asOfMs, facts } = this;
    if (n < compared.first || n > compared.last) return null;
    const s = dayValue(compared.spotifyValues, n);
    const d = dayValue(compared.distributorValues, n);
    if (s === null && d === null) return null;
    const lag = compared.summary.lagDays;
    const pending = n > compared.lastSettled;
    const spotifyCell = revisionCell(compared.spotify, n, asOfMs);
    const distributorCell = revisionCell(compared.distributor, n, asOfMs);
    facts.spotify = lag === 0 ? s : dayValue(compared.spotifyValues, n - lag);
    facts.distributor = d;
    facts.pending = pending;
    facts.untilSettled = pending ? daysUntilSettled(asOfMs, n, compared.settle.days) : 0;
    facts.pairedDay = lag === 0 ? null : dayText(n - lag);
    facts.distributorRevisions = distributorCell;
    facts.spotifyRevisions = lag === 0 ? spotifyCell : revisionCell(compared.spotify, n - lag, asOfMs);
    return {
      day: dayText(n),
      spotify: s,
      distributor: d,
      distributorSource: compared.distributor.source,
      diff: s !== null && d !== null ? d - s : null,
      ratio: s !== null && d !== null && s > 0 ? roundRatio(d / s) : null,
      status: pending ? 'pending' : s === null || d === null ? 'missing' : 'settled',
      reasons: this.explain()(facts),
      revisions: mergeRevisions(spotifyCell, distributorCell),
    };
  }
}

/**
 * Rows of a track's sources for day numbers `from`…`to` (both included), by day, sources in
 * their order within a day; newest first when `newestFirst`, stopping after `limit` rows.
 */
export function rowsBetween(sources: readonly SourceRows[], from: number, to: number, limit = Number.POSITIVE_INFINITY, newestFirst = false): DayComparison[] {
  const rows: DayComparison[] = [];
  if (sources.length === 0 || limit <= 0) return rows;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const source of sources) {
    if (source.compared.first > source.compared.last) continue;
    low = Math.min(low, source.compared.first);
    high = Math.max(high, source.compared.last);
  }
  const first = Math.max(from, low);
  const last = Math.min(to, high);
  if (newestFirst) {
    for (let n = last; n >= first; n--) {
      for (let k = sources.length - 1; k >= 0; k--) {
        const row = sources[k]!.rowOn(n);
        if (row && rows.push(row) >= limit) return rows;
      }
    }
  } else {
    for (let n = first; n <= last; n++) {
      for (const source of sources) {
        const row = source.rowOn(n);
        if (row && rows.push(row) >= limit) return rows;
      }
    }
  }
  return rows;
}
