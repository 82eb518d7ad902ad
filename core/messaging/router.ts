/**
 * The background's side of the protocol, kept free of browser globals so it is unit-tested
 * directly: classify the sender, validate the payload, run the handler, wrap the reply.
 */
import { TAB_MESSAGE_LIMIT, type TabLimiter } from './rate-limit';
import { siteForUrl, type SiteDescriptor } from '../sites';
import { protocol, type MessageType, type ParsedRequestOf, type Reply, type ResponseOf } from './protocol';

/** The parts of runtime.MessageSender the checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; incognito?: boolean };
  frameId?: number;
}

export type Sender =
  | { kind: 'content'; site: SiteDescriptor; tabId: number | null; incognito: boolean }
  | { kind: 'extension' };

/**
 * Who sent a message. Extension pages have our own origin; content scripts run in a tab
 * on one of the dashboards (built in, or `added` by the artist). Anything else (another extension, a web page via
 * externally_connectable, a frame elsewhere) is nobody we answer.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string, added: readonly SiteDescriptor[] = []): Sender | null {
  if (sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return { kind: 'extension' };
  if (!sender.tab) return null;
  // A dashboard the artist added counts like a built-in one (its scripts run only with access).
  const site = siteForUrl(url, added);
  if (!site) return null;
  return { kind: 'content', site, tabId: sender.tab.id ?? null, incognito: sender.tab.incognito === true };
}

export type Handlers = {
  [K in MessageType]: (payload: ParsedRequestOf<K>, sender: Sender) => Promise<ResponseOf<K>>;
};

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid message';
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  return `${path ? path.replace(/^\./, '') + ': ' : ''}${issue.message}`;
}

/**
 * Answers one raw message. Never throws: failures come back as `{ ok: false, error }`.
 */
interface RouteOptions {
  /** Per-tab rate limit on content scripts (core/messaging/rate-limit.ts); the background passes one. */
  tabLimiter?: TabLimiter;
}

export async function routeMessage(
  raw: unknown,
  sender: Sender | null,
  handlers: Handlers,
  options: RouteOptions = {},
): Promise<Reply<MessageType>> {
  if (!sender) return { ok: false, error: 'sender not allowed' };
  // A page that makes its content script flood us is answered before any work; a reading
  // refused here is held by the content script and sent again later (lib/reading-session.ts).
  if (sender.kind === 'content' && sender.tabId !== null && options.tabLimiter && !options.tabLimiter.admit(sender.tabId)) {
    return { ok: false, error: `too many messages from this tab (over ${TAB_MESSAGE_LIMIT.perSecond} a second): sent again later` };
  }
  if (typeof raw !== 'object' || raw === null || typeof (raw as { type?: unknown }).type !== 'string') {
    return { ok: false, error: 'not a Crosscount message' };
  }
  const type = (raw as { type: string }).type;
  if (!Object.hasOwn(protocol, type)) return { ok: false, error: `unknown message type ${JSON.stringify(type.slice(0, 50))}` };
  const entry = protocol[type as MessageType];
  if (entry.from !== sender.kind) return { ok: false, error: `${type} is not accepted from ${sender.kind === 'content' ? 'a web page' : 'an extension page'}` };
  const parsed = entry.request.safeParse((raw as { payload?: unknown }).payload ?? {});
  if (!parsed.success) return { ok: false, error: `${type}: ${describeIssues(parsed.error)}` };
  try {
    const handler = handlers[type as MessageType] as (payload: unknown, sender: Sender) => Promise<unknown>;
    return { ok: true, data: (await handler(parsed.data, sender)) as ResponseOf<MessageType> };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
