/**
 * The sentences behind each reason, as messages (docs/i18n.md): which catalog key, with which
 * figures. One small function per sentence, so the rules in reasons.ts read as rules and the
 * words can change without touching them. Counts are whole numbers here (the catalogs format
 * them per language); shares are `{ percent }`, days `{ day }`.
 */
import { BASELINE_MIN_DAYS, BASELINE_MIN_STREAMS } from './baseline';
import { countingNoise, NOISE_SIGMAS } from './noise';
import { cellList, cellSize, type RevisionCell } from './series';
import type { SourceFacts } from './reasons';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';
import { storeName } from './format';
import { ALL_STORES } from '../model/ids';

const count = (value: number) => Math.round(Math.abs(value));

/** "91 % of Spotify's count (903 of 992)", or the plain count when Spotify shows 0. */
export function share(distributor: number, spotify: number): Message {
  if (spotify === 0) return message('shareSpotifyNone', { count: count(distributor) });
  return message('shareOfSpotify', { percent: { percent: distributor / spotify }, distributor: count(distributor), spotify: count(spotify) });
}

/** "iMusician 127 → 131 (last change read …)" for a side whose value changed, else null. */
function changes(source: string, cell: RevisionCell): Message | null {
  if (cellSize(cell) < 2) return null;
  const revisions = cellList(cell);
  return message('revisionChange', { source, values: { values: revisions.map((r) => r.value) }, at: { instant: revisions[revisions.length - 1]!.observedAt } });
}

/** The messages of one track's distributor source: its name, period and usual share are fixed. */
export function reasonMessages(source: SourceFacts) {
  const name = source.distributorName;
  const day = source.period === 'day';
  const b = source.baseline;
  const usual = b ? { percent: b.ratio } : { percent: 0 };
  const stores = source.store === ALL_STORES ? { text: message('storeAll') } : storeWord(source.store);
  const why = { text: source.settleReason };
  const settles = (until: number) => ({ text: message(day ? 'settlesInDays' : 'settlesInMonths', { count: Math.max(1, until), why }) });
  const noUsual = { text: message(day ? 'noUsualDay' : 'noUsualMonth', { min: BASELINE_MIN_DAYS, streams: BASELINE_MIN_STREAMS }) };
  const shareText = (d: number, s: number) => ({ text: share(d, s) });

  return {
    delayNoValue: (until: number) => message(day ? 'reasonDelayNoValueDay' : 'reasonDelayNoValueMonth', { name, settles: settles(until) }),
    delayNoSpotify: (d: number, until: number) => message(day ? 'reasonDelayNoSpotifyDay' : 'reasonDelayNoSpotifyMonth', { name, distributor: count(d), settles: settles(until) }),
    delayRising: (d: number, s: number, until: number) =>
      b
        ? message(day ? 'reasonDelayRisingUsualDay' : 'reasonDelayRisingUsualMonth', { name, share: shareText(d, s), usual, settles: settles(until) })
        : message(day ? 'reasonDelayRisingDay' : 'reasonDelayRisingMonth', { name, share: shareText(d, s), settles: settles(until) }),
    delayUnusual: (d: number, s: number, until: number) => message(day ? 'reasonDelayUnusualDay' : 'reasonDelayUnusualMonth', { name, share: shareText(d, s), usual, settles: settles(until) }),
    missingDistributor: () => message(day ? 'reasonMissingDistributorDay' : 'reasonMissingDistributorMonth', { name, why }),
    missingSpotify: (d: number, pairedDay: string | null) =>
      pairedDay
        ? message('reasonMissingSpotifyPaired', { day: { day: pairedDay }, name, distributor: count(d) })
        : message(day ? 'reasonMissingSpotifyDay' : 'reasonMissingSpotifyMonth', { name, distributor: count(d) }),
    missingCoverage: (s: number, d: number, coverage: { days: number; of: number }) =>
      message('reasonMissingCoverage', { days: coverage.days, of: coverage.of, spotify: count(s), name, distributor: count(d) }),
    otherStoresNoUsual: (d: number, s: number) => message('reasonOtherStoresNoUsual', { name, stores, share: shareText(d, s), noUsual }),
    filteredNoUsual: (d: number, s: number) => message('reasonFilteredNoUsual', { name, share: shareText(d, s), noUsual }),
    aboveNoUsual: (d: number, s: number) => message('reasonAboveNoUsual', { name, share: shareText(d, s), noUsual }),
    both: (value: number) => message('reasonBothShow', { value: count(value) }),
    withinOnePercent: (d: number, s: number) => message('reasonWithinOnePercent', { name, distributor: count(d), spotify: count(s) }),
    lowVolume: (s: number, d: number) => message('reasonLowVolume', { spotify: count(s), distributor: count(d), name, noise: count(countingNoise(Math.max(s, d))) }),
    filtered: (ratio: number) => message('reasonFiltered', { name, percent: { percent: ratio }, usual }),
    otherStoresUsual: (ratio: number) => message('reasonOtherStoresUsual', { name, stores, percent: { percent: ratio }, usual }),
    aboveUsual: (ratio: number) => message('reasonAboveUsual', { name, percent: { percent: ratio }, usual }),
    withinNoise: (d: number, s: number) => {
      const expected = (b?.ratio ?? 0) * s;
      return message('reasonWithinNoise', { name, distributor: count(d), usual, spotify: count(s), expected: count(expected), noise: count(NOISE_SIGMAS * countingNoise(expected)) });
    },
    anomaly: (d: number, s: number) =>
      message(day ? 'reasonAnomalyDay' : 'reasonAnomalyMonth', {
        name,
        share: shareText(d, s),
        usual,
        low: { percent: b?.low ?? 0 },
        high: { percent: b?.high ?? 0 },
        basis: { text: message(day ? 'settledDays' : 'settledMonths', { count: b?.days ?? 0 }) },
      }),
    otherStoresNote: () => message('reasonOtherStoresNote', { name, stores }),
    dayShift: (pairedDay: string | null, s: number | null) => {
      const paired = pairedDay
        ? { text: s !== null ? message('reasonDayShiftPaired', { day: { day: pairedDay }, spotify: count(s) }) : message('reasonDayShiftPairedNoCount', { day: { day: pairedDay } }) }
        : '';
      return message(source.lagDays > 0 ? 'reasonDayShiftBehind' : 'reasonDayShiftAhead', { name, count: Math.abs(source.lagDays), paired });
    },
    lateRevision: (distributorCell: RevisionCell, spotifyCell: RevisionCell) => {
      const parts = [changes(name, distributorCell), changes('Spotify for Artists', spotifyCell)].filter((part) => part !== null);
      const changed = parts.length === 2 ? message('revisionChangeBoth', { first: { text: parts[0]! }, second: { text: parts[1]! } }) : parts[0]!;
      return message('reasonLateRevision', { changes: { text: changed } });
    },
  };
}

/** A store other than "all": its name, the same in every language. */
function storeWord(store: string): string {
  return storeName(store);
}
