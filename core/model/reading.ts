/**
 * A reading as plain data: what one content script read (or failed to read) on one page visit,
 * after the message layer has checked it (core/messaging/reading.ts holds the schema, which
 * must produce exactly this shape). The store takes and records readings in this form, so it
 * needs nothing of the message layer.
 */
import type { SavedText } from '../i18n/message';
import type { Metric } from './schema';

/** How a reading names a track: whatever identity the page showed. `ref` is local to the reading. */
export interface TrackRef {
  ref: string;
  isrc: string | null;
  title: string;
  artists: string[];
  spotifyTrackId: string | null;
  /** The distributor's own id for the track or release, keyed by the reading's site. */
  distributorId: string | null;
}

export interface ReadingObservation {
  ref: string;
  store: string;
  metric: Metric;
  day: string;
  value: number;
}

/** One data response a visit saw: its path template (never the ids), status and what came of it. */
export interface ResponseSeen {
  template: string;
  status: number;
  kind: string;
  /** What the reader made of it, and how it compared with the page (English in records older than messages). */
  yielded: SavedText;
  check: SavedText | null;
}

export interface Reading {
  id: string;
  /** The site id (core/sites.ts), also the `source` of its observations. */
  site: string;
  path: string;
  readAt: string;
  status: 'recognised' | 'unrecognised';
  /** Why nothing was read (English in records older than messages). */
  reason: SavedText | null;
  recognised: SavedText[];
  unrecognised: SavedText[];
  tracks: TrackRef[];
  observations: ReadingObservation[];
  responses: ResponseSeen[];
  /** Page messages the content script dropped over the page channel's limits since its last reading. */
  dropped?: DroppedMessages | null;
  /** The recipe that read it (core/recipes), or null for built-in knowledge. */
  recipe?: { id: string; name: string } | null;
}

/** Page messages dropped over the page channel's limits, and their size. */
export interface DroppedMessages {
  messages: number;
  characters: number;
}

/** A reading as the diagnostics page lists it: the reading's own header, then what storing it did. */
export interface ReadingRecord extends Pick<Reading, 'id' | 'site' | 'path' | 'readAt' | 'status' | 'reason' | 'recognised' | 'unrecognised'> {
  /** Observations in the reading, and how many of them were new revisions. */
  observationCount: number;
  addedCount: number;
  /** Set when the background refused to store the reading (e.g. a private window); English in records older than messages. */
  refused: SavedText | null;
  /** Each data response of the visit (absent in readings recorded before version 0.2). */
  responses?: ResponseSeen[];
  /** Page messages dropped over the page channel's limits (absent when none were). */
  dropped?: DroppedMessages;
}

/** What importing a history file added. */
export interface ImportResult {
  tracksAdded: number;
  observationsAdded: number;
  observationsUnchanged: number;
  /** New money revisions from sales reports (docs/contracts.md §3); absent when the file had none. */
  moneyAdded?: number;
}
