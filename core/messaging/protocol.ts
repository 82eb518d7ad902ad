/**
 * The one message map between contexts. Names say the direction: `cs:` from content scripts,
 * `ui:` from the extension's own pages (popup, history page). The background validates every
 * request against its schema and checks that the sender is allowed to send it.
 */
import { z } from '../zod';
import { readingSchema, savedTextSchema } from './reading';
import type { ImportResult, ReadingRecord } from '../model/reading';
import type { Settings } from '../settings';
import { settingsPatchSchema } from '../settings';
import { daySchema, isrcSchema, SPOTIFY_TRACK_ID_PATTERN, type Track } from '../model/schema';
import { SNAPSHOT_LIMITS } from '../sources/spotify/songs-table-snapshot';
import type { SpotifyParseResult } from '../sources/spotify/result';
import type { ParsedResponse } from '../sources/parse-in-background';
import type { History } from '../model/history';
import type { Overview, OverlayView, SongBadge, TrackView } from '../views/types';
import { taughtRequests, type TaughtConfirmed, type TaughtPage, type TaughtReading } from './taught';
import { checkPageRequest, type CheckPageReply } from './page-check';
import type { Recipe, StructureRecipe } from '../recipes/types';
import type { Message } from '../i18n/message';
import type { AddressProblem, TaughtSite } from '../taught-sites';

type SenderKind = 'content' | 'extension';

export const MAX_IMPORT_CHARS = 200 * 1024 * 1024;

/** Which track a dashboard page shows, by whatever identity the page gives. */
export const overlayRequestSchema = z
  .object({
    spotifyTrackId: z.string().regex(SPOTIFY_TRACK_ID_PATTERN).optional(),
    distributorId: z.string().min(1).max(100).optional(),
    isrc: isrcSchema.optional(),
  })
  .refine((request) => request.spotifyTrackId || request.distributorId || request.isrc, { error: 'name the track by a Spotify id, a distributor id or an ISRC' });
export type OverlayRequest = z.output<typeof overlayRequestSchema>;

/** What a dashboard's panel draws: the recording's view and whether the artist folded the panel. */
export type OverlayReply = OverlayView & { collapsed: boolean };

