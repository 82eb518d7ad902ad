/**
 * The background's answers to each message, over the store. Thin on purpose: the rules live
 * in core/store (what a write does) and core/messaging (who may ask). The router has already
 * checked the sender's kind and validated the payload.
 */
import { HistoryFileError, parseHistoryFile } from '../../core/history/parse';
import type { Handlers, Sender } from '../../core/messaging/router';
import { openStore, StoreError, type Store } from '../../core/store';
import { readingRefusal } from '../../core/messaging/reading-policy';
import type { MessageType, OverlayReply, OverlayRequest, ResponseOf, StoreStatus } from '../../core/messaging/protocol';
import { buildOverlayView, buildTrackView, type ViewOptions } from '../../core/views/build';
import { incrementalOverview } from './overview';
import { moneyByTrack } from '../../core/views/money';
import type { MoneyTrack } from '../../core/money';
import type { History } from '../../core/model/history';
import { provenanceOf } from '../../core/model/provenance';
import type { Overview, SongBadge } from '../../core/views/types';
import { SITES } from '../../core/sites';
import { buildPageSample } from '../../core/sources/sample';
import { readSpotifySongsTable } from '../../core/sources/spotify/dom-songs-table';
import { parseSiteResponse } from '../../core/sources/parse-in-background';

async function viewOptions(store: Store, now: () => Date): Promise<ViewOptions> {
  const settings = await store.getSettings();
  return { asOf: now().toISOString(), settleDays: settings.settleDays, assumedListenerMinimum: settings.assumedListenerMinimum };
}

/** A track and the tracks sharing its ISRC, with their observations: enough for its views. */
async function recordingHistory(store: Store, trackId: string): Promise<History> {
  const tracks = await store.listTracks();
  const track = tracks.find((candidate) => candidate.id === trackId);
  const related = track?.isrc ? tracks.filter((candidate) => candidate.isrc === track.isrc) : track ? [track] : [];
  const [observations, money] = await Promise.all([
    Promise.all(related.map((each) => store.getTrackObservations(each.id))).then((lists) => lists.flat()),
    Promise.all(related.map((each) => store.getTrackMoney(each.id))).then((lists) => lists.flat()),
  ]);
  const history: History = money.length > 0 ? { tracks: related, observations, money } : { tracks: related, observations };
  // Which recipe read the distributors' readings (the day table and the evidence report say so).
  const provenance = provenanceOf(await store.listProvenanceOf([...new Set(observations.map((obs) => obs.source))].filter((source) => source !== 'spotify')), observations);
  if (provenance.length > 0) history.provenance = provenance;
  return history;
}

async function lastReadBySite(store: Store): Promise<Record<string, string | null>> {
  const readings = await store.listReadings(1000);
  const lastRead: Record<string, string | null> = {};
  for (const site of SITES) {
    lastRead[site.id] = readings.find((reading) => reading.site === site.id && reading.refused === null && reading.status === 'recognised')?.readAt ?? null;
  }
  return lastRead;
}

/**
 * The store is opened on the first message, once, and reopened when opening failed or the
 * connection was closed since (a stopped worker starts here again anyway).
 */
export function storeOpener(openStoreFn: () => Promise<Store>): () => Promise<Store> {
  let opening: Promise<Store> | null = null;
  const reopen = (stale: Promise<Store> | null): Promise<Store> => {
    // Only the first caller to see a stale promise replaces it; the others share the new one.
    if (opening === stale) opening = openStoreFn();
    return opening!;
  };
  return () => {
    const current = opening;
    if (!current) return reopen(null);
    return current.then(
      (store) => (store.state === 'open' ? store : reopen(current)),
      () => reopen(current),
    );
  };
}

/**
 * The browser's refusals that mean the database itself is unusable (no space, history
 * switched off, storage cleared, a failed or newer layout), as opposed to one bad request.
 */
const STORAGE_FAILURES = new Set(['QuotaExceededError', 'InvalidStateError', 'UnknownError', 'terminated', 'VersionError', 'migration']);

