/**
 * The monthly view, for distributor report files (`streams_month`): S4A's daily streams summed
 * per UTC calendar month beside the distributor's Spotify rows for that month (docs/domain.md: report
 * files are monthly; compare them per calendar month, Spotify rows only).
 *
 * Sales months stay provisional for a long time: reports arrive about 4 months after the
 * stream and US sales 1–2 months later still, and a newer export of a report revises the
 * month. So a month counts as settled only `settleMonths` (default 6) months after it ends.
 */
import { addMonths, dayEndMs, daysInMonthOf, lastDayOfMonth, monthOf, monthsBetween, type Month } from '../model/day';
import type { History } from '../model/history';
import { STATEMENT_SETTLE_MONTHS } from '../model/settle';
import { baselineFromRatios, BASELINE_MIN_STREAMS, type Baseline } from './baseline';
import { roundRatio, sourceName } from './format';
import { canonicalInstant, chooseStore, selectTracks } from './select';
import { SPOTIFY_SOURCE, SPOTIFY_STORE } from '../model/ids';
import { makeExplainer } from './reasons';
import { message } from '../i18n/typed';
import { cellList, collectSeries, DayNumbers, seriesSpan, type DaySeries } from './series';
import type { CompareMonthsResult, MonthComparison, RevisionEntry, TrackMonthComparison } from './types';

/** Settled months with enough streams needed for a usual monthly ratio. */
const MONTH_BASELINE_MIN_MONTHS = 3;

interface CompareMonthsOptions {
  asOf: string;
  isrc?: string;
  settleMonths?: number;
}

interface SpotifyMonth {
  sum: number;
  days: number;
  /** Days of the month the track existed for S4A (from its first day with a count). */
  of: number;
}

function spotifyMonths(spotify: DaySeries | null, dayNumbers: DayNumbers): Map<Month, SpotifyMonth> {
  const months = new Map<Month, SpotifyMonth>();
  if (!spotify) return months;
  const span = seriesSpan(spotify);
  if (!span) return months;
  const firstDay = dayNumbers.day(span.first);
  for (let n = span.first; n <= span.last; n++) {
    const value = spotify.values[n - spotify.start]!;
    if (Number.isNaN(value)) continue;
    const month = monthOf(dayNumbers.day(n));
    let entry = months.get(month);
    if (!entry) {
      // Days before S4A's first count for the track are not missing: it may not have existed.
      const from = month === monthOf(firstDay) ? Number(firstDay.slice(8, 10)) : 1;
      months.set(month, (entry = { sum: 0, days: 0, of: daysInMonthOf(month) - from + 1 }));
    }
    entry.sum += value;
    entry.days += 1;
  }
  return months;
}

