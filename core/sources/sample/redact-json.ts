/**
 * Redacts a JSON value for a page sample, keeping its shape:
 * - values under personal keys (keys.ts) → "<removed>", whatever they are;
 * - strings → kept only under title keys (scrubbed of e-mails and tokens) or when they carry
 *   no person (values.ts: dates, short numbers, ISRCs, store names, structural words);
 *   any other string → "<text, N chars>";
 * - keys → kept when they look like identifiers, dates, numbers or store names; any other key
 *   (free text, an e-mail, a token) → "<key, N chars>";
 * - numbers, booleans and null kept; arrays cut to their first items plus a count; depth and
 *   size capped.
 */
import { isKnownStoreName } from '../imusician/stores';
import { isSensitiveKey, isTitleKey } from './keys';
import { scrubLine, scrubText } from './scrub';
import { isDateText, isKeptValue, textMarker } from './values';

interface RedactOptions {
  /** Items kept per array (the rest is counted). */
  arrayItems: number;
  /** Nesting kept; deeper values become "<nested deeper>". */
  maxDepth: number;
  /** Values kept in all; past it, "<size limit>". */
  maxNodes: number;
  /** Keys kept per object (the rest is counted). */
  objectKeys: number;
}

const DEFAULT_REDACT_OPTIONS: RedactOptions = { arrayItems: 5, maxDepth: 12, maxNodes: 5000, objectKeys: 100 };

export const REMOVED = '<removed>';
const IDENTIFIER_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]{0,60}$/;
const TITLE_MAX = 300;

/** A key as the sample shows it. */
export function redactKey(key: string): string {
  const scrubbed = scrubText(key);
  if (scrubbed === key && (IDENTIFIER_KEY.test(key) || isDateText(key) || /^\d{1,12}$/.test(key) || isKnownStoreName(key))) return key;
  return `<key, ${[...key].length} chars>`;
}

export function redactJson(value: unknown, options: RedactOptions = DEFAULT_REDACT_OPTIONS): unknown {
  let nodes = 0;

  function redact(node: unknown, depth: number, titleText: boolean): unknown {
    if (++nodes > options.maxNodes) return '<size limit>';
    if (node === null || typeof node === 'boolean') return node;
    if (typeof node === 'number') return Number.isFinite(node) ? node : String(node);
    if (typeof node === 'string') {
      if (titleText) return scrubLine(node, TITLE_MAX);
      return isKeptValue(node) ? node.trim() : textMarker(node);
    }
    if (typeof node !== 'object') return `<${typeof node}>`;
    if (depth >= options.maxDepth) return '<nested deeper>';
    if (Array.isArray(node)) {
      const kept = node.slice(0, options.arrayItems).map((item) => redact(item, depth + 1, false));
      if (node.length > options.arrayItems) kept.push(`<… ${node.length - options.arrayItems} more items, ${node.length} in all>`);
      return kept;
    }
    const keys = Object.keys(node);
    // A null-prototype object: a "__proto__" key stays a plain key, never the prototype.
    const out: Record<string, unknown> = Object.create(null);
    for (const key of keys.slice(0, options.objectKeys)) {
      let shown = redactKey(key);
      for (let n = 2; Object.hasOwn(out, shown); n++) shown = `${redactKey(key)} #${n}`;
      const child = (node as Record<string, unknown>)[key];
      out[shown] = isSensitiveKey(key) ? REMOVED : redact(child, depth + 1, isTitleKey(key, keys));
    }
    if (keys.length > options.objectKeys) out['<more keys>'] = `${keys.length - options.objectKeys} more, ${keys.length} in all`;
    return out;
  }

  return redact(value, 0, false);
}
