/**
 * The content-script side every dashboard shares: take the responses the page observer hands
 * over, let the site's parser read them, send readings, fall back to the page's DOM when no
 * response was understood, keep the overlay in step, and follow in-page navigation. A site
 * brings only its knowledge (parser, page predicate, DOM reader, overlay words).
 */
import { message } from '../core/i18n/typed';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from './messages';
import { checkPageMessage, isChannelProblem, type PageResponse } from './page-channel';
import { createReadingSession, type ReaderOutcome } from './reading-session';
import { createChannelLimiter } from '../core/messaging/rate-limit';
import { createOverlayController, type OverlayControllerOptions } from './overlay-controller';
import type { PageCheckQueue } from './page-check-queue';
import type { SiteDescriptor } from '../core/sites';
import type { OverlayReply, RequestOf } from '../core/messaging/protocol';

/** How long a page may take to load its data before the DOM fallback is tried. */
const DOM_FALLBACK_AFTER_MS = 5000;
/** Responses kept for "save a sample of this page" (the latest ones). */
const SAMPLE_RESPONSES = 20;

export interface SiteReaderOptions<Outcome extends ReaderOutcome = ReaderOutcome> {
  /** The dashboard's descriptor: its id, channel, data hosts and overlay words (built in, or added by the artist). */
  site: SiteDescriptor;
  /** Data hosts as a rule rather than the descriptor's list (an added dashboard: core/taught-sites.ts dataHostAllowed). */
  dataHostAllowed?(host: string): boolean;
  /**
   * What the site's reader makes of a response, and the address's path template (never its
   * ids) for the diagnostics. The readers run in the background (`cs:parseResponse`,
   * core/sources/parse-in-background.ts); responses are read one after another, in the order
   * the page received them, so what one tells (the last finished day) counts for the next.
   */
  parse(response: PageResponse): Promise<{ outcome: Outcome; template: string }>;
  /** Compares outcomes with what the page renders before they are recorded (lib/page-check-queue.ts). */
  pageCheck?(ctx: ContentScriptContext, record: (outcome: ReaderOutcome, path: string) => void): PageCheckQueue<Outcome>;
  /** True on pages whose DOM the fallback can read; they also get the overlay. */
  domReadable(url: string): boolean;
  /** Pages whose DOM is read when no response was understood; default: the panel's pages (`domReadable`). */
  domFallbackOn?(url: string): boolean;
  /** What the page's DOM says (the background may read it: the songs table, cs:readSongsTable). */
  readDom(): ReaderOutcome | Promise<ReaderOutcome>;
  /** Called after each reading is stored and after in-page navigation (e.g. list badges). */
  onPageData?(): void;
  overlay: Omit<OverlayControllerOptions, 'onSaveSample' | 'trackRequest' | 'showOn' | 'site'> & {
    trackRequest(latest: readonly ReaderOutcome[]): ReturnType<OverlayControllerOptions['trackRequest']>;
  };
}

/** What a site's own script may do besides: record an outcome it got otherwise (the teach panel's answer), redraw the panel. */
/**
 * The track a distributor's page shows: that of its latest reading with stored days, by ISRC
 * first, else the dashboard's own id (a trends page shows the track of its latest series).
 */
export function latestReadTrack(outcomes: readonly ReaderOutcome[]): ReturnType<OverlayControllerOptions['trackRequest']> {
  for (const outcome of [...outcomes].reverse()) {
    const track = outcome.tracks.find((ref) => outcome.observations.some((obs) => obs.ref === ref.ref));
    if (track?.isrc) return { isrc: track.isrc };
    if (track?.distributorId) return { distributorId: track.distributorId };
  }
  return null;
}

export interface SiteReader {
  record(outcome: ReaderOutcome): void;
  /** A page message that came before the reader ran (checked and limited like every other). */
  receive(event: { source: unknown; origin: string; data: unknown }): void;
  overlay: ReturnType<typeof createOverlayController>;
  saveSample(): Promise<void>;
}

