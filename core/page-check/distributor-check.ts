/**
 * A distributor's reading (an added dashboard's recipe, the iMusician reader) beside what its
 * page shows, before anything is stored (README.md of this folder). Per day where the page shows
 * days: a day the page shows with another count is refused (./refuse.ts); days the page does not
 * show are kept, and the check says how many. Where the page shows only loose numbers, the check
 * says how many of the counts it shows (core/taught-page-check.ts), and refuses nothing.
 *
 * Whose days a table or chart shows: the track its caption or heading names (an ISRC, else the
 * longest title of the reading's tracks it contains); an ISRC of none of them is another
 * track's. Unnamed, the figures belong to the series they agree with most, and to none when
 * they agree with none on any day (another track's, or a page still drawing the last one).
 * Pure: the figures come from lib/page-evidence.ts.
 */
import type { Message, MessageParam } from '../i18n/message';
import { message } from '../i18n/typed';
import type { TrackRef } from '../messaging/reading';
import type { Day } from '../model/day';
import { normaliseIsrc } from '../model/isrc';
import { comparePageEvidence, type PageEvidence } from '../taught-page-check';
import type { DatedSeries } from './dated';
import { refuseObservations, type RefusableResult } from './refuse';

/** A day the page shows with another count than the reading's. */
interface DifferingDay {
  key: string;
  day: Day;
  response: number;
  page: number;
}

export type PageDaysComparison =
  /** The page shows some of the reading's days (`compared`); `differing` are refused. */
  | { kind: 'days'; compared: number; differing: DifferingDay[]; notShown: number; allDisagree: boolean }
  /** The page shows days, none of them this reading's (another track, or not drawn yet). */
  | { kind: 'other-days' }
  /** No days on the page: how it shows the counts as loose numbers. */
  | { kind: 'loose'; count: number; shown: number | null; total: number | null };

const ISRC_ANYWHERE = /\b[A-Z]{2}-?[A-Z0-9]{3}-?\d{2}-?\d{5}\b/gi;

type Reading = Pick<RefusableResult, 'observations'> & { tracks: readonly TrackRef[] };

const seriesKey = (obs: { ref: string; store: string }) => `${obs.ref}|${obs.store}`;

