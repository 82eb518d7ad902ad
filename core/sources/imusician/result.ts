/**
 * What one iMusician response (or the trends table) yields: the same fields as the Spotify
 * reader's result, so the content script and the reading session treat both alike.
 *
 * Recent days: iMusician's trends run about 5 days behind and stay provisional, but a value
 * read now is still what the dashboard said now; a later visit adds a revision, and the
 * compare core treats recent distributor days as pending. So recent days ARE stored; only a
 * day that has not ended yet (today or later, UTC) is held back, as no count for it is whole.
 */
import { clipMessage, type Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { addDays, type Day } from '../../model/day';
import { emptyParseResult, unrecognisedResult, type ParseResult } from '../parse-result';
import { describeValue, parseCount } from '../shared/values';
import { parseDashboardDay } from '../generic/days';
import { identityRef, identityTrackRef, type TrackIdentity } from '../generic/identity';

export interface ImusicianReadContext {
  /** The UTC day of the reading. */
  today: Day;
}

/** Nothing carries over between iMusician responses yet; kept so the wiring matches Spotify's. */
export type ImusicianContextUpdate = Record<string, never>;

/** `no-data`: the app asked and got nothing usable back (an error status, 204, an empty body): recognised, nothing stored. */
export type ImusicianResultKind = 'daily-series' | 'chart-series' | 'no-data' | 'unknown-shape' | 'unknown-path' | 'dom-trends-table';

/**
 * Held back (`heldBack`): points for days that have not ended yet. Refused (`rejected`): points
 * that are not a whole number ≥ 0, not a calendar day, or conflict.
 */
export type ImusicianParseResult = ParseResult<ImusicianResultKind, ImusicianContextUpdate>;

export function emptyResult(kind: ImusicianResultKind): ImusicianParseResult {
  return emptyParseResult(kind, {});
}

export function unrecognised(kind: ImusicianResultKind, reason: Message): ImusicianParseResult {
  return unrecognisedResult(kind, reason, {});
}

/** The last day that has ended (UTC). */
function lastWholeDay(context: ImusicianReadContext): Day {
  return addDays(context.today, -1);
}

export interface SeriesInput {
  identity: TrackIdentity;
  store: string;
  points: ReadonlyArray<{ day: unknown; value: unknown }>;
  /** Where the series is: a path in the data ("data.trends[0]"), or words (`readerTable`). */
  where: string | { text: Message };
}

/**
 * Adds series to a result: one track ref per identity, one observation per (track, store,
 * day). A day given twice with different values (in one series or two) is refused whole.
 */
export function addSeries(result: ImusicianParseResult, series: readonly SeriesInput[], context: ImusicianReadContext): void {
  const cutoff = lastWholeDay(context);
  const tracks = new Map(result.tracks.map((track) => [track.ref, track]));
  const points = new Map<string, { ref: string; store: string; day: Day; value: number | null }>();
  const refuse = (problem: Message) => {
    result.rejected++;
    result.partial = true;
    result.reason ??= clipMessage(problem, 300);
  };
  for (const one of series) {
    const ref = identityRef(one.identity);
    if (!tracks.has(ref)) tracks.set(ref, identityTrackRef(one.identity));
    one.points.forEach((point, index) => {
      const day = parseDashboardDay(point.day);
      // Where in the data (`data.trends[0]`) and the values as they were are data, not words.
      if (day === null) return refuse(message('readerPointNotDay', { where: one.where, point: String(index), value: describeValue(point.day) }));
      const value = parseCount(point.value);
      if (value === null) return refuse(message('readerPointNotCount', { where: one.where, point: String(index), day, value: describeValue(point.value) }));
      const key = `${ref}\u0000${one.store}\u0000${day}`;
      const seen = points.get(key);
      if (!seen) points.set(key, { ref, store: one.store, day, value });
      else if (seen.value !== value) {
        if (seen.value !== null) result.rejected++; // the first value of the day is refused too
        seen.value = null;
        refuse(message('readerDayTwice', { where: one.where, day }));
      }
    });
  }
  for (const point of points.values()) {
    if (point.value === null) continue;
    if (point.day > cutoff) result.heldBack++;
    else result.observations.push({ ref: point.ref, store: point.store, metric: 'streams', day: point.day, value: point.value });
  }
  result.tracks = [...tracks.values()];
}