/** The messages that write: one of them succeeding shows the database takes writes again. */
const WRITES: ReadonlySet<MessageType> = new Set<MessageType>(['cs:reading', 'cs:setOverlayCollapsed', 'ui:importHistory', 'ui:deleteAll', 'ui:setSettings', 'ui:linkTrack', 'ui:unlinkTrack']);

function isStorageFailure(error: unknown): boolean {
  return error instanceof StoreError && error.code !== null && STORAGE_FAILURES.has(error.code);
}

/**
 * What the background knows about the database's health, for `ui:status`. An open that
 * fails, or a write the browser refuses, marks it failed; the next successful open clears an
 * open failure, and only a successful write clears a write failure (reads still work when
 * the disk is full).
 */
export function storeHealth() {
  let failure: { during: 'open' | 'write'; message: string; code: string | null } | null = null;
  return {
    openFailed(error: unknown): void {
      failure = { during: 'open', message: error instanceof Error ? error.message : String(error), code: error instanceof StoreError ? error.code : null };
    },
    opened(): void {
      if (failure?.during === 'open') failure = null;
    },
    writeFailed(error: unknown): void {
      if (isStorageFailure(error)) failure = { during: 'write', message: (error as Error).message, code: (error as StoreError).code };
    },
    wrote(): void {
      failure = null;
    },
    get failing(): boolean {
      return failure !== null;
    },
    status(): StoreStatus {
      return failure ? { store: 'failed', message: failure.message, code: failure.code, readingPaused: true } : { store: 'ok', message: null, code: null, readingPaused: false };
    },
  };
}

/** Opens the history page in a new tab at an address fragment (the background passes the browser's way). */
export type HistoryPageOpener = (fragment: string) => Promise<unknown>;

/** A visit sends several readings in a row: the overview is computed once they have stopped. */
export const OVERVIEW_REFRESH_DELAY_MS = 300;

export interface HandlerOptions {
  /**
   * Compute the overview in the background as soon as the data changed (after
   * OVERVIEW_REFRESH_DELAY_MS without another change), so the popup finds it ready.
   */
  precomputeOverview?: boolean;
}

