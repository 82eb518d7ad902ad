/**
 * What a recipe's reading yields for the reading session: the same ParseResult every dashboard
 * reader gives (core/sources/parse-result.ts), so a taught dashboard's days are stored like
 * iMusician's. Track refs and distributor ids follow the shared identity rules
 * (core/sources/generic/identity.ts). A day that has not ended yet (today or later, UTC) is held
 * back, as for iMusician. A weekly series' points are weekly counts (`streams_week`, dated on the
 * week's first day, core/model/schema.ts), never days: held back until the week has ended, and
 * compared per week (core/compare/weekly.ts, core/views/weeks.ts).
 */
import { message } from '../i18n/typed';
import { addDays, type Day } from '../model/day';
import type { Metric } from '../model/schema';
import { WEEK_DAYS } from '../compare/weekly';
import { emptyParseResult, unrecognisedResult, type ParseResult } from '../sources/parse-result';
import { identityRef, identityTrackRef } from '../sources/generic/identity';
import { describeNoMatch } from './describe';
import type { NoMatchReason, RecipeReading } from './types';

export type RecipeResultKind = 'recipe-series' | 'recipe-no-match';
export type RecipeParseResult = ParseResult<RecipeResultKind, Record<string, never>>;

export interface RecipeReadContext {
  /** The UTC day of the reading. */
  readonly today: Day;
}

export function recipeReadingToResult(reading: RecipeReading, context: RecipeReadContext): RecipeParseResult & { noMatch: NoMatchReason | null } {
  if (reading.kind === 'no-match') {
    // Where in the response ("(root)", a path) is data; why is said in the artist's language.
    const why = message('fileProblemAt', { where: { text: message('fileAtPath', { path: reading.where }) }, problem: { text: describeNoMatch(reading) } });
    return { ...unrecognisedResult('recipe-no-match', why, {}), noMatch: reading.reason };
  }
  const result = emptyParseResult<RecipeResultKind, Record<string, never>>('recipe-series', {});
  const cutoff = addDays(context.today, -1);
  const tracks = new Map<string, ReturnType<typeof identityTrackRef>>();
  for (const series of reading.series) {
    const ref = identityRef(series.identity);
    if (!tracks.has(ref)) tracks.set(ref, identityTrackRef(series.identity));
    const weekly = series.cadence === 'weekly';
    for (const point of series.points) {
      // A week counts once its last day has ended, as a day does.
      const lastDay = weekly ? addDays(point.day, WEEK_DAYS - 1) : point.day;
      if (lastDay > cutoff) result.heldBack++;
      else result.observations.push({ ref, store: series.store, metric: (weekly ? 'streams_week' : 'streams') satisfies Metric, day: point.day, value: point.count });
    }
  }
  result.tracks = [...tracks.values()];
  return { ...result, noMatch: null };
}
