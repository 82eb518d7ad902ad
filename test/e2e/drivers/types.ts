/**
 * What a journey may do in a browser, whichever browser it is. The Chromium driver wraps
 * Playwright; the Firefox driver wraps puppeteer-core over WebDriver BiDi. Journeys
 * (test/e2e/journeys) are written once against this interface.
 */
import type { History } from '../../../core/model/history';

export type BrowserName = 'chromium' | 'firefox';

/**
 * An element to look for, in the document and inside every shadow root, open or closed (the
 * overlays render in closed ones, which the driver reaches through the automation protocol,
 * never through the page). Test id and text: the element with that test id whose text
 * contains the text. Text only: any document or shadow root whose text contains it.
 * `selector` (CSS) instead of a test id: elements matching it.
 */
export interface FindQuery {
  testId?: string;
  selector?: string;
  text?: string;
}

/** The background's answer to a protocol message (core/messaging/router). */
export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

export interface WaitOptions {
  timeoutMs?: number;
}

/** One browser tab: a dashboard (served from the fixtures at its real host) or an extension page. */
export interface Tab {
  url(): Promise<string>;
  /** Loads a URL in this tab and waits for its load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Waits until the element is there; returns its text. Fails naming the query and the URL. */
  waitFor(query: FindQuery, options?: WaitOptions): Promise<string>;
  /** The element's text now, or null when it is not there. */
  textOf(query: FindQuery): Promise<string | null>;
  /** How many elements match now (0 when none). */
  count(query: FindQuery): Promise<number>;
  /** A real (trusted) mouse click at the centre of the element with this test id (or the first one the query finds). */
  click(target: string | FindQuery, options?: WaitOptions): Promise<void>;
  /** `window.postMessage(message, location.origin)` from the page itself, in its own world. */
  postWindowMessages(messages: readonly unknown[]): Promise<void>;
  /** Runs a self-contained function in the page (its main world) and returns its JSON result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs script source in the page as the test tool does (not subject to the page's CSP). */
  runScript(source: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Firefox: suspend the idle event-page background after this many ms
   * (`extensions.background.idle.timeout`, 30 s by default). Chromium ignores it.
   */
  backgroundIdleMs?: number;
  /**
   * Firefox: grant `permissions.request` without showing the browser's prompt
   * (`extensions.webextOptionalPermissionPrompts`), as if the artist said yes.
   */
  grantPermissionRequests?: boolean;
  /**
   * The artist says yes when the extension asks for access to these origins (`https://host/*`).
   * Firefox: as grantPermissionRequests (the pref answers every request). Chromium cannot answer
   * its prompt in automation: it runs a TEST BUILD copy that holds these origins already
   * (support/test-build.ts), so the extension's request resolves at once.
   */
  grantOrigins?: readonly string[];
  /** Start the browser in this language ("de"), as an artist's browser would be. */
  language?: string;
}

export interface Driver {
  readonly browserName: BrowserName;
  /**
   * Opens a dashboard URL in a new tab; the fixture site answers at the real host.
   * `pageScript`: source run in the page's main world before any of its own scripts (and
   * before the extension's content scripts), as a hostile page's first script would.
   */
  openDashboard(url: string, options?: { pageScript?: string }): Promise<Tab>;
  /** Opens an extension page by its path in the build, e.g. `options.html`. */
  openExtensionPage(path: string): Promise<Tab>;
  /** `moz-extension://<uuid>/path` or `chrome-extension://<id>/path`. */
  extensionUrl(path: string): string;
  /** Sends a protocol message `{ type, payload }` from an extension page; the background's reply. */
  sendMessage<T = unknown>(type: string, payload: unknown): Promise<Reply<T>>;
  /** The whole stored history, through `ui:getHistory` (as the history page reads it). */
  storedHistory(): Promise<History>;
  /**
   * Takes the extension's access to an origin back the way the browser's own controls do
   * (Chromium: the site access of chrome://extensions; Firefox: the add-on's permissions,
   * `permissions.remove`, as about:addons does). Resolves once the browser no longer grants it.
   */
  revokeAccess(origin: string): Promise<void>;
  close(): Promise<void>;
}

export type LaunchDriver = (options?: LaunchOptions) => Promise<Driver>;
