/**
 * The background's answers to each message, over the store. Thin on purpose: the rules live
 * in core/store (what a write does) and core/messaging (who may ask). The router has already
 * checked the sender's kind and validated the payload.
 */
import { HistoryFileError, parseHistoryFile } from '../../core/history/parse';
import type { Handlers } from '../../core/messaging/router';
import { openStore, readingRefusal, type Store } from '../../core/store';
import { buildOverlayView, buildOverview, buildTrackView, type ViewOptions } from '../../core/views/build';
import type { History } from '../../core/model/history';
import type { Overview } from '../../core/views/types';
import { SITES } from '../../core/sites';

async function viewOptions(store: Store, now: () => Date): Promise<ViewOptions> {
  const settings = await store.getSettings();
  return { asOf: now().toISOString(), settleDays: settings.settleDays, assumedListenerMinimum: settings.assumedListenerMinimum };
}

/** A track and the tracks sharing its ISRC, with their observations: enough for its views. */
async function recordingHistory(store: Store, trackId: string): Promise<History> {
  const tracks = await store.listTracks();
  const track = tracks.find((candidate) => candidate.id === trackId);
  const related = track?.isrc ? tracks.filter((candidate) => candidate.isrc === track.isrc) : track ? [track] : [];
  const observations = (await Promise.all(related.map((each) => store.getTrackObservations(each.id)))).flat();
  return { tracks: related, observations };
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

export function createHandlers(openStoreFn: () => Promise<Store> = () => openStore(), now: () => Date = () => new Date()): Handlers {
  const store = storeOpener(openStoreFn);
  // The overview (every recording compared) is the one costly view: it is kept until the data
  // or the settings change. A stopped worker simply computes it again.
  let overview: { version: number; value: Overview } | null = null;
  let dataVersion = 0;
  const changed = () => {
    dataVersion += 1;
  };
  return {
    async 'cs:reading'(reading, sender) {
      const opened = await store();
      const refused = readingRefusal(reading, sender, await opened.getSettings());
      const { added, unchanged } = await opened.ingestReading(reading, { refused });
      if (added > 0 || reading.tracks.length > 0) {
        // A new S4A track may now be linkable to a distributor's recording by its title.
        await opened.autoLink();
        changed();
      }
      return { readingId: reading.id, added, unchanged, stored: refused === null, note: refused };
    },
    async 'cs:overlayView'(request, sender) {
      const opened = await store();
      const key = request.spotifyTrackId
        ? `spotify:${request.spotifyTrackId}`
        : request.isrc
          ? `isrc:${request.isrc}`
          : `${sender.kind === 'content' ? sender.site.id : 'unknown'}:${request.distributorId}`;
      const track = await opened.findTrack(key);
      const history = track ? await recordingHistory(opened, track.id) : { tracks: [], observations: [] };
      const settings = await opened.getSettings();
      return { ...buildOverlayView(history, track?.id ?? null, await viewOptions(opened, now)), collapsed: settings.overlayCollapsed };
    },
    async 'cs:setOverlayCollapsed'({ collapsed }) {
      await (await store()).setSettings({ overlayCollapsed: collapsed });
      return { collapsed };
    },
    async 'ui:overview'() {
      const opened = await store();
      if (overview && overview.version === dataVersion) return overview.value;
      const version = dataVersion;
      const value = buildOverview(await opened.getHistory(), await viewOptions(opened, now), await lastReadBySite(opened));
      overview = { version, value };
      return value;
    },
    async 'ui:trackView'({ trackId }) {
      const opened = await store();
      return buildTrackView(await recordingHistory(opened, trackId), trackId, await viewOptions(opened, now));
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
  };
}
