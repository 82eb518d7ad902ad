/** The panel on a dashboard page and the songs list's badges: views of what is stored. */
import type { Store } from '../../../core/store';
import type { Sender } from '../../../core/messaging/router';
import type { OverlayReply, OverlayRequest } from '../../../core/messaging/protocol';
import { buildOverlayView } from '../../../core/views/build';
import { identityKey } from '../../../core/model/ids';
import type { SongBadge } from '../../../core/views/types';
import type { HandlerContext, HandlerGroup } from './context';
import { recordingHistory, viewOptions } from './view-inputs';

/** The panel's view of the track a dashboard page shows. */
export async function overlayViewFor(context: HandlerContext, opened: Store, request: OverlayRequest, sender: Sender): Promise<OverlayReply> {
  const key = request.spotifyTrackId
    ? identityKey.spotifyTrack(request.spotifyTrackId)
    : request.isrc
      ? identityKey.isrc(request.isrc)
      : identityKey.distributor(sender.kind === 'content' ? sender.site.id : 'unknown', String(request.distributorId));
  const track = await opened.findTrack(key);
  const history = track ? await recordingHistory(opened, track.id) : { tracks: [], observations: [] };
  const settings = await opened.getSettings();
  return { ...buildOverlayView(history, track?.id ?? null, await viewOptions(opened, context.now)), collapsed: settings.overlayCollapsed };
}

export function overlayHandlers(context: HandlerContext): HandlerGroup<'cs:overlayView' | 'cs:songBadges' | 'cs:openHistory' | 'cs:setOverlayCollapsed'> {
  const { store, now } = context;
  return {
    async 'cs:overlayView'(request, sender) {
      return overlayViewFor(context, await store(), request, sender);
    },
    async 'cs:songBadges'({ spotifyTrackIds }) {
      const opened = await store();
      const options = await viewOptions(opened, now);
      const badges: Record<string, SongBadge> = {};
      for (const spotifyTrackId of new Set(spotifyTrackIds)) {
        const track = await opened.findTrack(identityKey.spotifyTrack(spotifyTrackId));
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
      await context.openHistoryPage(`#track=${encodeURIComponent(trackId)}`);
      return { opened: true };
    },
    'cs:setOverlayCollapsed': context.write(async ({ collapsed }) => {
      await (await store()).setSettings({ overlayCollapsed: collapsed });
      return { collapsed };
    }),
  };
}
