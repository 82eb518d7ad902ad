/** What the history page's diagnostics show (the readings kept, the database's health) and a page's sample file. */
import { buildPageSample } from '../../../core/sources/sample';
import type { HandlerContext, HandlerGroup } from './context';

export function diagnosticsHandlers(context: HandlerContext): HandlerGroup<'ui:getReadings' | 'ui:status' | 'cs:buildSample'> {
  const { store, now, health } = context;
  return {
    async 'ui:getReadings'({ limit }) {
      return { readings: await (await store()).listReadings(limit) };
    },
    async 'ui:status'() {
      try {
        await store();
      } catch {
        // Recorded by the opener: the status says it.
      }
      return health.status();
    },
    async 'cs:buildSample'({ pageUrl, responses, outcomes }, sender) {
      const site = sender.kind === 'content' ? sender.site.id : 'unknown';
      const text = buildPageSample({ site, pageUrl, responses, parseOutcomes: outcomes.slice(0, responses.length) });
      return { fileName: `crosscount-sample-${site}-${now().toISOString().slice(0, 10)}.json`, text };
    },
  };
}