/** The reading's tracks a table's or chart's words name; `other` when they name an ISRC of none of them. */
function namedTracks(context: string, tracks: readonly TrackRef[]): { refs: Set<string>; other: boolean } {
  const isrcs = new Set([...context.matchAll(ISRC_ANYWHERE)].flatMap((match) => normaliseIsrc(match[0]) ?? []));
  if (isrcs.size > 0) {
    const refs = new Set(tracks.filter((track) => track.isrc && isrcs.has(track.isrc)).map((track) => track.ref));
    return { refs, other: refs.size === 0 };
  }
  const words = context.toLowerCase();
  const contains = (title: string) => {
    const at = words.indexOf(title);
    return at >= 0 && !/[\p{L}\p{N}]/u.test(words[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(words[at + title.length] ?? '');
  };
  const titled = tracks.filter((track) => track.title.trim().length > 1 && contains(track.title.trim().toLowerCase()));
  const longest = Math.max(0, ...titled.map((track) => track.title.trim().length));
  return { refs: new Set(titled.filter((track) => track.title.trim().length === longest).map((track) => track.ref)), other: false };
}

/** A page series as day → count; a day shown twice with two counts is no figure. */
function drawnDays(series: DatedSeries): Map<Day, number | null> {
  const drawn = new Map<Day, number | null>();
  for (const { day, count } of series.figures) drawn.set(day, drawn.has(day) && drawn.get(day) !== count ? null : count);
  return drawn;
}

export function comparePageDays(reading: Reading, evidence: PageEvidence): PageDaysComparison {
  const streams = reading.observations.filter((obs) => obs.metric === 'streams');
  const series = new Map<string, { ref: string; days: Map<Day, number> }>();
  for (const obs of streams) {
    const one = series.get(seriesKey(obs)) ?? { ref: obs.ref, days: new Map() };
    one.days.set(obs.day, obs.value);
    series.set(seriesKey(obs), one);
  }
  const dated = evidence.dated ?? [];
  if (dated.length === 0) {
    const loose = comparePageEvidence(streams.map((obs) => ({ count: obs.value })), evidence);
    return { kind: 'loose', count: streams.length, shown: loose.kind === 'numbers' ? loose.shown : null, total: loose.kind === 'total' ? loose.total : null };
  }

  const compared = new Map<string, boolean>();
  const differing = new Map<string, DifferingDay>();
  let matchedAny = false;
  for (const page of dated) {
    const named = namedTracks(page.context, reading.tracks);
    if (named.other) continue;
    const drawn = drawnDays(page);
    const candidates = [...series].filter(([, one]) => named.refs.size === 0 || named.refs.has(one.ref));
    const scored = candidates.flatMap(([key, one]) => {
      const days = [...one.days].flatMap(([day, value]) => {
        const shown = drawn.get(day);
        return shown === undefined || shown === null ? [] : [{ day, response: value, page: shown }];
      });
      const agreeing = days.filter((each) => each.page === each.response).length;
      return days.length > 0 ? [{ key, days, agreeing }] : [];
    });
    scored.sort((a, b) => b.agreeing - a.agreeing || a.days.length - a.agreeing - (b.days.length - b.agreeing));
    const best = scored[0];
    // Unnamed figures that agree with no series on any day are not this reading's to judge.
    if (!best || (best.agreeing === 0 && !(named.refs.size > 0 && candidates.length === 1))) {
      continue;
    }
    matchedAny = true;
    for (const each of best.days) {
      const key = `${best.key}|${each.day}`;
      const agrees = each.page === each.response && compared.get(key) !== false;
      compared.set(key, agrees);
      if (!agrees) differing.set(key, { key, ...each });
    }
  }
  if (!matchedAny) return { kind: 'other-days' };
  const agreeing = [...compared.values()].filter(Boolean).length;
  return {
    kind: 'days',
    compared: compared.size,
    differing: [...differing.values()].sort((a, b) => a.day.localeCompare(b.day)),
    notShown: streams.length - compared.size,
    allDisagree: agreeing === 0,
  };
}

/** The comparison in words, stored with the reading (docs/i18n.md). */
export function pageDaysWords(comparison: PageDaysComparison): Message {
  if (comparison.kind === 'other-days') return message('checkPageDaysOtherTrack');
  if (comparison.kind === 'loose') {
    if (comparison.shown !== null) return message('checkPageNumbersShown', { shown: comparison.shown, count: comparison.count });
    if (comparison.total !== null) return message('checkPageTotalShown', { total: comparison.total });
    return message('checkPageNoneShown');
  }
  const { compared, differing, notShown } = comparison;
  const listed: MessageParam[] = differing.slice(0, 3).map((each) => ({ text: message('checkDayDiffers', { day: each.day, response: each.response, page: each.page }) }));
  if (differing.length > 3) listed.push({ text: message('checkMoreDays', { count: differing.length - 3 }) });
  const days = differing.length === 0 ? message('checkPageDaysAgree', { count: compared }) : message('checkPageDaysDisagree', { agreeing: compared - differing.length, count: compared, days: { list: listed } });
  return notShown > 0 ? message('listSemicolon', { first: { text: days }, rest: { text: message('checkPageDaysNotShown', { count: notShown }) } }) : days;
}

export type DistributorPageCheck<Outcome> = { status: 'none' } | { status: 'not-yet' } | { status: 'checked'; outcome: Outcome; check: Message };

/**
 * A distributor's reading checked against the page. `final` is the last attempt (the page had
 * its time to render): until then a page that shows nothing yet, days of no series of the
 * reading, or disagrees on every day it shows, is `not-yet` (lib/page-check-queue.ts asks again).
 */
export function checkDistributorReading<Outcome extends RefusableResult & { tracks: readonly TrackRef[] }>(outcome: Outcome, evidence: PageEvidence, final: boolean): DistributorPageCheck<Outcome> {
  if (!outcome.observations.some((obs) => obs.metric === 'streams')) return { status: 'none' };
  const comparison = comparePageDays(outcome, evidence);
  const waiting = comparison.kind === 'other-days' || (comparison.kind === 'loose' && comparison.shown === null && comparison.total === null) || (comparison.kind === 'days' && comparison.allDisagree);
  if (waiting && !final) return { status: 'not-yet' };
  const check = pageDaysWords(comparison);
  if (comparison.kind !== 'days' || comparison.differing.length === 0) return { status: 'checked', outcome, check };
  const refused = new Set(comparison.differing.map((each) => each.key));
  return { status: 'checked', outcome: refuseObservations(outcome, (obs) => obs.metric === 'streams' && refused.has(`${seriesKey(obs)}|${obs.day}`), check), check };
}
