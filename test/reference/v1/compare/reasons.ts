/**
 * The reason rules (docs/contracts.md §2 codes, docs/domain.md "Why the distributor's daily count differs").
 * Input: the facts of one compared pair (a day or a month); output: reasons, main one first,
 * each with its level and a message that names the figures behind it.
 *
 * Order of the rules, and why:
 * 1. A pending day is never an anomaly: low or absent is the normal state of a recent day.
 * 2. A settled day with one side absent is MISSING_SOURCE: nothing to compare.
 * 3. With both values: equal → MATCH; tiny counts → LOW_VOLUME; inside the usual band →
 *    FILTERED_PLAYS (or OTHER_STORES for an all-store view); outside the band but within
 *    counting noise → LOW_VOLUME; otherwise ANOMALY. Without a usual ratio yet, nothing can be
 *    "far outside" it, so the reason is given as `possible`.
 * 4. Then the circumstances: DAY_SHIFT (pairing used), LATE_REVISION (values changed after the
 *    first reading), OTHER_STORES (an all-store view, when not already the main reason).
 *
 * Reasons are frozen and shared: the everyday messages ("shows 90 % of Spotify's count, as it
 * usually does") depend only on the displayed figures, so rows with the same figures share one
 * Reason. A thousand tracks over two years are 730,000 rows; one string per row would be most
 * of the work.
 */
import type { Baseline } from './baseline';
import { isUsualRatio, BASELINE_MIN_DAYS, BASELINE_MIN_STREAMS } from './baseline';
import { formatCount, formatInstant, formatPercent, plural, storeName } from './format';
import { countingNoise, isLowVolume, isMatch, NOISE_SIGMAS, withinNoise } from './noise';
import { cellList, cellSize, type RevisionCell } from './series';
import type { Reason, ReasonCode, ReasonLevel } from './types';

/** Without a usual ratio, a pending count under this share of S4A's is taken as "not in yet". */
const PENDING_LOW_RATIO = 0.7;

/** What stays the same for every pair of one track's distributor source. */
export interface SourceFacts {
  period: 'day' | 'month';
  /** "iMusician". */
  distributorName: string;
  /** The distributor store compared: "spotify", or "all" (other stores included). */
  store: string;
  /** Why the settle window is what it is, e.g. "iMusician's counts can change for 5 days after a day ends". */
  settleReason: string;
  baseline: Baseline | null;
  lagDays: number;
}

/** One compared pair. */
export interface PairFacts {
  /** S4A's value for the paired period (shifted by lagDays), or null. */
  spotify: number | null;
  distributor: number | null;
  pending: boolean;
  /** Whole days (months for months) until the distributor's value counts as settled. */
  untilSettled: number;
  /** Label of S4A's paired period when shifted ("Wed 2 Apr"), else null. */
  pairedLabel: string | null;
  distributorRevisions: RevisionCell;
  spotifyRevisions: RevisionCell;
  /** For months: days of the month S4A has a count for, and of the days it could have. */
  spotifyCoverage?: { days: number; of: number };
}

export type Explain = (pair: PairFacts) => readonly Reason[];

const reason = (code: ReasonCode, level: ReasonLevel, message: string): Reason => Object.freeze({ code, level, message });

/** "91 % of Spotify's count (903 of 992)", or the plain counts when Spotify shows 0. */
function share(distributor: number, spotify: number): string {
  if (spotify === 0) return `${formatCount(distributor)} streams where Spotify shows none`;
  return `${formatPercent(distributor / spotify)} of Spotify's count (${formatCount(distributor)} of ${formatCount(spotify)})`;
}

function changes(label: string, cell: RevisionCell): string | null {
  if (cellSize(cell) < 2) return null;
  const revisions = cellList(cell);
  return `${label} ${revisions.map((r) => formatCount(r.value)).join(' → ')} (last change read ${formatInstant(revisions[revisions.length - 1]!.observedAt)})`;
}

/** A small memo: the same key always gives the same frozen value. */
function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}

