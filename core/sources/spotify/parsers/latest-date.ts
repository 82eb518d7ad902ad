/**
 * `v1/meta/latest-date` → `{latestDate}`: the last finished day. Days after it are not final
 * and are held back by the other parsers (see result.ts).
 */
import { z } from '../../../zod';
import { emptyResult, unrecognised } from '../result';
import { describeValue, parseApiDay } from '../values';
import type { SpotifyBodyParser } from './types';

const latestDateSchema = z.looseObject({ latestDate: z.unknown() });

export const parseLatestDate: SpotifyBodyParser = (body, route) => {
  const parsed = latestDateSchema.safeParse(body);
  if (!parsed.success || parsed.data.latestDate === undefined) return unrecognised(route.kind, 'expected {latestDate: "YYYY-MM-DD"}');
  const day = parseApiDay(parsed.data.latestDate);
  if (!day) return unrecognised(route.kind, `latestDate ${describeValue(parsed.data.latestDate)} is not a calendar day`);
  return { ...emptyResult(route.kind), context: { latestDate: day } };
};
