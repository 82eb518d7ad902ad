/**
 * The background's answers to each message, over the store. Thin on purpose: the rules live
 * in core/store (what a write does) and core/messaging (who may ask). The router has already
 * checked the sender's kind and validated the payload.
 */
import { HistoryFileError, parseHistoryFile } from '../../core/history/parse';
import type { Handlers, Sender } from '../../core/messaging/router';
import { openStore, type Store } from '../../core/store';
import { readingRefusal } from '../../core/messaging/reading-policy';
import type { OverlayReply, OverlayRequest, ResponseOf } from '../../core/messaging/protocol';
import { buildOverlayView, buildTrackView } from '../../core/views/build';
import type { SongBadge } from '../../core/views/types';
import { buildPageSample } from '../../core/sources/sample';
import { isStorageFailure, storeHealth, storeOpener, trackWrites } from './store-health';
import { viewCaches } from './caches';
import { recordingHistory, viewOptions } from './views';

export { OVERVIEW_REFRESH_DELAY_MS } from './caches';

/** Opens the history page in a new tab at an address fragment (the background passes the browser's way). */
export type HistoryPageOpener = (fragment: string) => Promise<unknown>;

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
  const { currentOverview, moneyFor, changed } = viewCaches(store, now, options.precomputeOverview === true);
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
        await opened.autoLink();
        changed();
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
      changed();
      return { trackId: linked };
    },
    async 'ui:unlinkTrack'({ trackId }) {
      const split = await (await store()).unlinkSpotify(trackId);
      changed();
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
      await opened.autoLink();
      changed();
      return result;
    },
    async 'ui:deleteAll'() {
      await (await store()).deleteAll();
      changed();
      return { deleted: true };
    },
    async 'ui:getSettings'() {
      return (await store()).getSettings();
    },
    async 'ui:setSettings'(patch) {
      const settings = await (await store()).setSettings(patch);
      changed();
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
  return trackWrites(handlers, health);
}
