/**
 * Hosts the overlay in a closed shadow root on a dashboard: the page's styles stay out, ours
 * stay in, and the page's own scripts cannot read what the panel shows (the distributor's
 * counts never leave the extension, not even into the page: `host.shadowRoot` is null for
 * them, and the root is attached from the content script's isolated world, so a page that
 * replaced `attachShadow` never sees it). Everything is removed when the content script's
 * context ends (extension update or reload) or the page navigates away from where the panel
 * belongs.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Overlay, type OverlayProps } from '../components/overlay/Overlay';
import themeCss from '../components/theme.css?inline';
import overlayCss from '../components/overlay/overlay.css?inline';

export interface OverlayHost {
  update(props: OverlayProps): void;
  /** Moves the panel beside the page's stats once they exist (they render after us). */
  place(): void;
  remove(): void;
}

/**
 * Mounts after `anchor()` when the page has it (beside the page's own stats), else in a
 * corner. Call again after in-page navigation: an anchor that moved is followed.
 */
export function mountOverlay(ctx: ContentScriptContext, anchor: () => Element | null): OverlayHost {
  const host = document.createElement('crosscount-overlay');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  // overlay.css resets the host first (all: initial), then the theme sets fonts and colours.
  style.textContent = `${overlayCss}\n${themeCss}`;
  const root = document.createElement('div');
  shadow.append(style, root);

  function place(): void {
    const target = anchor();
    if (target?.parentElement) {
      host.classList.remove('cc-corner');
      if (target.nextElementSibling !== host) target.after(host);
    } else {
      host.classList.add('cc-corner');
      if (host.parentElement !== document.body) document.body.append(host);
    }
  }

  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    render(null, root);
    host.remove();
  };
  ctx.onInvalidated(remove);

  return {
    update(props) {
      if (removed) return;
      place();
      render(h(Overlay, props), root);
    },
    place() {
      if (!removed) place();
    },
    remove,
  };
}
