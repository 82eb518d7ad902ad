/**
 * Keeps a dashboard's overlay in step with the store: asks the background for the view of the
 * track the page shows (after each reading and each in-page navigation) and renders it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { OverlayReply, RequestOf } from '../core/messaging/protocol';
import { dayFromMs } from '../core/model/day';
import type { SavedText } from '../core/i18n/message';
import type { OverlayState } from '../components/overlay/Overlay';
import type { ComponentChildren } from 'preact';
import { mountOverlay, type OverlayHost } from './overlay-host';
import { send } from './messages';
import { uiLocale } from '../components/i18n';
import { prepareFormatters } from '../components/format';
import { counterparts, type SiteDescriptor } from '../core/sites';

export interface OverlayControllerOptions {
  /** The dashboard the panel sits on; its counterparts come from the site list. */
  site: SiteDescriptor;
  /** Where the panel goes: beside the page's own stats when found, else a corner. */
  anchor(): Element | null;
  /** Pages that get the panel (a song's stats, the trends page); elsewhere it is removed. */
  showOn(url: string): boolean;
  /** Which track the page shows, once known (null while the page has not said). */
  trackRequest(): RequestOf<'cs:overlayView'> | null;
  onSaveSample?(): void;
}

export function createOverlayController(ctx: ContentScriptContext, options: OverlayControllerOptions) {
  let host: OverlayHost | null = null;
  let state: OverlayState = { kind: 'loading' };
  let collapsed = false;
  let unrecognised: SavedText | null = null;
  let question: ComponentChildren = null;
  let notice: string | null = null;
  let generation = 0;
  /** The last view drawn: a refresh that brings nothing new costs the page nothing. */
  let drawnView = '';
  const others = counterparts(options.site);
  // Made ahead in tasks of their own, not inside the panel's first render (components/format.ts).
  prepareFormatters(uiLocale(), (next) => void ctx.setTimeout(next, 0));

  function draw(): void {
    if (!host) return;
    host.update({
      state,
      site: options.site,
      counterparts: others,
      collapsed,
      today: dayFromMs(Date.now()),
      locale: uiLocale(),
      onSaveSample: options.onSaveSample,
      question,
      notice,
      onEvidence: (trackId) => void send('cs:openHistory', { trackId }).catch(() => undefined),
      onToggle() {
        collapsed = !collapsed;
        draw();
        send('cs:setOverlayCollapsed', { collapsed }).catch(() => undefined);
      },
    });
  }

  /** The track this page's panel shows, or null (no panel here, or the page has not said). */
  function request(): RequestOf<'cs:overlayView'> | null {
    return options.showOn(location.href) ? options.trackRequest() : null;
  }

  /**
   * Draws the panel. `delivered` is a view that came with a reading's reply for `deliveredFor`:
   * used as it is when the page still shows that track, so a reading costs one round trip.
   */
  async function refresh(delivered?: { view: OverlayReply; for: RequestOf<'cs:overlayView'> }): Promise<void> {
    const mine = ++generation;
    if (!options.showOn(location.href)) {
      host?.remove();
      host = null;
      return;
    }
    host ??= mountOverlay(ctx, options.anchor);
    const current = options.trackRequest();
    if (!current) {
      state = unrecognised ? { kind: 'unrecognised', reason: unrecognised } : { kind: 'loading' };
      draw();
      return;
    }
    try {
      const fresh = delivered && JSON.stringify(delivered.for) === JSON.stringify(current);
      const view = fresh ? delivered.view : await send('cs:overlayView', current);
      if (mine !== generation) return;
      const fingerprint = JSON.stringify(view);
      if (fingerprint === drawnView && state.kind === 'ready') {
        host?.place();
        return;
      }
      drawnView = fingerprint;
      collapsed = view.collapsed;
      state = !view.found && unrecognised ? { kind: 'unrecognised', reason: unrecognised } : { kind: 'ready', view };
    } catch (error) {
      if (mine !== generation) return;
      state = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    draw();
  }

  return {
    refresh,
    request,
    /** The reader could not use this page: shown while nothing is stored for its track. */
    setUnrecognised(reason: SavedText | null): void {
      unrecognised = reason;
    },
    /** An added dashboard's question (null once answered); drawn at once. */
    setQuestion(next: ComponentChildren): void {
      question = next;
      draw();
    },
    /** The line above the days (which recipe read them); drawn at once. */
    setNotice(next: string | null): void {
      notice = next;
      draw();
    },
    /** A new page: show "reading…" until its data is in. */
    reset(): void {
      unrecognised = null;
      question = null;
      notice = null;
      drawnView = '';
      state = { kind: 'loading' };
      draw();
    },
  };
}
