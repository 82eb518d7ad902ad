/**
 * The isolated content script's end of the page-observer channel. Messages arrive through
 * window.postMessage, which the page and other extensions can forge, so each one is checked:
 * same window and origin, our channel, a data host the site lists, size caps, and JSON.
 * What passes is still only "data the page could have shown" and goes through the parsers.
 */
import { MAX_RESPONSE_CHARS, type ObservedResponse } from './page-observer';
import type { ChannelLimiter } from '../core/messaging/rate-limit';

export interface PageResponse {
  url: URL;
  status: number;
  /** The request's method as the observer saw it (GET when it did not say). */
  method: 'GET' | 'POST' | 'OTHER';
  /** Parsed JSON, or null for an empty response or one that is not JSON. */
  body: unknown;
  /**
   * The start of a body that is not JSON ("Token expired", "PERMISSION_DENIED": error bodies
   * come back as plain text), so the parser can say "the page had no data (HTTP 401)" rather
   * than nothing at all. Null when the body was JSON or empty.
   */
  text: string | null;
}

/** How much of a non-JSON body reaches the parser: enough for an error word, never a page. */
export const MAX_TEXT_EXCERPT = 200;

/** `limited`: dropped over the page channel's rate or volume limit, before it was read. */
type ChannelProblem = { url: string | null; problem: string; limited?: true };

export function checkPageMessage(
  event: { source: unknown; origin: string; data: unknown },
  expected: {
    window: unknown;
    origin: string;
    channel: string;
    dataHosts: readonly string[];
    /** Overrides `dataHosts` where the hosts are a rule, not a list (an added dashboard: core/taught-sites.ts dataHostAllowed). */
    dataHostAllowed?: (host: string) => boolean;
    limiter?: ChannelLimiter;
  },
): PageResponse | ChannelProblem | null {
  if (event.source !== expected.window || event.origin !== expected.origin) return null;
  const data = event.data as Partial<ObservedResponse> | null;
  if (typeof data !== 'object' || data === null || data.channel !== expected.channel) return null;
  // Rate and volume per tab (PAGE_CHANNEL_LIMITS), counted before anything is parsed.
  const size = (typeof data.body === 'string' ? data.body.length : 0) + (typeof data.url === 'string' ? Math.min(data.url.length, 2000) : 0);
  if (expected.limiter && !expected.limiter.admit(size)) return { url: null, problem: 'over the page channel limit, dropped', limited: true };
  const rawUrl = typeof data.url === 'string' && data.url.length <= 2000 ? data.url : null;
  if (!rawUrl) return { url: null, problem: 'message without a usable address' };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { url: rawUrl, problem: 'message with an invalid address' };
  }
  const hostAllowed = expected.dataHostAllowed ? url.port === '' && expected.dataHostAllowed(url.hostname) : expected.dataHosts.includes(url.host);
  if (url.protocol !== 'https:' || !hostAllowed) return { url: rawUrl, problem: `response from ${url.host}, not a dashboard data host` };
  if (typeof data.status !== 'number' || !Number.isInteger(data.status) || data.status < 100 || data.status > 599) return { url: rawUrl, problem: 'message without an HTTP status' };
  if (data.truncated === true) return { url: rawUrl, problem: `response larger than ${MAX_RESPONSE_CHARS / 1024 / 1024} MB, not read` };
  const method = data.method === undefined || data.method === 'GET' ? 'GET' : data.method === 'POST' ? 'POST' : 'OTHER';
  if (data.body === null || data.body === undefined) return { url, status: data.status, method, body: null, text: null };
  if (typeof data.body !== 'string' || data.body.length > MAX_RESPONSE_CHARS) return { url: rawUrl, problem: 'message body is not text within the size cap' };
  try {
    return { url, status: data.status, method, body: JSON.parse(data.body) as unknown, text: null };
  } catch {
    return { url, status: data.status, method, body: null, text: data.body.slice(0, MAX_TEXT_EXCERPT) };
  }
}

export function isChannelProblem(value: PageResponse | ChannelProblem): value is ChannelProblem {
  return 'problem' in value;
}
