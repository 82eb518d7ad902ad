/**
 * Runs the in-page search (dom-search.ts) with every shadow root of the page, closed ones
 * included, found through the automation protocol the way DevTools finds them. The page's own
 * scripts have no such access: that is what the closed root is for (lib/overlay-host.ts), and
 * test/e2e/journeys/overlay-privacy.ts proves it. Nothing here changes the build under test.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';
import { findInPage, type Found } from './dom-search';
import type { FindQuery } from './types';

type Query = FindQuery & { scroll?: boolean; choose?: string };

interface CdpNode {
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function shadowRootIds(node: CdpNode, into: number[] = []): number[] {
  for (const root of node.shadowRoots ?? []) {
    into.push(root.backendNodeId);
    shadowRootIds(root, into);
  }
  for (const child of node.children ?? []) shadowRootIds(child, into);
  return into;
}

/** Chromium: DevTools `DOM.getDocument({ pierce: true })` lists closed roots; `DOM.resolveNode` hands them to the search. */
export function chromiumSearch(context: BrowserContext, page: Page): (query: Query) => Promise<Found | null> {
  let session: Promise<CDPSession> | null = null;
  let group = 0;
  return async (query) => {
    session ??= context.newCDPSession(page);
    const cdp = await session;
    const objectGroup = `crosscount-search-${(group += 1)}`;
    try {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
      const resolve = async (backendNodeId: number) => (await cdp.send('DOM.resolveNode', { backendNodeId, objectGroup })).object.objectId!;
      const documentObject = await resolve(root.backendNodeId);
      const roots = await Promise.all(shadowRootIds(root).map(resolve));
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        functionDeclaration: findInPage.toString(),
        objectId: documentObject,
        arguments: [{ value: query }, ...roots.map((objectId) => ({ objectId }))],
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(`search failed in ${page.url()}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return (result.value ?? null) as Found | null;
    } finally {
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
    }
  };
}

interface BidiRemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}

interface BidiCallResult {
  type: 'success' | 'exception';
  result?: BidiRemoteValue;
  exceptionDetails?: { text: string };
}

/** The raw WebDriver BiDi connection puppeteer drives Firefox over (`script.callFunction` is not in its public API). */
interface BidiConnection {
  send(method: 'script.callFunction', params: Record<string, unknown>): Promise<{ result: BidiCallResult }>;
}

/** Custom elements: the only hosts our overlays use (closed roots can only be found from their hosts). */
const CUSTOM_ELEMENT_HOSTS = "() => Array.from(document.querySelectorAll('*')).filter((element) => element.localName.includes('-'))";

/**
 * Firefox: WebDriver BiDi serialises a node's shadow root, closed ones too, when asked with
 * `includeShadowTree: "all"`; the roots' shared ids are then arguments of the search.
 */
export function firefoxSearch(browser: PuppeteerBrowser, page: PuppeteerPage): (query: Query) => Promise<Found | null> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const contextId = () => (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
  const call = async (functionDeclaration: string, args: unknown[], serializationOptions?: Record<string, unknown>): Promise<BidiRemoteValue> => {
    const { result } = await connection.send('script.callFunction', {
      functionDeclaration,
      target: { context: contextId() },
      arguments: args,
      awaitPromise: true,
      resultOwnership: 'none',
      ...(serializationOptions ? { serializationOptions } : {}),
    });
    if (result.type === 'exception') throw new Error(`search failed in ${page.url()}: ${result.exceptionDetails?.text ?? 'exception'}`);
    return result.result!;
  };
  return async (query) => {
    const hosts = await call(CUSTOM_ELEMENT_HOSTS, [], { maxDomDepth: 0, includeShadowTree: 'all' });
    const roots = ((hosts.value as BidiRemoteValue[] | undefined) ?? [])
      .map((host) => (host.value as { shadowRoot?: BidiRemoteValue | null } | undefined)?.shadowRoot?.sharedId)
      .filter((sharedId): sharedId is string => typeof sharedId === 'string')
      .map((sharedId) => ({ sharedId }));
    const found = await call(findInPage.toString(), [toBidiValue(query), ...roots], { maxObjectDepth: 2 });
    return fromBidiValue(found) as Found | null;
  };
}

/** A plain JSON-like value as a BiDi LocalValue (the query: strings and booleans in an object). */
function toBidiValue(value: unknown): unknown {
  if (value === null || value === undefined) return { type: value === null ? 'null' : 'undefined' };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (Array.isArray(value)) return { type: 'array', value: value.map(toBidiValue) };
  return { type: 'object', value: Object.entries(value as Record<string, unknown>).map(([key, entry]) => [key, toBidiValue(entry)]) };
}

/** A BiDi RemoteValue of plain data back to JSON-like data. */
function fromBidiValue(remote: BidiRemoteValue): unknown {
  switch (remote.type) {
    case 'null':
    case 'undefined':
      return null;
    case 'string':
    case 'number':
    case 'boolean':
      return remote.value;
    case 'array':
      return (remote.value as BidiRemoteValue[]).map(fromBidiValue);
    case 'object':
      return Object.fromEntries((remote.value as [string, BidiRemoteValue][]).map(([key, entry]) => [key, fromBidiValue(entry)]));
    default:
      throw new Error(`unexpected ${remote.type} from the page`);
  }
}
