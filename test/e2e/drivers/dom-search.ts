/**
 * The one in-page search both drivers use (passed to page.evaluate / waitForFunction, so it
 * must stay self-contained: no imports, no outer variables, no helpers a compiler could add).
 */
import type { FindQuery } from './types';

export interface Found {
  text: string;
  /** Centre of the element in the viewport, after scrolling it into view (when asked). */
  x: number;
  y: number;
}

export function findInPage(query: FindQuery & { scroll?: boolean }): Found | null {
  const roots: (Document | ShadowRoot)[] = [document];
  for (let i = 0; i < roots.length; i += 1) {
    const elements = roots[i]!.querySelectorAll('*');
    for (let j = 0; j < elements.length; j += 1) {
      const shadow = elements[j]!.shadowRoot;
      if (shadow) roots.push(shadow);
    }
  }
  for (const root of roots) {
    let candidates: (Element | ShadowRoot)[];
    if (query.testId !== undefined) {
      candidates = Array.from(root.querySelectorAll(`[data-testid="${CSS.escape(query.testId)}"]`));
    } else if (root instanceof Document) {
      candidates = root.body ? [root.body] : [];
    } else {
      candidates = [root];
    }
    for (const candidate of candidates) {
      const text = candidate.textContent ?? '';
      if (query.text !== undefined && !text.includes(query.text)) continue;
      if (!(candidate instanceof Element)) return { text, x: 0, y: 0 };
      if (query.scroll) candidate.scrollIntoView({ block: 'center', inline: 'center' });
      const box = candidate.getBoundingClientRect();
      return { text, x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
  }
  return null;
}

export function describeQuery(query: FindQuery): string {
  const parts = [query.testId !== undefined ? `[data-testid=${query.testId}]` : 'text', query.text !== undefined ? `containing ${JSON.stringify(query.text)}` : ''];
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
