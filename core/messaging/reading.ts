/**
 * A reading: what one content script read (or failed to read) on one page visit. It is the
 * only thing pages can hand to the background, so it is validated strictly and capped.
 */
import { z } from '../zod';
import type { Message, SavedText } from '../i18n/message';
import { MAX_READING_RESPONSES } from './limits';
import { SITE_IDS } from '../sites';
import type { Reading as ModelReading } from '../model/reading';
import { TAUGHT_SITE_ID } from '../sources/site';


import { METRICS, daySchema, instantSchema, isrcSchema, sourceIdSchema, SPOTIFY_TRACK_ID_PATTERN } from '../model/schema';

/** A message key or placeholder name as the catalogs spell them (docs/i18n.md). */
const MESSAGE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;
/** A placeholder's value that is no message itself (core/i18n/message.ts), bounded. */
const valueParam = z.union([
  z.number().finite(),
  z.string().max(300),
  z.object({ percent: z.number().finite() }),
  z.object({ day: daySchema }),
  z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) }),
  z.object({ instant: z.string().max(40) }),
  z.object({ values: z.array(z.number().finite()).max(20) }),
]);
/** A message whose parameters may hold messages `depth` levels deep: a reason inside "not understood: …" inside a shape's line. */
function messageSchemaAt(depth: number): z.ZodType {
  const param = depth === 0 ? valueParam : z.union([valueParam, z.object({ text: messageSchemaAt(depth - 1) }), z.object({ list: z.array(z.union([valueParam, z.object({ text: messageSchemaAt(depth - 1) })])).max(20) })]);
  const params = z.record(z.string().regex(MESSAGE_NAME), param).refine((given) => Object.keys(given).length <= 12, 'more than 12 parameters');
  return z.object({ key: z.string().regex(MESSAGE_NAME), params: params.optional() });
}
const savedMessageSchema = messageSchemaAt(4) as z.ZodType<Message, Message>;

/**
 * A reader's words as a message (key and values, docs/i18n.md) or, as readings before messages
 * carried them, English text: messages at most four levels deep, every string bounded.
 */
export const savedTextSchema = (max: number): z.ZodType<SavedText, SavedText> => z.union([z.string().max(max), savedMessageSchema]);

export const MAX_READING_OBSERVATIONS = 20_000;
export const MAX_READING_TRACKS = 2_000;

/** How a reading names a track: whatever identity the page showed. `ref` is local to the reading. */
export const trackRefSchema = z.object({
  ref: z.string().min(1).max(100),
  isrc: isrcSchema.nullable().default(null),
  title: z.string().max(500).default(''),
  artists: z.array(z.string().max(500)).max(50).default([]),
  spotifyTrackId: z.string().regex(SPOTIFY_TRACK_ID_PATTERN).nullable().default(null),
  /** The distributor's own id for the track or release, keyed by the reading's site. */
  distributorId: z.string().min(1).max(100).nullable().default(null),
});
export type TrackRef = z.output<typeof trackRefSchema>;

export const readingObservationSchema = z.object({
  ref: z.string().min(1).max(100),
  store: sourceIdSchema,
  metric: z.enum(METRICS),
  day: daySchema,
  value: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type ReadingObservation = z.output<typeof readingObservationSchema>;

/**
 * One data response a visit saw, for the diagnostics: its path template (never the ids), its
 * HTTP status, what the reader made of it and how it compared with the page.
 */
export const responseSeenSchema = z.object({
  template: z.string().max(200),
  status: z.number().int().min(0).max(999),
  kind: z.string().max(100),
  /** "27 counts stored", "the page had no data (HTTP 429)", "not understood: …". */
  yielded: savedTextSchema(300),
  /** "checked against the page's chart: 28 of 28 days agree", or null when no check applies. */
  check: savedTextSchema(300).nullable().default(null),
});
export type ResponseSeen = z.output<typeof responseSeenSchema>;

export const readingSchema = z.object({
  /** Deterministic per visit and content, so a resent reading is recognised and not stored twice. */
  id: z.string().min(8).max(100),
  /** A built-in dashboard's id, or a taught distributor's (`taught-…`); the reading policy checks it is the sender's. */
  site: z.union([z.enum(SITE_IDS), z.string().regex(TAUGHT_SITE_ID)]),
  /** Path of the page read (no query string: it can carry personal filters). */
  path: z.string().max(500),
  readAt: instantSchema,
  status: z.enum(['recognised', 'unrecognised']),
  /** Why nothing was read, in words for the diagnostics page. */
  reason: savedTextSchema(500).nullable().default(null),
  /** Names of the response shapes or page parts that were recognised / seen but not understood. */
  recognised: z.array(savedTextSchema(200)).max(200).default([]),
  unrecognised: z.array(savedTextSchema(200)).max(200).default([]),
  tracks: z.array(trackRefSchema).max(MAX_READING_TRACKS).default([]),
  observations: z.array(readingObservationSchema).max(MAX_READING_OBSERVATIONS).default([]),
  /** The recipe that read it (core/recipes; a built-in one for iMusician's responses), or null for built-in knowledge that is no recipe. */
  recipe: z
    .object({ id: z.string().regex(/^r-[A-Za-z0-9]{8,32}$/), name: z.string().min(1).max(200) })
    .nullable()
    .default(null),
  /** The data responses of the visit, in the order they came (older readings have none). */
  responses: z.array(responseSeenSchema).max(MAX_READING_RESPONSES).default([]),
  /** Page messages the content script dropped over the page channel's limits since its last reading. */
  dropped: z
    .object({ messages: z.number().int().min(1).max(1e9), characters: z.number().int().min(0).max(1e13) })
    .nullable()
    .default(null),
});
export type Reading = z.output<typeof readingSchema>;

/** The schema's output is the model's reading (core/model/reading.ts): the store takes it as such. */
const _sameShape: (reading: Reading) => ModelReading = (reading) => reading;
void _sameShape;
export type ReadingInput = z.input<typeof readingSchema>;
