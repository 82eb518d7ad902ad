/**
 * compare: Spotify for Artists' daily streams beside each distributor's, day by day, with the
 * reasons they differ (docs/contracts.md §2 `compare --json`, docs/domain.md "Why the distributor's daily count
 * differs"). Pure: the same history and options always give the same result.
 *
 * Sources: `spotify` is S4A (store `spotify`, metric `streams`); every other source is a
 * distributor, compared through its Spotify-only store when it has one, else its all-store
 * view (then OTHER_STORES applies).
 */
import type { History } from '../../../../core/model/history';
import { compareSource } from './daily';
import { canonicalInstant, chooseStore, selectTracks, SPOTIFY_SOURCE } from './select';
import { collectSeries, DayNumbers, type DaySeries } from './series';
import { DEFAULT_SETTLE_DAYS, learnSettleWindow, type SettleWindow } from './settle';
import type { CompareOptions, CompareResult, DayComparison, SourceSummary, TrackComparison } from './types';

export * from './types';
export { compareMonths, type CompareMonthsOptions } from './monthly';
export { canonicalInstant, chooseStore, selectTracks, SPOTIFY_SOURCE } from './select';
export { sourceName, formatCount, formatPercent, formatDay, formatMonth } from './format';

/** Settle windows per distributor source, learnt across every track (a distributor's habit). */
function settleWindows(series: Map<string, Map<string, Map<string, DaySeries>>>, settingDays: number, dayNumbers: DayNumbers): Map<string, SettleWindow> {
  const bySource = new Map<string, DaySeries[]>();
  for (const perTrack of series.values()) {
    for (const [source, stores] of perTrack) {
      if (source === SPOTIFY_SOURCE) continue;
      let list = bySource.get(source);
      if (!list) bySource.set(source, (list = []));
      for (const s of stores.values()) list.push(s);
    }
  }
  const windows = new Map<string, SettleWindow>();
  for (const [source, list] of bySource) windows.set(source, learnSettleWindow(list, settingDays, dayNumbers));
  return windows;
}

function mainSource(summaries: readonly SourceSummary[], rowCounts: ReadonlyMap<string, number>): SourceSummary | undefined {
  return [...summaries].sort(
    (a, b) => b.baselineDays - a.baselineDays || (rowCounts.get(b.source) ?? 0) - (rowCounts.get(a.source) ?? 0) || (a.source < b.source ? -1 : 1),
  )[0];
}

export function compare(history: History, options: CompareOptions): CompareResult {
  const asOf = canonicalInstant(options.asOf);
  const asOfMs = Date.parse(asOf);
  const settingDays = Math.max(0, Math.floor(options.settleDays ?? DEFAULT_SETTLE_DAYS));
  const dayNumbers = new DayNumbers();
  const series = collectSeries(history, asOf, 'streams', dayNumbers);
  const windows = settleWindows(series, settingDays, dayNumbers);

  const tracks: TrackComparison[] = [];
  for (const track of selectTracks(history.tracks, options.isrc)) {
    const bySource = series.get(track.id);
    const spotify = bySource?.get(SPOTIFY_SOURCE)?.get('spotify') ?? null;
    const summaries: SourceSummary[] = [];
    const rowCounts = new Map<string, number>();
    let days: DayComparison[] = [];
    const sources = bySource ? [...bySource.keys()].filter((source) => source !== SPOTIFY_SOURCE).sort() : [];
    for (const source of sources) {
      const distributor = chooseStore(bySource!.get(source)!);
      if (!distributor) continue;
      const settle = windows.get(source) ?? { days: settingDays, learned: false };
      const { rows, summary } = compareSource(spotify, distributor, { asOfMs, dayNumbers, settle });
      summaries.push(summary);
      rowCounts.set(source, rows.length);
      days = days.length === 0 ? rows : days.concat(rows);
    }
    // Sources were added in name order; a stable sort by day keeps that order within a day.
    if (summaries.length > 1) days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const main = mainSource(summaries, rowCounts);
    tracks.push({
      track: track.id,
      isrc: track.isrc,
      title: track.title,
      baselineRatio: main?.baselineRatio ?? null,
      lagDays: main?.lagDays ?? 0,
      days,
      sources: summaries,
    });
  }
  return { asOf, tracks };
}
