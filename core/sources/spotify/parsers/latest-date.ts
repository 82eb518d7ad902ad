/**
 * `v1/meta/latest-date` → `{latestDate}`: the last finished day. Days after it are not final
 * and are held back by the other parsers (see result.ts). S4A's own code reads it as
 * `latest_date` (snake case, which camelKeys has turned into `latestDate` here) through a UTC
 * start-of-day, so the value may carry a time; other clients read
 * `latestDate ?? latest_date ?? date` (core/sources/spotify/README.md, "latest-date"). When the call fails,
 * the fallback is S4A's own: yesterday (UTC), the cutoff without a latest date.
 */
import { message } from '../../../i18n/typed';
import { emptyResult, unrecognised } from '../result';
import { describeValue, parseLatestDay } from '../../shared/values';
import { isFields } from './shape';
import type { SpotifyBodyParser } from './types';

export const parseLatestDate: SpotifyBodyParser = (body, route) => {
  const raw = isFields(body) ? (body.latestDate ?? body.date) : undefined;
  if (raw === undefined) return unrecognised(route.kind, message('readerExpectedShape', { shape: '{latestDate: "YYYY-MM-DD"} (or latest_date, date)' }));
  const day = parseLatestDay(raw);
  if (!day) return unrecognised(route.kind, message('readerFieldNotDay', { field: 'latestDate', value: describeValue(raw) }));
  return { ...emptyResult(route.kind), context: { latestDate: day } };
};
