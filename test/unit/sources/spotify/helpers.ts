import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SpotifyReadContext } from '../../../../core/sources/spotify/result';

// A string path (not `new URL`): under happy-dom the global URL is the DOM's, not Node's.
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/spotify') + '/';

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export const ARTIST = '3kXmZp7QvR2nLw9YtB4sHd';
export const TRACK = '4uLU6hMCjMI75M1A2tKUQC';
export const TRACK_ACOUSTIC = '7ouMYWpwJ422jRcDASZB7P';
export const TRACK_CAFE = '0VjIjW4GlUZAMYd2vXMi3b';

export const API = 'https://generic.wg.spotify.com';

export function context(overrides: Partial<SpotifyReadContext> = {}): SpotifyReadContext {
  return { latestDate: '2026-03-29', today: '2026-03-31', titles: new Map(), ...overrides };
}