function compareSourceMonths(spotify: Map<Month, SpotifyMonth>, distributor: DaySeries, asOfMs: number, settleMonths: number, dayNumbers: DayNumbers): { months: MonthComparison[]; baseline: Baseline | null } {
  const name = sourceName(distributor.source);
  const values = new Map<Month, { value: number; revisions: RevisionEntry[] }>();
  for (let i = 0; i < distributor.values.length; i++) {
    const value = distributor.values[i]!;
    if (Number.isNaN(value)) continue;
    const revisions = [...cellList(distributor.revisions[i])];
    values.set(monthOf(dayNumbers.day(distributor.start + i)), { value, revisions });
  }
  const distributorMonths = [...values.keys()].sort();
  const first = distributorMonths[0];
  if (first === undefined) return { months: [], baseline: null };
  const last = [...spotify.keys(), ...distributorMonths].reduce((a, b) => (a > b ? a : b));
  const isPending = (month: Month) => asOfMs < dayEndMs(lastDayOfMonth(addMonths(month, settleMonths)));
  const asOfMonth = monthOf(new Date(asOfMs).toISOString().slice(0, 10));

  const ratios = new Float64Array(Math.max(1, distributorMonths.length));
  let count = 0;
  // Loops count months from their bounds (core/model/day.ts): none compares strings to an end.
  const span = monthsBetween(first, last);
  for (let offset = span; offset >= 0; offset--) {
    const month = addMonths(first, offset);
    const s = spotify.get(month);
    const d = values.get(month);
    if (!s || !d || isPending(month) || s.days < s.of || s.sum < BASELINE_MIN_STREAMS) continue;
    ratios[count++] = d.value / s.sum;
  }
  const baseline = baselineFromRatios(ratios, count, MONTH_BASELINE_MIN_MONTHS);
  const explain = makeExplainer({
    period: 'month',
    distributorName: name,
    store: distributor.store,
    settleReason: message('settleReports', { name }),
    baseline,
    lagDays: 0,
  });

  const months: MonthComparison[] = [];
  for (let offset = 0; offset <= span; offset++) {
    const month = addMonths(first, offset);
    const s = spotify.get(month);
    const d = values.get(month);
    if (!s && !d) continue;
    const pending = isPending(month);
    const spotifyValue = s ? s.sum : null;
    const distributorValue = d ? d.value : null;
    const reasons = explain({
      spotify: spotifyValue,
      distributor: distributorValue,
      pending,
      untilSettled: pending ? Math.max(1, monthsBetween(asOfMonth, addMonths(month, settleMonths)) + 1) : 0,
      pairedDay: null,
      distributorRevisions: d?.revisions,
      spotifyRevisions: undefined,
      spotifyCoverage: s ? { days: s.days, of: s.of } : undefined,
    });
    months.push({
      month,
      spotify: spotifyValue,
      spotifyDays: s?.days ?? 0,
      distributor: distributorValue,
      distributorSource: distributor.source,
      diff: spotifyValue !== null && distributorValue !== null ? distributorValue - spotifyValue : null,
      ratio: spotifyValue !== null && distributorValue !== null && spotifyValue > 0 ? roundRatio(distributorValue / spotifyValue) : null,
      status: pending ? 'pending' : spotifyValue === null || distributorValue === null ? 'missing' : 'settled',
      reasons,
      revisions: d?.revisions ?? [],
    });
  }
  return { months, baseline };
}

/** The monthly comparison for every selected track that has `streams_month` report data. */
export function compareMonths(history: History, options: CompareMonthsOptions): CompareMonthsResult {
  const asOf = canonicalInstant(options.asOf);
  const asOfMs = Date.parse(asOf);
  const settleMonths = Math.max(0, Math.floor(options.settleMonths ?? STATEMENT_SETTLE_MONTHS));
  const dayNumbers = new DayNumbers();
  const selected = selectTracks(history.tracks, options.isrc);
  const ids = new Set(selected.map((track) => track.id));
  const daily = collectSeries(history, asOf, 'streams', dayNumbers, ids);
  const monthly = collectSeries(history, asOf, 'streams_month', dayNumbers, ids);

  const tracks: TrackMonthComparison[] = [];
  for (const track of selected) {
    const reports = monthly.get(track.id);
    if (!reports) continue;
    const s4a = spotifyMonths(daily.get(track.id)?.get(SPOTIFY_SOURCE)?.get(SPOTIFY_STORE) ?? null, dayNumbers);
    let months: MonthComparison[] = [];
    let mainBaseline: Baseline | null = null;
    for (const source of [...reports.keys()].filter((source) => source !== SPOTIFY_SOURCE).sort()) {
      const distributor = chooseStore(reports.get(source)!);
      if (!distributor) continue;
      const result = compareSourceMonths(s4a, distributor, asOfMs, settleMonths, dayNumbers);
      months = months.concat(result.months);
      if (!mainBaseline || (result.baseline && result.baseline.days > mainBaseline.days)) mainBaseline = result.baseline ?? mainBaseline;
    }
    if (months.length === 0) continue;
    months.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
    tracks.push({ track: track.id, isrc: track.isrc, title: track.title, baselineRatio: mainBaseline ? roundRatio(mainBaseline.ratio) : null, months });
  }
  return { asOf, tracks };
}