/** The explainer for one track's distributor source. */
export function makeExplainer(source: SourceFacts): Explain {
  const name = source.distributorName;
  const period = source.period;
  const unit = period === 'day' ? 'day' : 'month';
  const b = source.baseline;
  const usual = b ? `usual ${formatPercent(b.ratio)}` : '';
  const allStores = source.store !== 'spotify';
  const stores = storeName(source.store);
  const noUsual = `there is no usual ratio for this track yet (fewer than ${BASELINE_MIN_DAYS} settled ${unit}s with ${BASELINE_MIN_STREAMS}+ streams), so it is too early to tell`;
  const settlesIn = (until: number) => `it settles in about ${plural(Math.max(1, until), unit)} (${source.settleReason})`;

  const delayNoValue = memo((until: number) => Object.freeze([reason('REPORTING_DELAY', 'expected', `${name} has no count for this ${unit} yet: ${settlesIn(until)}.`)]));
  const asPercent = (percent: number | string) => (typeof percent === 'number' ? `${percent} %` : percent);
  const filtered = memo((percent: number | string) => reason('FILTERED_PLAYS', 'expected', `${name} shows ${asPercent(percent)} of Spotify's count, as it usually does for this track (${usual}): plays under 30 seconds and non-monetised plays are left out.`));
  const otherStoresUsual = memo((percent: number | string) => reason('OTHER_STORES', 'expected', `${name}'s count covers ${stores}, not only Spotify: ${asPercent(percent)} of Spotify's count, ${usual} for this track.`));
  const aboveUsual = memo((percent: number | string) => reason('OTHER_STORES', 'possible', `${name} shows ${asPercent(percent)} of Spotify's count, as it usually does for this track (${usual}); a Spotify-only view should not count more than Spotify itself, so it may include other stores.`));
  const both = memo((value: number) => reason('MATCH', 'expected', `Both show ${formatCount(value)}.`));
  const lowVolume = memo((key: number) => {
    const s = Math.floor(key / 1_000);
    const d = key % 1_000;
    return reason('LOW_VOLUME', 'expected', `Only ${formatCount(s)} streams on Spotify and ${formatCount(d)} on ${name}: with so few, chance alone moves a count by about ${formatCount(countingNoise(Math.max(s, d)))}, so the difference means nothing.`);
  });
  const otherStoresNote = reason('OTHER_STORES', 'expected', `${name}'s figure covers ${stores}, not only Spotify, so it can be higher than Spotify's.`);
  const single = memo((main: Reason) => Object.freeze([main]));

  function pendingReason(f: PairFacts): Reason | null {
    if (f.spotify === null) {
      return reason('REPORTING_DELAY', 'expected', `Spotify for Artists has no count for this ${unit} yet, and ${name}'s ${formatCount(f.distributor!)} is not final: ${settlesIn(f.untilSettled)}.`);
    }
    const s = f.spotify;
    const d = f.distributor!;
    if (isMatch(s, d) || isLowVolume(s, d)) return null;
    const ratio = s > 0 ? d / s : Number.POSITIVE_INFINITY;
    if (b ? isUsualRatio(b, ratio) || withinNoise(d, b.ratio * s) : ratio >= PENDING_LOW_RATIO) return null;
    if (!b || ratio < b.ratio) {
      const rise = period === 'day' ? 'recent days start low and rise as the stores report' : 'a month fills in as the stores send their sales reports';
      return reason('REPORTING_DELAY', 'expected', `${name} shows ${share(d, s)} so far${b ? `, ${usual}` : ''}: ${rise}; ${settlesIn(f.untilSettled)}.`);
    }
    return reason('REPORTING_DELAY', 'possible', `${name} shows ${share(d, s)}, unlike its ${usual} for this track, but the ${unit} is not settled yet: too early to say; ${settlesIn(f.untilSettled)}.`);
  }

  function missingReason(f: PairFacts): Reason {
    if (f.distributor === null) {
      return reason('MISSING_SOURCE', 'possible', `${name} has no count for this ${unit}, though it should have arrived by now (${source.settleReason}).`);
    }
    const which = f.pairedLabel ? `${f.pairedLabel}, the day ${name}'s count of this day matches` : `this ${unit}`;
    return reason('MISSING_SOURCE', 'possible', `Spotify for Artists has no count for ${which}, so ${name}'s ${formatCount(f.distributor)} cannot be compared.`);
  }

  function noBaselineReason(s: number, d: number): Reason {
    if (allStores) {
      const level: ReasonLevel = d >= s ? 'expected' : 'possible';
      return reason('OTHER_STORES', level, `${name}'s count covers ${stores}, not only Spotify: ${share(d, s)}; ${noUsual} what is normal.`);
    }
    if (d <= s) {
      return reason('FILTERED_PLAYS', 'possible', `${name} shows ${share(d, s)}; distributors leave out plays under 30 seconds and non-monetised plays, but ${noUsual} whether this is all.`);
    }
    return reason('OTHER_STORES', 'possible', `${name} shows ${share(d, s)} on its Spotify view, which should not count more than Spotify itself: it may include other stores; ${noUsual}.`);
  }

  function comparedReason(s: number, d: number): Reason {
    if (s === d) return both(s);
    if (isMatch(s, d)) return reason('MATCH', 'expected', `${name} shows ${formatCount(d)} and Spotify ${formatCount(s)}: they agree within 1 %.`);
    if (isLowVolume(s, d)) return lowVolume(s * 1_000 + d);
    if (!b) return noBaselineReason(s, d);
    const ratio = s > 0 ? d / s : Number.POSITIVE_INFINITY;
    if (isUsualRatio(b, ratio)) {
      // From 10 % up the displayed figure is the rounded percentage: a number key is cheaper.
      const percent = ratio >= 0.1 ? Math.round(ratio * 100) : formatPercent(ratio);
      return allStores ? otherStoresUsual(percent) : d <= s ? filtered(percent) : aboveUsual(percent);
    }
    const expected = b.ratio * s;
    if (withinNoise(d, expected)) {
      return reason('LOW_VOLUME', 'expected', `${name} shows ${formatCount(d)} where its ${usual} of Spotify's ${formatCount(s)} predicts about ${formatCount(expected)}; at this size chance alone moves a count by up to about ${formatCount(NOISE_SIGMAS * countingNoise(expected))}, so the gap means nothing.`);
    }
    return reason('ANOMALY', 'unexplained', `${name} shows ${share(d, s)}, far outside its ${usual} for this track (usual range ${formatPercent(b.low)} to ${formatPercent(b.high)}, from ${plural(b.days, `settled ${unit}`)}), on a settled ${unit} with enough streams: likely a reporting error worth sending to support.`);
  }

  function dayShiftReason(f: PairFacts): Reason {
    const days = plural(Math.abs(source.lagDays), 'day');
    const direction = source.lagDays > 0 ? 'behind' : 'ahead of';
    const paired = f.pairedLabel ? ` This day is compared with Spotify's ${f.pairedLabel}${f.spotify !== null ? ` (${formatCount(f.spotify)})` : ''}.` : '';
    return reason('DAY_SHIFT', 'expected', `${name}'s daily curve runs ${days} ${direction} Spotify's: it cuts or dates its days differently.${paired}`);
  }

  function lateRevisionReason(f: PairFacts): Reason | null {
    const parts = [changes(name, f.distributorRevisions), changes('Spotify for Artists', f.spotifyRevisions)].filter((part) => part !== null);
    if (parts.length === 0) return null;
    return reason('LATE_REVISION', 'expected', `Changed after it was first read: ${parts.join('; ')}.`);
  }

  /** Every reason for one pair, the main one first. Never empty. */
  return function explain(f: PairFacts): readonly Reason[] {
    let main: Reason | null;
    if (f.pending) {
      if (f.distributor === null) {
        if (source.lagDays === 0) return delayNoValue(f.untilSettled);
        main = delayNoValue(f.untilSettled)[0]!;
      } else {
        main = pendingReason(f) ?? comparedReason(f.spotify!, f.distributor);
      }
    } else if (f.spotify === null || f.distributor === null) {
      main = missingReason(f);
    } else if (f.spotifyCoverage && f.spotifyCoverage.days < f.spotifyCoverage.of) {
      main = reason('MISSING_SOURCE', 'possible', `Spotify for Artists has daily counts for only ${f.spotifyCoverage.days} of the ${f.spotifyCoverage.of} days of this month, so its sum (${formatCount(f.spotify)}) is incomplete and cannot be compared with ${name}'s ${formatCount(f.distributor)}.`);
    } else {
      main = comparedReason(f.spotify, f.distributor);
    }
    const shift = source.lagDays !== 0;
    const late = f.pending ? null : lateRevisionReason(f);
    const note = allStores && main.code !== 'OTHER_STORES' && f.distributor !== null;
    if (!shift && !late && !note) return single(main);
    const reasons: Reason[] = [main];
    if (shift) reasons.push(dayShiftReason(f));
    if (late) reasons.push(late);
    if (note) reasons.push(otherStoresNote);
    return Object.freeze(reasons);
  };
}
