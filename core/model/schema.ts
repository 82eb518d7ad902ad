/**
 * The data model of docs/contracts.md §1: tracks and observations, exactly as the history file
 * holds them. Everything that enters the core (files, page readings, messages) passes these.
 */
import { z } from '../zod';
import { isDay, lastDayOfMonth, monthOf } from './day';

export const METRICS = [
  'streams',
  'listeners',
  'streams_28d',
  'streams_12m',
  'listeners_28d',
  'listeners_12m',
  'streams_month',
] as const;
export type Metric = (typeof METRICS)[number];

export { SOURCE_ID_PATTERN, SPOTIFY_TRACK_ID_PATTERN, INSTANT_PATTERN } from './patterns';
import { ISRC_PATTERN, SOURCE_ID_PATTERN, SPOTIFY_TRACK_ID_PATTERN } from './patterns';

const MAX_TEXT = 500;

export const sourceIdSchema = z
  .string()
  .regex(SOURCE_ID_PATTERN, { error: (issue) => `${JSON.stringify(issue.input)} is not a source id (lower-case letters, digits, - and _)` });

export const daySchema = z.string().refine(isDay, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a calendar day (YYYY-MM-DD)`,
});

/** Accepts any ISO 8601 time with a zone and normalises it to the canonical form. */
export const instantSchema = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && isDay(value.slice(0, 10)) && !Number.isNaN(Date.parse(value)), {
    error: (issue) => `${JSON.stringify(issue.input)} is not an ISO time with a zone (e.g. 2025-04-01T08:00:00.000Z)`,
  })
  .transform((value) => new Date(value).toISOString());

export const isrcSchema = z.string().regex(ISRC_PATTERN, {
  error: (issue) => `${JSON.stringify(issue.input)} is not an ISRC (12 characters, e.g. CHXXX2400001)`,
});

export const trackSchema = z.object({
  id: z.string().min(1).max(100),
  isrc: isrcSchema.nullable(),
  title: z.string().max(MAX_TEXT),
  artists: z.array(z.string().max(MAX_TEXT)).max(50),
  spotifyTrackIds: z
    .array(
      z.string().regex(SPOTIFY_TRACK_ID_PATTERN, {
        error: (issue) => `${JSON.stringify(issue.input)} is not a Spotify track id`,
      }),
    )
    .max(100),
  distributorIds: z.record(sourceIdSchema, z.string().min(1).max(100)),
});
export type Track = z.infer<typeof trackSchema>;

/**
 * No dashboard or report can count a day after the moment it was read: a daily count's day,
 * and a window total's last day (a window can end on the day it is read), are on or before
 * the day of `observedAt` (UTC); a report's month is on or before its month. Anything later is
 * impossible data, refused where it enters, never stored.
 */
export function countedBeforeRead(obs: { day: string; metric: string; observedAt: string }): boolean {
  const readDay = obs.observedAt.slice(0, 10);
  return obs.metric === 'streams_month' ? monthOf(obs.day) <= monthOf(readDay) : obs.day <= readDay;
}

export const observationSchema = z
  .object({
    track: z.string().min(1).max(100),
    source: sourceIdSchema,
    store: sourceIdSchema,
    metric: z.enum(METRICS, {
      error: (issue) => `${JSON.stringify(issue.input)} is not a metric (${METRICS.join(', ')})`,
    }),
    day: daySchema,
    value: z
      .number({ error: (issue) => `${JSON.stringify(issue.input)} is not a number` })
      .refine((value) => Number.isSafeInteger(value) && value >= 0, {
        error: (issue) => `${JSON.stringify(issue.input)} is not a non-negative whole number`,
      }),
    observedAt: instantSchema,
  })
  .refine((obs) => obs.metric !== 'streams_month' || obs.day === lastDayOfMonth(monthOf(obs.day)), {
    error: 'a streams_month observation must be dated on the last day of its month',
    path: ['day'],
  })
  .refine(countedBeforeRead, {
    error: (issue) => {
      const obs = issue.input as { day: string; metric: string; observedAt: string };
      return obs.metric === 'streams_month'
        ? `the month ${monthOf(obs.day)} is after ${obs.observedAt}, when it was read: no report counts a month that has not begun`
        : `the day ${obs.day} is after ${obs.observedAt}, when it was read: no dashboard counts a day that has not begun`;
    },
    path: ['day'],
  });
export type Observation = z.output<typeof observationSchema>;

// Lives in ./isrc.ts so content scripts can use it without loading zod.
export { normaliseIsrc } from './isrc';
