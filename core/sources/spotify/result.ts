/**
 * What one parsed response yields, and the context that carries over between responses of
 * one page visit (the last finished day, track titles).
 *
 * Finality decision: S4A's `latestDate` is the last finished day; a day after it can still
 * change within the same page session. The observation model has no "final" flag, and a
 * stored partial value would look like a real daily count (and a large gap to the
 * distributor), so such days are NOT stored: they are counted in `heldBack`. The day will be
 * stored on a later visit, once it is final. Without a known `latestDate`, the cutoff is the
 * day before `today` (a day still running is certainly not final); a `latestDate` later than
 * that is not believed either.
 */
import { clipMessage, type Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import type { Day } from '../../model/day';
import { addDays } from '../../model/day';
import type { Metric } from '../../model/schema';
import type { ReadingObservation, TrackRef } from '../../messaging/reading';
import { emptyParseResult, unrecognisedResult, type ParseResult } from '../parse-result';
import type { SpotifyShapeKind } from './routes';
import { describeValue, parseApiDay, parseCountOrAbsent } from '../shared/values';
import { SPOTIFY_STORE } from '../../model/ids';

export interface SpotifyReadContext {
  /** The last finished day S4A reported (`v1/meta/latest-date`), when seen. */
  latestDate: Day | null;
  /** The UTC day of the reading (from the reading's time). */
  today: Day;
  /** Track titles seen so far, by Spotify track id. */
  titles: ReadonlyMap<string, string>;
}

export interface SpotifyContextUpdate {
  latestDate?: Day;
  titles?: ReadonlyMap<string, string>;
}

export type SpotifyResultKind = SpotifyShapeKind | 'unknown-path' | 'dom-song-page' | 'dom-songs-table';

/**
 * Held back (`heldBack`): points for days after the last finished day (see the file comment).
 * `kind` is the route kind, or 'unknown-path'.
 */
export type SpotifyParseResult = ParseResult<SpotifyResultKind, SpotifyContextUpdate> & {
  /**
   * A song's daily series as the response gave it (every valid day, held-back days too), for
   * the check against what the page itself renders (page-check.ts). Only responses that
   * carry one song's worldwide daily counts set it.
   */
  readSeries?: ReadSeries[];
};

export interface ReadSeries {
  trackId: string;
  metric: 'streams' | 'listeners';
  /** Valid days in order, each once (conflicting days are not here). */
  points: Array<{ day: Day; value: number }>;
}

export function emptyResult(kind: SpotifyResultKind): SpotifyParseResult {
  return emptyParseResult(kind, {});
}

export function unrecognised(kind: SpotifyResultKind, reason: Message): SpotifyParseResult {
  return unrecognisedResult(kind, reason, {});
}

/** Recognised, nothing stored, with the reason in words. */
export function seenNotStored(kind: SpotifyResultKind, note: Message): SpotifyParseResult {
  return { ...emptyResult(kind), note };
}

export function spotifyTrackRef(trackId: string, context: Pick<SpotifyReadContext, 'titles'>, title?: string): TrackRef {
  return {
    ref: trackId,
    isrc: null,
    title: (title ?? context.titles.get(trackId) ?? '').slice(0, 500),
    artists: [],
    spotifyTrackId: trackId,
    distributorId: null,
  };
}

/** The last day that is final: latestDate, but never today or later (UTC days). */
export function finalCutoff(context: Pick<SpotifyReadContext, 'latestDate' | 'today'>): Day {
  const yesterday = addDays(context.today, -1);
  return context.latestDate !== null && context.latestDate < yesterday ? context.latestDate : yesterday;
}

/** The metric's own word ("streams", "Streams", "écoutes"), for a message that names it. */
export function metricWord(metric: 'streams' | 'listeners'): { text: Message } {
  return { text: metric === 'streams' ? message('checkMetricStreams') : message('checkMetricListeners') };
}

/** What a series is, for notes: a name in the data (`timelinePoint`, a metric id) or words (`readerSeriesChart`). */
export type SeriesLabel = string | Message;

const labelParam = (label: SeriesLabel) => (typeof label === 'string' ? label : { text: label });

interface SeriesOutcome {
  observations: ReadingObservation[];
  rejected: number;
  heldBack: number;
  /** The first refused point, described for the diagnostic line. */
  firstProblem: Message | null;
  /** Points without a count, read as 0 (the gateway leaves zeros out). */
  absentAsZero: number;
  /** What the series is, for notes ("streams", "timelinePoint"). */
  label: SeriesLabel;
  /** Every valid day of the series, held-back ones too, in day order. */
  valid: Array<{ day: Day; value: number }>;
}

/**
 * Turns raw (day, value) pairs of one series into observations: refuses bad days and counts,
 * refuses a day given twice with different values, holds back days after the cutoff. Points
 * come in any order (S4A sorts them itself after reading) and a day repeated with the same
 * value is one day. A `value` of `undefined` is a count the response left out: 0 (values.ts);
 * parsers pass `null` for a point that is not an object at all, so it is refused.
 */
export function seriesToObservations(
  points: ReadonlyArray<{ day: unknown; value: unknown }>,
  ref: string,
  metric: Metric,
  cutoff: Day,
  label: SeriesLabel,
): SeriesOutcome {
  const byDay = new Map<Day, number | null>(); // null: conflicting values
  let rejected = 0;
  let absentAsZero = 0;
  let firstProblem: Message | null = null;
  const where = labelParam(label);
  const refuse = (problem: Message) => {
    rejected++;
    firstProblem ??= problem;
  };
  points.forEach((point, index) => {
    const day = parseApiDay(point.day);
    if (day === null) return refuse(message('readerPointNotDay', { where, point: String(index), value: describeValue(point.day) }));
    const value = parseCountOrAbsent(point.value);
    if (value === null) return refuse(message('readerPointNotCount', { where, point: String(index), day, value: describeValue(point.value) }));
    if (point.value === undefined) absentAsZero++;
    if (!byDay.has(day)) byDay.set(day, value);
    else if (byDay.get(day) !== value) {
      if (byDay.get(day) !== null) rejected++; // the first value of the day is refused too
      byDay.set(day, null);
      refuse(message('readerDayTwice', { where, day }));
    }
  });
  const observations: ReadingObservation[] = [];
  const valid: Array<{ day: Day; value: number }> = [];
  let heldBack = 0;
  for (const day of [...byDay.keys()].sort()) {
    const value = byDay.get(day);
    if (value === null || value === undefined) continue;
    valid.push({ day, value });
    if (day > cutoff) heldBack++;
    else observations.push({ ref, store: SPOTIFY_STORE, metric, day, value });
  }
  return { observations, rejected, heldBack, firstProblem, absentAsZero, label, valid };
}

/** Adds a clause to the result's note ("a; b"), kept to one line. */
export function addNote(result: SpotifyParseResult, text: Message): void {
  result.note = clipMessage(result.note ? message('listSemicolon', { first: { text: result.note }, rest: { text } }) : text, 300);
}

/** Adds one series' outcome to a result, marking it partial when points were refused. */
export function addSeries(result: SpotifyParseResult, outcome: SeriesOutcome): void {
  result.observations.push(...outcome.observations);
  result.rejected += outcome.rejected;
  result.heldBack += outcome.heldBack;
  if (outcome.absentAsZero > 0) addNote(result, message('readerZeroDays', { series: labelParam(outcome.label), count: outcome.absentAsZero }));
  if (outcome.rejected > 0) {
    result.partial = true;
    result.reason ??= outcome.firstProblem;
  }
}