export function runSiteReader<Outcome extends ReaderOutcome>(ctx: ContentScriptContext, options: SiteReaderOptions<Outcome>): SiteReader {
  /** What this page visit understood, newest last (for the overlay's track). */
  let outcomes: ReaderOutcome[] = [];
  /** The latest responses with what the reader made of each (for "save a sample"). */
  let observed: { response: PageResponse; outcome: ReaderOutcome }[] = [];
  const readPaths = new Set<string>();

  const overlay = createOverlayController(ctx, {
    ...options.overlay,
    site: options.site,
    showOn: options.domReadable,
    trackRequest: () => options.overlay.trackRequest(outcomes),
    onSaveSample: () => void saveSample().catch(() => undefined),
  });
  const session = createReadingSession({
    site: options.site.id,
    // The reply carries the panel's view of the track the page shows (one round trip).
    send: (reading) => {
      const overlayFor = overlay.request();
      return send('cs:reading', { ...reading, overlayFor }).then((reply) => ({ ...reply, overlayFor }));
    },
    onSent: (reading, reply) => {
      overlay.setUnrecognised(reading.status === 'unrecognised' ? (reading.reason ?? message('readingNothingRecognised')) : null);
      const { overlay: view, overlayFor } = (reply ?? {}) as { overlay?: OverlayReply; overlayFor?: RequestOf<'cs:overlayView'> | null };
      void overlay.refresh(view && overlayFor ? { view, for: overlayFor } : undefined);
      options.onPageData?.();
    },
  });
  ctx.onInvalidated(() => session.stop());

  function record(outcome: ReaderOutcome, path = location.pathname): void {
    outcomes = [...outcomes.slice(-(SAMPLE_RESPONSES - 1)), outcome];
    if (outcome.observations.length > 0) readPaths.add(path);
    session.add(outcome, path);
  }

  const checks = options.pageCheck?.(ctx, record);

  /** The background reads it; once more after a moment when it did not answer (a worker starting). */
  const parsed = (response: PageResponse) => options.parse(response).catch(() => new Promise<void>((done) => ctx.setTimeout(done, 500)).then(() => options.parse(response)));
  let reading: Promise<void> = Promise.resolve();

  // This tab's page channel: PAGE_CHANNEL_LIMITS (core/messaging/rate-limit.ts).
  const limiter = createChannelLimiter(() => Date.now());
  /** One page message (the observer's, or one held while the site's script was starting). */
  function receive(event: { source: unknown; origin: string; data: unknown }): void {
    const checked = checkPageMessage(event, { window, origin: location.origin, channel: options.site.channel, dataHosts: options.site.dataHosts, dataHostAllowed: options.dataHostAllowed, limiter });
    // Dropped over the limits: counted, and the count goes with the next reading (diagnostics).
    if (checked && isChannelProblem(checked) && checked.limited) {
      const dropped = limiter.takeDropped();
      if (dropped) session.noteDropped(dropped, location.pathname);
      return;
    }
    // Problems on our channel are page data we could not use: nothing is stored from them.
    if (!checked || isChannelProblem(checked)) return;
    const path = location.pathname;
    reading = reading
      .then(() => parsed(checked))
      .then(({ outcome: read, template }) => {
        const outcome: Outcome = { ...read, response: { template, status: checked.status } };
        observed = [...observed.slice(-(SAMPLE_RESPONSES - 1)), { response: checked, outcome }];
        if (location.pathname !== path) record(outcome, path);
        else if (!checks?.offer(outcome)) record(outcome);
      })
      // Not answered twice: this response is not read (the next visit reads the page again).
      .catch(() => undefined);
  }
  ctx.addEventListener(window, 'message', receive);

  function scheduleDomFallback(): void {
    const path = location.pathname;
    if (!(options.domFallbackOn ?? options.domReadable)(location.href)) return;
    ctx.setTimeout(() => {
      if (location.pathname !== path || readPaths.has(path)) return;
      void Promise.resolve()
        .then(options.readDom)
        .then((outcome) => {
          if (location.pathname === path && (outcome.observations.length > 0 || !outcome.recognised)) record(outcome);
        })
        // The background did not answer (it restarts): the next visit reads the page again.
        .catch(() => undefined);
    }, DOM_FALLBACK_AFTER_MS);
  }

  /** A local file for a bug report: shapes seen, redacted (by the background); nothing is sent anywhere. */
  async function saveSample(): Promise<void> {
    const sample = await send('cs:buildSample', {
      pageUrl: location.href,
      responses: observed.map(({ response }) => ({ url: response.url.href, status: response.status, body: response.body })),
      outcomes: observed.map(({ outcome }) => ({ kind: outcome.kind, recognised: outcome.recognised, reason: outcome.reason })),
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([sample.text], { type: 'application/json' }));
    link.download = sample.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  // Leaving the page (a link to elsewhere, a reload, closing the tab) must not lose what this
  // visit read while it waited for its batch to fill: send it now.
  // Readings still waiting for their check are checked against the page as it is now.
  const flushAll = () => {
    checks?.flush();
    void session.flush();
  };
  ctx.addEventListener(window, 'pagehide', flushAll);
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushAll();
    // Back on this tab: the other dashboard may have been read meanwhile.
    else void overlay.refresh();
  });

  // The dashboards are single-page apps: a new page does not reload.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    flushAll();
    outcomes = [];
    // With the Navigation API the event comes before the address changes: look at the new
    // page once it is there.
    ctx.setTimeout(() => {
      overlay.reset();
      void overlay.refresh();
      options.onPageData?.();
      scheduleDomFallback();
    }, 0);
  });
  scheduleDomFallback();
  // The panel goes beside the page's stats, which exist once the app has rendered.
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', () => void overlay.refresh());
  else void overlay.refresh();
  return { record: (outcome) => record(outcome), receive, overlay, saveSample };
}
