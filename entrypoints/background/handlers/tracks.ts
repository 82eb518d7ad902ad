/** The recordings: the overview of all, one track's view, and linking an S4A track to a distributor's by ISRC. */
import { buildTrackView } from '../../../core/views/build';
import type { HandlerContext, HandlerGroup } from './context';
import { recordingHistory, viewOptions } from './view-inputs';

export function trackHandlers(context: HandlerContext): HandlerGroup<'ui:overview' | 'ui:trackView' | 'ui:listTracks' | 'ui:linkTrack' | 'ui:unlinkTrack'> {
  const { store, now, views } = context;
  return {
    async 'ui:overview'() {
      return views.currentOverview();
    },
    async 'ui:trackView'({ trackId }) {
      const opened = await store();
      const history = await recordingHistory(opened, trackId);
      return buildTrackView(history, trackId, await viewOptions(opened, now), history.money ? await views.moneyFor(opened, trackId) : undefined);
    },
    async 'ui:listTracks'() {
      return { tracks: await (await store()).listTracks() };
    },
    'ui:linkTrack': context.write(async ({ trackId, isrc }) => {
      const linked = await (await store()).linkTrack(trackId, isrc);
      views.incremental.noteTracks([trackId, linked]);
      views.changed(true);
      return { trackId: linked };
    }),
    'ui:unlinkTrack': context.write(async ({ trackId }) => {
      const split = await (await store()).unlinkSpotify(trackId);
      views.incremental.noteTracks([trackId, split]);
      views.changed(true);
      return { trackId: split };
    }),
  };
}
