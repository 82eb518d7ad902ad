/**
 * The reason rules (docs/contracts.md codes, docs/domain.md "Why the distributor's daily count
 * differs"). Input: the facts of one compared pair (a day or a month); output: reasons, main
 * one first, each with its level and a message that names the figures behind it.
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
 * Messages are data (docs/i18n.md): a catalog key and the figures, which the screens phrase in
 * the artist's language; `message` is the English sentence from the same catalog, for the CLI
 * and `compare --json`. The sentences themselves are built in reason-messages.ts.
 *
 * Reasons are frozen and shared: the everyday messages ("shows 90 % of Spotify's count, as it
 * usually does") depend only on the displayed figures, so rows with the same figures share one
 * Reason. A thousand tracks over two years are 730,000 rows; one string per row would be most
 * of the work.
 */
import type { Baseline } from './baseline';
import { isUsualRatio } from './baseline';
import { formatPercent } from './format';
import { isLowVolume, isMatch, withinNoise } from './noise';
import { cellSize, type RevisionCell } from './series';
import type { Reason, ReasonCode, ReasonLevel } from './types';
import { englishMessage } from '../i18n/english';
import type { Message } from '../i18n/message';
import { reasonMessages } from './reason-messages';
import { SPOTIFY_STORE } from '../model/ids';

/** Without a usual ratio, a pending count under this share of S4A's is taken as "not in yet". */
const PENDING_LOW_RATIO = 0.7;

/** What stays the same for every pair of one track's distributor source. */
export interface SourceFacts {
  period: 'day' | 'month';
  /** "iMusician". */
  distributorName: string;
  /** The distributor store compared: "spotify", or "all" (other stores included). */
  store: string;
  /** Why the settle window is what it is ("iMusician's counts can change for 5 days after a day ends"). */
  settleReason: Message;
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
  /** S4A's paired day ("2025-04-02") when shifted, else null. */
  pairedDay: string | null;
  distributorRevisions: RevisionCell;
  spotifyRevisions: RevisionCell;
  /** For months: days of the month S4A has a count for, and of the days it could have. */
  spotifyCoverage?: { days: number; of: number };
}

export type Explain = (pair: PairFacts) => readonly Reason[];

/** A reason from its message: the English sentence, and the key and figures for the screens. */
export const reason = (code: ReasonCode, level: ReasonLevel, text: Message): Reason =>
  Object.freeze(text.params ? { code, level, message: englishMessage(text), key: text.key, params: text.params } : { code, level, message: englishMessage(text), key: text.key });

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
  const say = reasonMessages(source);
  const b = source.baseline;
  const allStores = source.store !== SPOTIFY_STORE;

  const delayNoValue = memo((until: number) => Object.freeze([reason('REPORTING_DELAY', 'expected', say.delayNoValue(until))]));
  // The memo key is the displayed share: from 10 % up the rounded percentage (a number key is
  // cheaper), below it the one-decimal text; the share itself goes into the message.
  const filtered = memo((key: number | string) => reason('FILTERED_PLAYS', 'expected', say.filtered(shareOf(key))));
  const otherStoresUsual = memo((key: number | string) => reason('OTHER_STORES', 'expected', say.otherStoresUsual(shareOf(key))));
  const aboveUsual = memo((key: number | string) => reason('OTHER_STORES', 'possible', say.aboveUsual(shareOf(key))));
  const both = memo((value: number) => reason('MATCH', 'expected', say.both(value)));
  const lowVolume = memo((key: number) => reason('LOW_VOLUME', 'expected', say.lowVolume(Math.floor(key / 1_000), key % 1_000)));
  const otherStoresNote = reason('OTHER_STORES', 'expected', say.otherStoresNote());
  const single = memo((main: Reason) => Object.freeze([main]));
  /** The share behind a memo key (the ratios below 10 % are kept beside their text). */
  const smallShares = new Map<string, number>();
  const shareOf = (key: number | string) => (typeof key === 'number' ? key / 100 : smallShares.get(key)!);

  function pendingReason(f: PairFacts): Reason | null {
    if (f.spotify === null) return reason('REPORTING_DELAY', 'expected', say.delayNoSpotify(f.distributor!, f.untilSettled));
    const s = f.spotify;
    const d = f.distributor!;
    if (isMatch(s, d) || isLowVolume(s, d)) return null;
    const ratio = s > 0 ? d / s : Number.POSITIVE_INFINITY;
    if (b ? isUsualRatio(b, ratio) || withinNoise(d, b.ratio * s) : ratio >= PENDING_LOW_RATIO) return null;
    if (!b || ratio < b.ratio) return reason('REPORTING_DELAY', 'expected', say.delayRising(d, s, f.untilSettled));
    return reason('REPORTING_DELAY', 'possible', say.delayUnusual(d, s, f.untilSettled));
  }

  function missingReason(f: PairFacts): Reason {
    if (f.distributor === null) return reason('MISSING_SOURCE', 'possible', say.missingDistributor());
    return reason('MISSING_SOURCE', 'possible', say.missingSpotify(f.distributor, f.pairedDay));
  }

  function noBaselineReason(s: number, d: number): Reason {
    if (allStores) return reason('OTHER_STORES', d >= s ? 'expected' : 'possible', say.otherStoresNoUsual(d, s));
    if (d <= s) return reason('FILTERED_PLAYS', 'possible', say.filteredNoUsual(d, s));
    return reason('OTHER_STORES', 'possible', say.aboveNoUsual(d, s));
  }

  function comparedReason(s: number, d: number): Reason {
    if (s === d) return both(s);
    if (isMatch(s, d)) return reason('MATCH', 'expected', say.withinOnePercent(d, s));
    if (isLowVolume(s, d)) return lowVolume(s * 1_000 + d);
    if (!b) return noBaselineReason(s, d);
    const ratio = s > 0 ? d / s : Number.POSITIVE_INFINITY;
    if (isUsualRatio(b, ratio)) {
      let key: number | string;
      if (ratio >= 0.1) key = Math.round(ratio * 100);
      else {
        key = formatPercent(ratio);
        if (!smallShares.has(key)) smallShares.set(key, ratio);
      }
      return allStores ? otherStoresUsual(key) : d <= s ? filtered(key) : aboveUsual(key);
    }
    if (withinNoise(d, b.ratio * s)) return reason('LOW_VOLUME', 'expected', say.withinNoise(d, s));
    return reason('ANOMALY', 'unexplained', say.anomaly(d, s));
  }

  function lateRevisionReason(f: PairFacts): Reason | null {
    if (cellSize(f.distributorRevisions) < 2 && cellSize(f.spotifyRevisions) < 2) return null;
    return reason('LATE_REVISION', 'expected', say.lateRevision(f.distributorRevisions, f.spotifyRevisions));
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
      main = reason('MISSING_SOURCE', 'possible', say.missingCoverage(f.spotify, f.distributor, f.spotifyCoverage));
    } else {
      main = comparedReason(f.spotify, f.distributor);
    }
    const shift = source.lagDays !== 0;
    const late = f.pending ? null : lateRevisionReason(f);
    const note = allStores && main.code !== 'OTHER_STORES' && f.distributor !== null;
    if (!shift && !late && !note) return single(main);
    const reasons: Reason[] = [main];
    if (shift) reasons.push(reason('DAY_SHIFT', 'expected', say.dayShift(f.pairedDay, f.spotify)));
    if (late) reasons.push(late);
    if (note) reasons.push(otherStoresNote);
    return Object.freeze(reasons);
  };
}
