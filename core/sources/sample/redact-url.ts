/**
 * An address as a page sample shows it: origin and path (e-mails and tokens in the path
 * replaced), query parameters by name only, except values that are dates (not personal, and
 * needed to understand a range) or a store's name (needed to understand a store filter).
 * The fragment is dropped.
 */
import { isAllStoresName, isKnownStoreName } from '../imusician/stores';
import { redactKey } from './redact-json';
import { scrubText } from './scrub';
import { isDateText } from './values';

const MAX_URL = 500;
const PLAIN_SEGMENT = /^[A-Za-z0-9_]{0,30}$/;

export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `<address, ${[...String(url)].length} chars>`;
  }
  const path = parsed.pathname
    .split('/')
    .map((segment) => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        decoded = segment;
      }
      // Structural segments ("api", "v2", "trends", "4711") stay; a slug may be a person's
      // name ("mira-jones"), and an e-mail or token never stays.
      return PLAIN_SEGMENT.test(decoded) && scrubText(decoded) === decoded ? segment : `<segment, ${[...decoded].length} chars>`;
    })
    .join('/');
  const params: string[] = [];
  for (const [name, value] of parsed.searchParams) {
    const shownName = redactKey(name);
    const keep = isDateText(value) || isKnownStoreName(value) || isAllStoresName(value);
    params.push(keep ? `${shownName}=${value}` : shownName);
  }
  // Each part is redacted on its own: scrubbing the whole address would take "/a/b/c…" for a
  // base64 token.
  const shown = `${scrubText(parsed.origin)}${path}${params.length > 0 ? `?${params.join('&')}` : ''}`;
  return shown.length > MAX_URL ? `${shown.slice(0, MAX_URL)}…` : shown;
}
