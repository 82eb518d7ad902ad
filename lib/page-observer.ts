/**
 * Runs in the PAGE's main world (document_start): watches the responses the dashboard itself
 * receives and hands copies of the ones a reader knows to the isolated content script.
 *
 * It changes nothing the page sees (the page gets the very same promise / XHR), never reads
 * request headers, tokens, cookies or storage, and never makes a request of its own. The
 * channel is window.postMessage, which the page can see and forge: the isolated side
 * therefore treats everything it receives as untrusted page data (see page-channel.ts).
 */

export const MAX_RESPONSE_CHARS = 4 * 1024 * 1024;

export interface ObservedResponse {
  channel: string;
  url: string;
  status: number;
  /** The request's method ("GET", "POST"): a taught dashboard's recipe names it. */
  method: string;
  /** The response text, or null when it was empty (204) or over the size cap. */
  body: string | null;
  truncated: boolean;
}

interface ObserverOptions {
  channel: string;
  /** True for response URLs the reader knows (checked before anything is cloned). */
  accept(url: URL): boolean;
}

function post(options: ObserverOptions, url: string, method: string, status: number, text: string | null): void {
  const truncated = text !== null && text.length > MAX_RESPONSE_CHARS;
  const message: ObservedResponse = { channel: options.channel, url, method, status, body: truncated || text === '' ? null : text, truncated };
  window.postMessage(message, window.location.origin);
}

/** The method of a fetch call, as the page made it (a Request, or the init's method). */
function fetchMethod(args: Parameters<typeof fetch>): string {
  const [input, init] = args;
  const method = init?.method ?? (typeof Request === 'function' && input instanceof Request ? input.method : 'GET');
  return String(method).toUpperCase().slice(0, 10);
}

function accepts(options: ObserverOptions, raw: string): boolean {
  try {
    return options.accept(new URL(raw, window.location.href));
  } catch {
    return false;
  }
}

export function observePageResponses(options: ObserverOptions): void {
  const originalFetch = window.fetch;
  if (typeof originalFetch === 'function') {
    const wrapped = function (this: unknown, ...args: Parameters<typeof fetch>): Promise<Response> {
      const result = originalFetch.apply(this, args);
      const method = fetchMethod(args);
      result.then(
        (response) => {
          if (!accepts(options, response.url)) return;
          response
            .clone()
            .text()
            .then(
              (text) => post(options, response.url, method, response.status, text),
              () => undefined,
            );
        },
        () => undefined,
      );
      return result;
    };
    window.fetch = wrapped as typeof fetch;
  }

  const proto = XMLHttpRequest.prototype;
  const methods = new WeakMap<XMLHttpRequest, string>();
  const originalOpen = proto.open;
  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    methods.set(this, String(args[0]).toUpperCase().slice(0, 10));
    return (originalOpen as (...rest: unknown[]) => void).apply(this, args);
  } as XMLHttpRequest['open'];
  const originalSend = proto.send;
  proto.send = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
    this.addEventListener('load', () => {
      try {
        if (!accepts(options, this.responseURL)) return;
        const method = methods.get(this) ?? 'GET';
        if (this.responseType === '' || this.responseType === 'text') post(options, this.responseURL, method, this.status, this.responseText);
        else if (this.responseType === 'json') post(options, this.responseURL, method, this.status, JSON.stringify(this.response));
      } catch {
        // A response we cannot read is simply not observed; the page is unaffected.
      }
    });
    return originalSend.apply(this, args);
  };
}
