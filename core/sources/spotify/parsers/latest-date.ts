/**
 * `v1/meta/latest-date` → `{latestDate}`: the last finished day. Days after it are not final
 * and are held back by the other parsers (see result.ts).
 */
import { emptyResult, unrecognised } from '../result';
import { describeValue, parseApiDay } from '../values';
import { isFields } from './shape';
import type { SpotifyBodyParser } from './types';

export const parseLatestDate: SpotifyBodyParser = (body, route) => {
  if (!isFields(body) || body.latestDate === undefined) return unrecognised(route.kind, 'expected {latestDate: "YYYY-MM-DD"}');
  const day = parseApiDay(body.latestDate);
  if (!day) return unrecognised(route.kind, `latestDate ${describeValue(body.latestDate)} is not a calendar day`);
  return { ...emptyResult(route.kind), context: { latestDate: day } };
};