export const protocol = {
  /**
   * A reading, and the track the page shows when it has a panel (`overlayFor`): the reply then
   * carries the panel's view after the reading is stored, so a reading costs one round trip.
   */
  'cs:reading': { from: 'content', request: readingSchema.extend({ overlayFor: overlayRequestSchema.nullable().optional() }) },
  'ui:getHistory': { from: 'extension', request: z.object({}) },
  /** The tracks without their observations: the history page's linking section. */
  'ui:listTracks': { from: 'extension', request: z.object({}) },
  'ui:getReadings': { from: 'extension', request: z.object({ limit: z.number().int().min(1).max(1000).default(100) }) },
  'ui:importHistory': {
    from: 'extension',
    request: z.object({ fileName: z.string().max(500), text: z.string().max(MAX_IMPORT_CHARS) }),
  },
  'ui:deleteAll': { from: 'extension', request: z.object({ confirm: z.literal('delete everything') }) },
  'ui:getSettings': { from: 'extension', request: z.object({}) },
  // Only the fields sent change: settingsSchema.partial() would fill absent ones with defaults.
  'ui:setSettings': { from: 'extension', request: settingsPatchSchema },
  'ui:overview': { from: 'extension', request: z.object({}) },
  'ui:trackView': { from: 'extension', request: z.object({ trackId: z.string().min(1).max(100) }) },
  'ui:linkTrack': { from: 'extension', request: z.object({ trackId: z.string().min(1).max(100), isrc: isrcSchema }) },
  'ui:unlinkTrack': { from: 'extension', request: z.object({ trackId: z.string().min(1).max(100) }) },
  'cs:setOverlayCollapsed': { from: 'content', request: z.object({ collapsed: z.boolean() }) },
  /** The songs list asks for a small eligibility badge per song the store knows. */
  'cs:songBadges': { from: 'content', request: z.object({ spotifyTrackIds: z.array(z.string().regex(SPOTIFY_TRACK_ID_PATTERN)).max(500) }) },
  /** The overlay's evidence action: the history page opens on the recording (its evidence is one tab away). */
  'cs:openHistory': { from: 'content', request: z.object({ trackId: z.string().min(1).max(100) }) },
  /**
   * "Save a sample of this page": the overlay hands over what the page showed (its recent data
   * responses and what the reader made of them); the background redacts it into a file's text.
   * Built here, not in the content script, to keep the redaction code out of every dashboard.
   */
  'cs:buildSample': {
    from: 'content',
    request: z.object({
      pageUrl: z.string().max(2000),
      responses: z.array(z.object({ url: z.string().max(2000), status: z.number().int(), body: z.unknown() })).max(20),
      outcomes: z.array(z.object({ kind: z.string().max(100), recognised: z.boolean(), reason: savedTextSchema(500).nullable() })).max(40),
    }),
  },
  /**
   * The songs list's table, taken from the page when no songs response was understood: read
   * here (core/sources/spotify/dom-songs-table.ts), not in the content script, to keep that
   * reader out of the dashboard's script. Answers what the reader made of it.
   */
  'cs:readSongsTable': {
    from: 'content',
    request: z.object({
      pageUrl: z.string().max(2000),
      latestDate: daySchema.nullable(),
      today: daySchema,
      locale: z.string().max(35).optional(),
      table: z.object({
        headers: z.array(z.string().max(SNAPSHOT_LIMITS.text)).max(SNAPSHOT_LIMITS.cells),
        rows: z
          .array(
            z.object({
              href: z.string().max(SNAPSHOT_LIMITS.href),
              cells: z.array(z.object({ text: z.string().max(SNAPSHOT_LIMITS.text), title: z.string().max(SNAPSHOT_LIMITS.text).nullable() })).max(SNAPSHOT_LIMITS.cells),
            }),
          )
          .max(SNAPSHOT_LIMITS.rows),
      }),
    }),
  },
  /**
   * A data response the page received, read by the site's reader here (the sender's site),
   * not in the content script (core/sources/parse-in-background.ts). With what the visit knows
   * so far (Spotify for Artists' last finished day and titles). Bounded as the page channel
   * bounds what it hands over (lib/page-channel.ts).
   */
  'cs:parseResponse': {
    from: 'content',
    request: z.object({
      url: z.string().max(2000),
      status: z.number().int().min(0).max(999),
      body: z.unknown(),
      text: z.string().max(200).nullable(),
      latestDate: daySchema.nullable(),
      today: daySchema,
      titles: z.array(z.tuple([z.string().max(100), z.string().max(500)])).max(5000),
    }),
  },
  /** A distributor's reading beside what its page renders (./page-check.ts): which days to refuse. */
  'cs:checkPage': { from: 'content', request: checkPageRequest },
  /** An overlay asks for the track its page shows, by whatever identity the page gives. */
  'cs:overlayView': { from: 'content', request: overlayRequestSchema },
  /** Whether the database can be used: the popup and history page show a banner when not. */
  'ui:status': { from: 'extension', request: z.object({}) },
  /** A dashboard the artist added (core/messaging/taught.ts): the recipes that read this page. */
  'cs:recipes': { from: 'content', request: taughtRequests.recipes },
  /** One of its responses, read in the background with its recipe, or searched for candidates. */
  'cs:recognise': { from: 'content', request: taughtRequests.recognise },
  /** The artist's answer in the panel: the candidate becomes a recipe, and the response is read with it. */
  'cs:confirmCandidate': { from: 'content', request: taughtRequests.confirmCandidate },
  /** The dashboards the artist added, whether the browser grants access to each, and the recipes (docs/architecture.md "Added dashboards"). */
  'ui:listDashboards': { from: 'extension', request: z.object({}) },
  /**
   * Adds a distributor's dashboard (a DISTRIBUTORS id, an address when it has no known host or
   * for "other"). The page asked the browser for access first, in the click itself.
   */
  'ui:addDashboard': { from: 'extension', request: z.object({ distributor: z.string().max(50), address: z.string().max(2000) }) },
  /** Forgets an added dashboard (the page takes its access back with permissions.remove). */
  'ui:removeDashboard': { from: 'extension', request: z.object({ id: z.string().min(1).max(100) }) },
  // Bounds only: the handler cleans the name (core/recipes/confirm.ts MAX_NAME), the store knows the ids.
  'ui:renameRecipe': { from: 'extension', request: z.object({ id: z.string().min(1).max(40), name: z.string().max(400) }) },
  /** `withReadings`: every revision the recipe read goes too. */
  'ui:deleteRecipe': { from: 'extension', request: z.object({ id: z.string().min(1).max(40), withReadings: z.boolean() }) },
  'ui:exportRecipes': { from: 'extension', request: z.object({}) },
  /** A recipe file another artist shared: refused whole, with its one line, or every recipe stored. */
  'ui:importRecipes': { from: 'extension', request: z.object({ fileName: z.string().max(500), text: z.string().max(1024 * 1024) }) },
} as const satisfies Record<string, { from: SenderKind; request: z.ZodType }>;

