/**
 * Whether a response address is data by a structure recipe's address words (`DataAddressWords`,
 * core/recipes/types.ts). Pure and free of zod and of the walk: iMusician's main-world observer
 * bundles it (core/sources/imusician/urls.ts `knownImusicianDataPath`), so personal responses
 * are never even cloned there.
 */
import { safeUrl } from '../sources/shared/url';
import type { DataAddressWords } from './types';

/** Lower-case path segments, empty ones dropped (a trailing slash does not matter). */
export function lowerSegmentsOf(url: URL): string[] {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  return path.toLowerCase().split('/').filter((segment) => segment.length > 0);
}

const hasWord = (words: { readonly whole: readonly string[]; readonly within: readonly string[] }, segment: string): boolean =>
  words.whole.includes(segment) || words.within.some((word) => segment.includes(word));

/** Pure; never throws. */
export function dataAddressMatches(words: DataAddressWords, url: string): boolean {
  const parsed = safeUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.host !== words.host) return false;
  const segments = lowerSegmentsOf(parsed);
  if (segments.length === 0) return false;
  const last = segments[segments.length - 1]!;
  if (words.neverLast.extensions.some((extension) => last.endsWith(`.${extension}`)) || words.neverLast.whole.includes(last)) return false;
  if (segments.some((segment) => hasWord(words.never, segment))) return false;
  // GraphQL calls share one path: an operation name in the address is checked too.
  for (const name of words.operationParams) {
    const value = parsed.searchParams.get(name);
    if (value && hasWord(words.never, value.toLowerCase().slice(0, 2000))) return false;
  }
  return segments.some((segment) => hasWord(words.data, segment));
}
