/**
 * The one in-page search both drivers use (sent to the page as source by the automation
 * protocol, so it must stay self-contained: no imports, no outer variables, no helpers a
 * compiler could add).
 */
import type { FindQuery } from './types';

export interface Found {
  text: string;
  /** How many elements match (the first one's text and centre are given). */
  count: number;
  /** Centre of the element in the viewport, after scrolling it into view (when asked). */
  x: number;
  y: number;
}

/**
 * Searches the document, every open shadow root, and the shadow roots handed in by the
 * driver: the extension's overlays attach CLOSED roots, which no script of the page can reach
 * (`element.shadowRoot` is null), so the driver finds them through the automation protocol
 * (Chromium: DevTools `DOM.getDocument` with `pierce`; Firefox: WebDriver BiDi node
 * serialisation with `includeShadowTree: "all"`), as DevTools would, and passes them in.
 * The product build is the one under test: nothing in it opens a root for the tests.
 */
export function findInPage(query: FindQuery & { scroll?: boolean; choose?: string }, ...shadowRoots: ShadowRoot[]): Found | null {
  const roots: (Document | ShadowRoot)[] = [document, ...shadowRoots];
  for (let i = 0; i < roots.length; i += 1) {
    const elements = roots[i]!.querySelectorAll('*');
    for (let j = 0; j < elements.length; j += 1) {
      const shadow = elements[j]!.shadowRoot;
      if (shadow && !roots.includes(shadow)) roots.push(shadow);
    }
  }
  const matches: (Element | ShadowRoot)[] = [];
  for (const root of roots) {
    let candidates: (Element | ShadowRoot)[];
    if (query.testId !== undefined) {
      candidates = Array.from(root.querySelectorAll(`[data-testid="${CSS.escape(query.testId)}"]`));
    } else if (query.selector !== undefined) {
      candidates = Array.from(root.querySelectorAll(query.selector));
    } else if (root instanceof Document) {
      candidates = root.body ? [root.body] : [];
    } else {
      candidates = [root];
    }
    for (const candidate of candidates) {
      if (query.text !== undefined && !(candidate.textContent ?? '').includes(query.text)) continue;
      matches.push(candidate);
    }
  }
  const first = matches[0];
  if (!first) return null;
  const text = first.textContent ?? '';
  if (!(first instanceof Element)) return { text, count: matches.length, x: 0, y: 0 };
  if (query.scroll) first.scrollIntoView({ block: 'center', inline: 'center' });
  // Choosing an option as the automation tools' selectOption does: the value, then the events a user's choice fires.
  if (query.choose !== undefined && first instanceof HTMLSelectElement) {
    first.value = query.choose;
    if (first.value !== query.choose) return null;
    first.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    first.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
  const box = first.getBoundingClientRect();
  return { text, count: matches.length, x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

export function describeQuery(query: FindQuery): string {
  const parts = [query.testId !== undefined ? `[data-testid=${query.testId}]` : query.selector !== undefined ? query.selector : 'text', query.text !== undefined ? `containing ${JSON.stringify(query.text)}` : ''];
  return parts.filter(Boolean).join(' ');
}

/**
 * Sends a protocol message from an extension page; JSON so both protocols carry it unchanged.
 * A message sent at the very moment Firefox suspends the idle event page fails with "Receiving
 * end does not exist" (seen about once in a hundred sends at the idle boundary): the test's
 * own probing retries it, so that race cannot make a journey flaky.
 */
export async function sendFromExtensionPage(message: unknown): Promise<string> {
  const api = (globalThis as unknown as { browser?: unknown; chrome?: unknown }).browser ?? (globalThis as unknown as { chrome: unknown }).chrome;
  const runtime = (api as { runtime: { sendMessage(message: unknown): Promise<unknown> } }).runtime;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return JSON.stringify((await runtime.sendMessage(message)) ?? null);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('Receiving end does not exist')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export function postFromPage(messages: readonly unknown[]): void {
  for (const message of messages) window.postMessage(message, location.origin);
}
