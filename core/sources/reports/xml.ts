/**
 * A small XML tokenizer for the workbook parts an .xlsx holds (core/sources/reports/xlsx.ts):
 * one pass, each character looked at a bounded number of times, so no input makes it slower
 * than linear (the lazy regular expressions it replaces were quadratic on unclosed tags).
 * It knows what SpreadsheetML needs: elements with attributes, text, CDATA; comments,
 * processing instructions and the doctype are skipped. It does not validate: unbalanced tags
 * come out as they are, and the reader decides what they mean.
 */

export type XmlToken =
  | { kind: 'open'; name: string; attributes: string; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string; raw: boolean };

/** `x:row` → `row`: SpreadsheetML parts may carry a namespace prefix. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function isNameEnd(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f /* / */ || code === 0x3e; /* > */
}

export function* xmlTokens(xml: string): Generator<XmlToken> {
  let at = 0;
  while (at < xml.length) {
    const open = xml.indexOf('<', at);
    const textEnd = open === -1 ? xml.length : open;
    if (textEnd > at) yield { kind: 'text', text: xml.slice(at, textEnd), raw: false };
    if (open === -1) return;
    if (xml.startsWith('<![CDATA[', open)) {
      const close = xml.indexOf(']]>', open + 9);
      const end = close === -1 ? xml.length : close;
      yield { kind: 'text', text: xml.slice(open + 9, end), raw: true };
      at = close === -1 ? xml.length : close + 3;
      continue;
    }
    if (xml.startsWith('<!--', open)) {
      const close = xml.indexOf('-->', open + 4);
      at = close === -1 ? xml.length : close + 3;
      continue;
    }
    if (xml.startsWith('<?', open)) {
      const close = xml.indexOf('?>', open + 2);
      at = close === -1 ? xml.length : close + 2;
      continue;
    }
    if (xml.startsWith('<!', open)) {
      const close = xml.indexOf('>', open + 2);
      at = close === -1 ? xml.length : close + 1;
      continue;
    }
    const closing = xml.charCodeAt(open + 1) === 0x2f;
    let nameEnd = open + (closing ? 2 : 1);
    while (nameEnd < xml.length && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
    const name = localName(xml.slice(open + (closing ? 2 : 1), nameEnd));
    // The tag ends at the first `>` outside a quoted attribute value.
    let end = nameEnd;
    let quote = 0;
    for (; end < xml.length; end++) {
      const code = xml.charCodeAt(end);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === 0x22 || code === 0x27) {
        quote = code;
      } else if (code === 0x3e) {
        break;
      }
    }
    if (end >= xml.length) return; // a tag cut off at the end: nothing more to read
    if (closing) {
      yield { kind: 'close', name };
    } else {
      const selfClosing = xml.charCodeAt(end - 1) === 0x2f;
      yield { kind: 'open', name, attributes: xml.slice(nameEnd, selfClosing ? end - 1 : end), selfClosing };
    }
    at = end + 1;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** `a="1" r:id='x'` → { a: '1', 'r:id': 'x' } (values still escaped), in one pass. */
export function parseAttributes(source: string): Map<string, string> {
  const result = new Map<string, string>();
  let at = 0;
  while (at < source.length) {
    while (at < source.length && isSpace(source.charCodeAt(at))) at++;
    const nameStart = at;
    while (at < source.length && source[at] !== '=' && !isSpace(source.charCodeAt(at))) at++;
    const name = source.slice(nameStart, at);
    while (at < source.length && isSpace(source.charCodeAt(at))) at++;
    if (source[at] !== '=') {
      if (at === nameStart) at++;
      continue;
    }
    at++;
    while (at < source.length && isSpace(source.charCodeAt(at))) at++;
    const quote = source[at];
    if (quote !== '"' && quote !== "'") continue;
    const close = source.indexOf(quote, at + 1);
    if (close === -1) break;
    if (name !== '' && !result.has(name)) result.set(name, source.slice(at + 1, close));
    at = close + 1;
  }
  return result;
}
