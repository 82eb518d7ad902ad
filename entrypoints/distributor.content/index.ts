/**
 * A distributor's dashboard the artist added, isolated world: registered at run time by the
 * background only there, and only with access (entrypoints/background/dashboard-scripts.ts),
 * so it has no `matches` and WXT lists it nowhere in the manifest. Reads the responses its
 * observer (entrypoints/distributor-observer.content.ts) hands over, with the artist's recipes,
 * in the background; asks in the panel while nothing reads the page (lib/taught-reader.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runTaughtReader } from '../../lib/taught-reader';

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_start',
  main(ctx) {
    void runTaughtReader(ctx);
  },
});
