/**
 * Address patterns (core/recipes/README.md): an https host, exact, and a path pattern where `*`
 * matches within one segment and `**` any number of whole segments. The query is never matched.
 */
import type { AddressPattern, Recipe } from './types';

const MAX_URL = 4000;

function parsedHttps(url: string): URL | null {
  if (typeof url !== 'string' || url.length > MAX_URL) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.port === '' && parsed.username === '' && parsed.password === '' ? parsed : null;
  } catch {
    return null;
  }
}

function segmentMatches(pattern: string, segment: string): boolean {
  if (pattern === '*') return segment !== '';
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === segment;
  let at = 0;
  for (const [index, part] of parts.entries()) {
    if (index === 0) {
      if (!segment.startsWith(part)) return false;
      at = part.length;
    } else if (index === parts.length - 1) {
      return segment.length - part.length >= at && segment.endsWith(part);
    } else {
      const found = segment.indexOf(part, at);
      if (found < 0) return false;
      at = found + part.length;
    }
  }
  return true;
}

function segmentsMatch(patterns: readonly string[], segments: readonly string[]): boolean {
  if (patterns.length === 0) return segments.length === 0;
  const [head, ...rest] = patterns;
  if (head === '**') {
    for (let skip = 0; skip <= segments.length; skip++) if (segmentsMatch(rest, segments.slice(skip))) return true;
    return false;
  }
  return segments.length > 0 && segmentMatches(head!, segments[0]!) && segmentsMatch(rest, segments.slice(1));
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Whether an https address falls under a pattern (host exact, path by segments). */
export function addressMatches(pattern: AddressPattern, url: string): boolean {
  const parsed = parsedHttps(url);
  if (!parsed || parsed.hostname !== pattern.host) return false;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return false;
  }
  return segmentsMatch(segmentsOf(pattern.path), segmentsOf(path));
}

export function recipeMatchesPage(recipe: Recipe, url: string): boolean {
  return addressMatches(recipe.page, url);
}

export function recipeMatchesResponse(recipe: Recipe, url: string, method: string): boolean {
  return typeof method === 'string' && method.toUpperCase() === recipe.response.method && addressMatches(recipe.response, url);
}

/**
 * The pattern a seen address becomes: its host, and its path with segments that look like ids
 * (digits, long hex, uuids) replaced by `*`, so tomorrow's track or date range matches too.
 */
export function patternOf(url: string): AddressPattern | null {
  const parsed = parsedHttps(url);
  if (!parsed) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const segments = segmentsOf(path).slice(0, 12).map((segment) =>
    /^\d+$/.test(segment) || /^[0-9a-f]{12,}$/i.test(segment) || /^[0-9a-f-]{32,40}$/i.test(segment) || /\d{4}-\d{2}-\d{2}/.test(segment) || !/^[A-Za-z0-9_.~@:+-]{1,100}$/.test(segment) ? '*' : segment,
  );
  return { host: parsed.hostname, path: `/${segments.join('/')}` };
}
