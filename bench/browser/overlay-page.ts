/**
 * Runs in the 1,000-row dashboard page (bench only): mounts the extension's own overlay host
 * and Overlay component (lib/overlay-host.ts, the code the content script runs) beside the
 * page's table and times `update()` with a ready view, alternating two tracks so every update
 * changes the rows, each followed by a forced layout (the work the page pays for it).
 */
import { buildOverlayView } from '../../core/views/build';
import { mountOverlay } from '../../lib/overlay-host';
import { SPOTIFY_SELECTORS } from '../../core/sources/spotify/selectors';
import type { OverlayProps } from '../../components/overlay/Overlay';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { syntheticHistory } from '../synthetic-history';
import { SPOTIFY_SITE } from '../../core/sources/spotify/site';
import { IMUSICIAN_SITE } from '../../core/sources/imusician/site';
import { useCatalog } from '../../components/i18n';
import en from '../../public/_locales/en/messages.json';

// The page is not an extension page (no browser.i18n): the English catalog, as in the unit tests.
useCatalog(en, 'en');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const bench = {
  run(updates: number): { mountMs: number; medianMs: number; p95Ms: number; maxMs: number; updates: number; rowsShown: number } {
    const { history, asOf } = syntheticHistory(2, 400);
    const options = { asOf, settleDays: 7, assumedListenerMinimum: 100 };
    const views = history.tracks.map((track) => buildOverlayView(history, track.id, options));
    // Only onInvalidated is used by the host; the page's lifetime is the bench's.
    const ctx = { onInvalidated: () => () => {} } as unknown as ContentScriptContext;
    const props = (i: number): OverlayProps => ({
      state: { kind: 'ready', view: views[i % views.length]! },
      site: SPOTIFY_SITE,
      counterparts: [IMUSICIAN_SITE],
      collapsed: false,
      today: asOf.slice(0, 10),
      locale: 'en-US',
      onToggle: () => {},
    });
    // The panel's shadow root is closed (lib/overlay-host.ts): the bench keeps it to count the rows.
    let shadow: ShadowRoot | null = null;
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      if (this.localName === 'crosscount-overlay') shadow = root;
      return root;
    };
    const host = mountOverlay(ctx, () => document.querySelector(SPOTIFY_SELECTORS.songTimeline));
    Element.prototype.attachShadow = attach;
    const layout = () => document.querySelector('crosscount-overlay')!.getBoundingClientRect().height + document.body.offsetHeight;
    const first = performance.now();
    host.update(props(0));
    layout();
    const mountMs = performance.now() - first;
    const times: number[] = [];
    for (let i = 1; i <= updates; i++) {
      const started = performance.now();
      host.update(props(i));
      layout();
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const rowsShown = (shadow as ShadowRoot | null)?.querySelectorAll('tr').length ?? 0;
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      mountMs: round(mountMs),
      medianMs: round(median(times)),
      p95Ms: round(sorted[Math.floor(0.95 * (sorted.length - 1))]!),
      maxMs: round(sorted[sorted.length - 1]!),
      updates,
      rowsShown,
    };
  },
};

(globalThis as unknown as { crosscountOverlayBench: typeof bench }).crosscountOverlayBench = bench;
