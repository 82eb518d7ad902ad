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
  /** The response text, or null when it was empty (204) or over the size cap. */
  body: string | null;
  truncated: boolean;
}

interface ObserverOptions {
  channel: string;
  /** True for response URLs the reader knows (checked before anything is cloned). */
  accept(url: URL): boolean;
}

function post(options: ObserverOptions, url: string, status: number, text: string | null): void {
  const truncated = text !== null && text.length > MAX_RESPONSE_CHARS;
  const message: ObservedResponse = { channel: options.channel, url, status, body: truncated || text === '' ? null : text, truncated };
  window.postMessage(message, window.location.origin);
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
      result.then(
        (response) => {
          if (!accepts(options, response.url)) return;
          response
            .clone()
            .text()
            .then(
              (text) => post(options, response.url, response.status, text),
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
  const originalSend = proto.send;
  proto.send = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
    this.addEventListener('load', () => {
      try {
        if (!accepts(options, this.responseURL)) return;
        if (this.responseType === '' || this.responseType === 'text') post(options, this.responseURL, this.status, this.responseText);
        else if (this.responseType === 'json') post(options, this.responseURL, this.status, JSON.stringify(this.response));
      } catch {
        // A response we cannot read is simply not observed; the page is unaffected.
      }
    });
    return originalSend.apply(this, args);
  };
}