export type MessageType = keyof typeof protocol;
export type RequestOf<K extends MessageType> = z.input<(typeof protocol)[K]['request']>;
export type ParsedRequestOf<K extends MessageType> = z.output<(typeof protocol)[K]['request']>;

export type { ImportResult, ReadingRecord } from '../model/reading';

/**
 * The database's health as the background last saw it. `failed` means it could not be opened
 * or a write was refused by the browser (no space, history switched off): reading is paused
 * (readings are answered `paused` and kept by the pages that sent them) and what is stored stays.
 */
export interface StoreStatus {
  store: 'ok' | 'failed';
  /** What happened, in words for the artist (null while ok). */
  message: string | null;
  /** The browser's error name behind it ("QuotaExceededError", "InvalidStateError" …), for diagnostics. */
  code: string | null;
  readingPaused: boolean;
}

/** A recipe as the history page lists it, with how many readings it read (provenance records). */
export interface RecipeEntry {
  recipe: Recipe;
  readings: number;
}

/** A recipe Crosscount ships (core/recipes/built-in.ts), listed read-only, with how many readings it read. */
export interface BuiltInRecipeEntry {
  recipe: StructureRecipe;
  readings: number;
}

/** An added dashboard on the history page. */
export interface DashboardEntry {
  site: TaughtSite;
  /** Whether the browser grants access to its origin now (its scripts run only then). */
  access: boolean;
  /** Its recipes (page host the dashboard's host). */
  recipes: RecipeEntry[];
}

export interface DashboardList {
  dashboards: DashboardEntry[];
  /** Recipes for no added dashboard (imported before the dashboard was added, or it was removed). */
  otherRecipes: RecipeEntry[];
  /** The built-in recipes (never renamed, deleted or exported). */
  builtIn: BuiltInRecipeEntry[];
  /**
   * Why the browser refused to start Crosscount's scripts on the added dashboards the last
   * time it was asked (its own words), or null: nothing is read there until a later try works.
   */
  scriptsFailure: string | null;
}

/** What adding a dashboard did: the entry, or why the address cannot be one (nothing stored). */
export type AddDashboardResult = { added: DashboardEntry } | { problem: AddressProblem };

/** What importing a recipe file did: how many recipes are new, how many were there already; or its one-line refusal (nothing stored). */
export type ImportRecipesResult = { imported: number; unchanged: number } | { refused: Message };

export interface Responses {
  /** `paused`: the database is failing; nothing was stored and the sender should keep the reading and send it again later. */
  'cs:reading': { readingId: string; added: number; unchanged: number; stored: boolean; note: Message | null; paused?: boolean; overlay?: OverlayReply };
  'ui:getHistory': History;
  'ui:listTracks': { tracks: Track[] };
  'ui:getReadings': { readings: ReadingRecord[] };
  'ui:importHistory': ImportResult;
  'ui:deleteAll': { deleted: true };
  'ui:getSettings': Settings;
  'ui:setSettings': Settings;
  'ui:overview': Overview;
  'ui:trackView': TrackView | null;
  'ui:linkTrack': { trackId: string };
  'ui:unlinkTrack': { trackId: string };
  'cs:overlayView': OverlayReply;
  'cs:setOverlayCollapsed': { collapsed: boolean };
  'cs:openHistory': { opened: true };
  'cs:songBadges': { badges: Record<string, SongBadge> };
  'cs:buildSample': { fileName: string; text: string };
  'cs:readSongsTable': SpotifyParseResult;
  'cs:checkPage': CheckPageReply;
  'cs:parseResponse': ParsedResponse;
  'ui:status': StoreStatus;
  'cs:recipes': TaughtPage;
  'cs:recognise': TaughtReading;
  'cs:confirmCandidate': TaughtConfirmed;
  'ui:listDashboards': DashboardList;
  'ui:addDashboard': AddDashboardResult;
  'ui:removeDashboard': { removed: boolean };
  'ui:renameRecipe': { recipe: Recipe };
  'ui:deleteRecipe': { deleted: boolean; revisionsRemoved: number };
  'ui:exportRecipes': { fileName: string; text: string; count: number };
  'ui:importRecipes': ImportRecipesResult;
}

export type ResponseOf<K extends MessageType> = Responses[K];

/** Every reply has this shape, so a failure reaches the caller as a message, not `undefined`. */
export type Reply<K extends MessageType> = { ok: true; data: ResponseOf<K> } | { ok: false; error: string };
