/**
 * Track identity inside an unknown response: an ISRC, or a title with the distributor's track
 * id, or a release id with a track title. A bare `id` or `title` is taken as the track's only
 * when something says the object is a track (a key like `isrc` / `artist` beside it, a
 * `tracks: […]` list around it, or a `{track: {…}}` object): a chart's `{id, title}` must not
 * become a track called "Streams per day".
 */
import type { TrackRef } from '../../messaging/reading';
import { normaliseIsrc } from '../../model/isrc';
import { shortHash, textSlug } from '../reports/identity';
import { ISRC_KEYS, RELEASE_ID_KEYS, RELEASE_OBJECT_KEYS, TRACK_ID_KEYS, TRACK_OBJECT_KEYS, TRACK_TITLE_KEYS, TRACKISH_KEYS, normaliseKey } from './keys';

export interface TrackIdentity {
  isrc: string | null;
  /** iMusician's own id for the track. */
  trackId: string | null;
  releaseId: string | null;
  title: string;
}

interface IdentityContext {
  /** The object sits under a key naming tracks (`tracks`, `songList` …) or in a `track` object. */
  trackContext: boolean;
  /** A release id given by an enclosing object. */
  releaseId: string | null;
}

const MAX_ID = 80;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
export const MAX_TITLE = 500;

/** Own keys by normalised name; the first spelling wins. `__proto__` is never read. */
export function fieldsOf(object: Record<string, unknown>): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const key of Object.keys(object)) {
    if (key === '__proto__') continue;
    const normalised = normaliseKey(key);
    if (!fields.has(normalised)) fields.set(normalised, object[key]);
  }
  return fields;
}

function firstOf(fields: Map<string, unknown>, keys: ReadonlySet<string>): unknown {
  for (const key of keys) if (fields.has(key)) return fields.get(key);
  return undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An id: a whole number ≥ 0 or a short code of letters, digits and `_ . : -`. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length <= MAX_ID && ID_PATTERN.test(trimmed) ? trimmed : null;
}

function titleOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed.slice(0, MAX_TITLE);
}

/** `releaseId: 9` or `release: {id: 9}` on the object itself. */
export function releaseIdOf(object: Record<string, unknown>): string | null {
  const fields = fieldsOf(object);
  const direct = idOf(firstOf(fields, RELEASE_ID_KEYS));
  if (direct) return direct;
  const nested = firstOf(fields, RELEASE_OBJECT_KEYS);
  if (!isPlainObject(nested)) return null;
  const nestedFields = fieldsOf(nested);
  return idOf(nestedFields.get('id')) ?? idOf(firstOf(nestedFields, RELEASE_ID_KEYS));
}

interface Parts {
  isrc: string | null;
  trackId: string | null;
  title: string | null;
  /** The title came from a key that only a track has, or from a track context. */
  titleIsTrack: boolean;
}

function partsOf(object: Record<string, unknown>, trackContext: boolean): Parts {
  const fields = fieldsOf(object);
  const isrcKey = [...ISRC_KEYS].some((key) => fields.has(key));
  const rawIsrc = firstOf(fields, ISRC_KEYS);
  const isrc = typeof rawIsrc === 'string' ? normaliseIsrc(rawIsrc) : null;
  const trackish = trackContext || [...TRACKISH_KEYS].some((key) => fields.has(key));
  const strongTitle = titleOf(firstOf(fields, TRACK_TITLE_KEYS));
  const genericTitle = titleOf(fields.get('title')) ?? (isrcKey || trackContext ? titleOf(fields.get('name')) : null);
  const strongId = idOf(firstOf(fields, TRACK_ID_KEYS));
  const trackId = strongId ?? (strongTitle !== null || trackish ? idOf(fields.get('id')) : null);
  return { isrc, trackId, title: strongTitle ?? genericTitle, titleIsTrack: strongTitle !== null || trackContext };
}

/** The track an object names, or null when it names none (or not surely a track). */
export function identityOf(object: Record<string, unknown>, context: IdentityContext): TrackIdentity | null {
  const own = partsOf(object, context.trackContext);
  const fields = fieldsOf(object);
  const nestedObject = firstOf(fields, TRACK_OBJECT_KEYS);
  const nested = isPlainObject(nestedObject) ? partsOf(nestedObject, true) : null;
  const isrc = own.isrc ?? nested?.isrc ?? null;
  const trackId = own.trackId ?? nested?.trackId ?? null;
  const title = own.title ?? nested?.title ?? null;
  const titleIsTrack = own.title !== null ? own.titleIsTrack : (nested?.titleIsTrack ?? false);
  const releaseId = releaseIdOf(object) ?? context.releaseId;
  if (isrc || (trackId && title)) return { isrc, trackId, releaseId, title: title ?? '' };
  if (releaseId && title && titleIsTrack) return { isrc: null, trackId: null, releaseId, title };
  return null;
}

const MAX_REF = 100;

function capped(text: string): string {
  if (text.length <= MAX_REF) return text;
  const hash = shortHash(text);
  return `${text.slice(0, MAX_REF - hash.length - 1)}-${hash}`;
}

/** The reading-local ref: the same identity always gives the same ref. */
export function identityRef(identity: TrackIdentity): string {
  if (identity.isrc) return `isrc:${identity.isrc}`;
  if (identity.trackId) return `id:${identity.trackId}`;
  return capped(`release:${identity.releaseId}:${shortHash(identity.title)}`);
}

/**
 * The distributor id kept with the track: iMusician's track id, or (without ISRC and track
 * id) the release id with the title, which names one track of one release just as stably.
 */
function distributorIdOf(identity: TrackIdentity): string | null {
  if (identity.trackId) return identity.trackId;
  if (identity.isrc || !identity.releaseId) return null;
  return capped(`release-${identity.releaseId}/${textSlug(identity.title) || shortHash(identity.title)}`);
}

export function identityTrackRef(identity: TrackIdentity): TrackRef {
  return {
    ref: identityRef(identity),
    isrc: identity.isrc,
    title: identity.title.slice(0, MAX_TITLE),
    artists: [],
    spotifyTrackId: null,
    distributorId: distributorIdOf(identity),
  };
}