export function createHandlers(
  openStoreFn: () => Promise<Store> = () => openStore(),
  now: () => Date = () => new Date(),
  openHistoryPage: HistoryPageOpener = async () => undefined,
  options: HandlerOptions = {},
): Handlers {
  const health = storeHealth();
  const store = storeOpener(async () => {
    try {
      const opened = await openStoreFn();
      health.opened();
      return opened;
    } catch (error) {
      health.openFailed(error);
      throw error;
    }
  });
  // The overview (every recording compared) is the one costly view: it is kept until the data
  // or the settings change. A stopped worker simply computes it again.
  let overview: { version: number; value: Overview } | null = null;
  // Kept one recording at a time: only what a write touched is read and computed again (./overview.ts).
  const incremental = incrementalOverview();
  let computing: { version: number; value: Promise<Overview> } | null = null;
  let dataVersion = 0;
  // The money view over the whole history (the usual rate per store is the artist's): kept like
  // the overview, per data version and day.
  let moneyCache: { version: number; day: string; byTrack: Map<string, MoneyTrack> } | null = null;
  const moneyFor = async (opened: Store, trackId: string): Promise<MoneyTrack | null> => {
    const day = now().toISOString().slice(0, 10);
    if (!moneyCache || moneyCache.version !== dataVersion || moneyCache.day !== day) {
      const version = dataVersion;
      moneyCache = { version, day, byTrack: moneyByTrack(await opened.getHistory(), day) };
    }
    return moneyCache.byTrack.get(trackId) ?? null;
  };
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The overview of the current data: computed once per data version, however many ask. */
  const currentOverview = (): Promise<Overview> => {
    const version = dataVersion;
    if (overview && overview.version === version) return Promise.resolve(overview.value);
    if (computing && computing.version === version) return computing.value;
    const value = (async () => {
      const opened = await store();
      const [options, lastRead] = await Promise.all([viewOptions(opened, now), lastReadBySite(opened)]);
      const built = await incremental.compute(opened, options, lastRead);
      if (version === dataVersion) overview = { version, value: built };
      return built;
    })();
    computing = { version, value };
    const settle = () => {
      if (computing?.value === value) computing = null;
    };
    value.then(settle, settle);
    return value;
  };
  /**
   * Data or settings changed. `noted`: the write told the incremental overview what it
   * touched; a write that did not (any new one) makes it read everything again, so nothing
   * shown can be stale.
   */
  const changed = (noted = false) => {
    if (!noted) incremental.noteAll();
    dataVersion += 1;
    if (!options.precomputeOverview) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      // Ahead of the popup; a failure here is met again (and reported) when the popup asks.
      currentOverview().catch(() => undefined);
    }, OVERVIEW_REFRESH_DELAY_MS);
  };
  /** The panel's view of the track a dashboard page shows. */
  const overlayViewFor = async (opened: Store, request: OverlayRequest, sender: Sender): Promise<OverlayReply> => {
    const key = request.spotifyTrackId
      ? `spotify:${request.spotifyTrackId}`
      : request.isrc
        ? `isrc:${request.isrc}`
        : `${sender.kind === 'content' ? sender.site.id : 'unknown'}:${request.distributorId}`;
    const track = await opened.findTrack(key);
    const history = track ? await recordingHistory(opened, track.id) : { tracks: [], observations: [] };
    const settings = await opened.getSettings();
    return { ...buildOverlayView(history, track?.id ?? null, await viewOptions(opened, now)), collapsed: settings.overlayCollapsed };
  };
  const handlers: Handlers = {
    async 'cs:reading'({ overlayFor, ...reading }, sender) {
      // The database cannot take it (it did not open, or the browser refused the write):
      // reading is paused, not lost. Nothing was stored (one transaction), and the page keeps
      // the reading and sends it again (same id) later.
      const paused = (error: unknown) => ({
        readingId: reading.id,
        added: 0,
        unchanged: 0,
        stored: false,
        paused: true,
        note: `reading paused, nothing stored: ${error instanceof Error ? error.message : String(error)}`,
      });
      let opened: Store;
      try {
        opened = await store();
      } catch (error) {
        return paused(error);
      }
      let refused: string | null;
      let counts: { added: number; unchanged: number };
      try {
        refused = readingRefusal(reading, sender, await opened.getSettings());
        counts = await opened.ingestReading(reading, { refused });
      } catch (error) {
        if (!isStorageFailure(error)) throw error;
        health.writeFailed(error);
        return paused(error);
      }
      const { added, unchanged } = counts;
      if (added > 0 || reading.tracks.length > 0) {
        // A new S4A track may now be linkable to a distributor's recording by its title.
        try {
          await opened.autoLink();
        } finally {
          // Stored either way: the overview reads the touched tracks again.
          incremental.noteReading(reading);
          changed(true);
        }
      }
      const reply: ResponseOf<'cs:reading'> = { readingId: reading.id, added, unchanged, stored: refused === null, note: refused };
      // The panel's view comes with the answer: no second message after each reading.
      if (overlayFor) reply.overlay = await overlayViewFor(opened, overlayFor, sender);
      return reply;
    },
    async 'cs:overlayView'(request, sender) {
      return overlayViewFor(await store(), request, sender);
    },
    async 'cs:buildSample'({ pageUrl, responses, outcomes }, sender) {
      const site = sender.kind === 'content' ? sender.site.id : 'unknown';
      const text = buildPageSample({ site, pageUrl, responses, parseOutcomes: outcomes.slice(0, responses.length) });
      return { fileName: `crosscount-sample-${site}-${now().toISOString().slice(0, 10)}.json`, text };
    },
    async 'cs:parseResponse'(response, sender) {
      if (sender.kind !== 'content') throw new Error('only a dashboard page sends its responses');
      return parseSiteResponse(sender.site.id, response);
    },
    async 'cs:readSongsTable'({ pageUrl, latestDate, today, locale, table }) {
      return readSpotifySongsTable(table, pageUrl, { latestDate, today, locale, titles: new Map() });
    },
    async 'cs:songBadges'({ spotifyTrackIds }) {
      const opened = await store();
      const options = await viewOptions(opened, now);
      const badges: Record<string, SongBadge> = {};
      for (const spotifyTrackId of new Set(spotifyTrackIds)) {
        const track = await opened.findTrack(`spotify:${spotifyTrackId}`);
        if (!track) continue;
        const view = buildOverlayView(await recordingHistory(opened, track.id), track.id, options, 0);
        // Only songs something was read for: a title from the catalog alone says nothing yet.
        if (!view.hasSpotify || !view.eligibility) continue;
        const { trailing12mStreams, eligible, projectedEligibleDay } = view.eligibility;
        badges[spotifyTrackId] = { trailing12mStreams, eligible, projectedEligibleDay };
      }
      return { badges };
    },
    async 'cs:openHistory'({ trackId }) {
      await openHistoryPage(`#track=${encodeURIComponent(trackId)}`);
      return { opened: true };
    },
    async 'cs:setOverlayCollapsed'({ collapsed }) {
      await (await store()).setSettings({ overlayCollapsed: collapsed });
      return { collapsed };
    },
    async 'ui:overview'() {
      return currentOverview();
    },
    async 'ui:trackView'({ trackId }) {
      const opened = await store();
      const history = await recordingHistory(opened, trackId);
      return buildTrackView(history, trackId, await viewOptions(opened, now), history.money ? await moneyFor(opened, trackId) : undefined);
    },
    async 'ui:linkTrack'({ trackId, isrc }) {
      const linked = await (await store()).linkTrack(trackId, isrc);
      incremental.noteTracks([trackId, linked]);
      changed(true);
      return { trackId: linked };
    },
    async 'ui:unlinkTrack'({ trackId }) {
      const split = await (await store()).unlinkSpotify(trackId);
      incremental.noteTracks([trackId, split]);
      changed(true);
      return { trackId: split };
    },
    async 'ui:getHistory'() {
      return (await store()).getHistory();
    },
    async 'ui:listTracks'() {
      return { tracks: await (await store()).listTracks() };
    },
    async 'ui:getReadings'({ limit }) {
      return { readings: await (await store()).listReadings(limit) };
    },
    async 'ui:importHistory'({ fileName, text }) {
      // Parsed before the store is touched: a refused file changes nothing.
      let history;
      try {
        history = parseHistoryFile(text);
      } catch (error) {
        if (error instanceof HistoryFileError && fileName) throw new Error(`${fileName}: ${error.message}`, { cause: error });
        throw error;
      }
      const opened = await store();
      const result = await opened.importHistory(history);
      try {
        await opened.autoLink();
      } finally {
        incremental.noteHistory(history);
        changed(true);
      }
      return result;
    },
    async 'ui:deleteAll'() {
      await (await store()).deleteAll();
      incremental.noteAll();
      changed(true);
      return { deleted: true };
    },
    async 'ui:getSettings'() {
      return (await store()).getSettings();
    },
    async 'ui:setSettings'(patch) {
      const settings = await (await store()).setSettings(patch);
      // No data changed: the settings are among the overview's inputs (core/views/overview-cache.ts).
      changed(true);
      return settings;
    },
    async 'ui:status'() {
      try {
        await store();
      } catch {
        // Recorded by the opener: the status says it.
      }
      return health.status();
    },
  };
  // Every answer keeps the health up to date: a write the browser refuses marks it failed,
  // one that succeeds clears it.
  for (const type of Object.keys(handlers) as MessageType[]) {
    if (!WRITES.has(type)) continue;
    const handler = handlers[type] as (payload: unknown, sender: Parameters<Handlers[MessageType]>[1]) => Promise<unknown>;
    (handlers as Record<MessageType, unknown>)[type] = async (payload: unknown, sender: Parameters<Handlers[MessageType]>[1]) => {
      let result: unknown;
      try {
        result = await handler(payload, sender);
      } catch (error) {
        health.writeFailed(error);
        throw error;
      }
      if (!(result && typeof result === 'object' && 'paused' in result && result.paused === true)) health.wrote();
      return result;
    };
  }
  return handlers;
}
