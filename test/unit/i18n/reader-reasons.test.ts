/**
 * What the dashboard readers say about a response is stored as a key and values, never as a
 * sentence (docs/i18n.md): the diagnostics and the overlay phrase it in the artist's language,
 * and a reading stored before that, with English words, still shows them as they are.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, formatSavedText } from '../../../components/i18n';
import type { Message } from '../../../core/i18n/message';
import { readingSchema } from '../../../core/messaging/reading';
import { parseImusicianResponse } from '../../../core/sources/imusician/parse-response';
import { parseSpotifyResponse } from '../../../core/sources/spotify/parse-response';
import { describeYield } from '../../../lib/reading-session';
import { said } from '../said';
import { speak } from './catalogs';

const today = '2026-04-01';
const TRENDS = 'https://www.imusician.pro/api/v2/analytics/trends';
const SPOTIFY = 'https://generic.wg.spotify.com/song-stats-view/v1/artist/3kXmZp7QvR2nLw9YtB4sHd/recording/4uLU6hMCjMI75M1A2tKUQC/stats';
const ENGLISH = /\b(the|page|had|no|data|not|signed|in|or|allowed|empty|response|counts?)\b/;

describe('reader reasons as messages', () => {
  it('iMusician: an error status is "the page had no data (HTTP n)", a key with the status as data', () => {
    const result = parseImusicianResponse({ url: TRENDS, status: 401, body: null, text: 'Unauthorized' }, { today });
    expect(result).toMatchObject({ kind: 'no-data', recognised: true, observations: [] });
    expect(result.note).toEqual({
      key: 'readerNoData',
      params: { why: { text: { key: 'readerHttpWithText', params: { problem: { text: { key: 'readerHttpNotAllowed', params: { status: '401' } } }, token: 'Unauthorized' } } } },
    });
    expect(said(result.note)).toBe('the page had no data (HTTP 401 not signed in or not allowed, "Unauthorized")');
    speak('de');
    const german = formatMessage(result.note as Message);
    expect(german).toBe('die Seite hatte keine Daten (HTTP 401: nicht angemeldet oder keine Berechtigung, "Unauthorized")');
    expect(german.replace('"Unauthorized"', '')).not.toMatch(ENGLISH);
  });

  it('Spotify: an address the reader does not know is refused with its own key', () => {
    const result = parseSpotifyResponse({ url: 'https://generic.wg.spotify.com/unknown/v9/thing', status: 200, body: {} }, { latestDate: null, today, titles: new Map() });
    expect(result).toMatchObject({ recognised: false, reason: { key: 'readerNotSpotifyPath' } });
  });

  it('what a response yielded: counts in the locale’s numbers, the note phrased in the language', () => {
    const result = parseSpotifyResponse({ url: SPOTIFY, status: 503, body: null }, { latestDate: null, today, titles: new Map() });
    const yielded = describeYield({ ...result, observations: Array.from({ length: 1234 }, () => result.observations[0]!) });
    speak('de', 'de-DE');
    expect(formatMessage(yielded)).toBe('1.234 Werte; die Seite hatte keine Daten (HTTP 503)');
    speak('fr', 'fr-FR');
    expect(formatMessage(describeYield({ ...result, observations: [] }))).toBe('0 valeur ; la page n’avait pas de données (HTTP 503)');
  });

  it('a reading carries the messages through the reading schema, and an old reading’s English still reads', () => {
    const reason = { key: 'readerNoData', params: { why: { text: { key: 'readerHttpStatus', params: { status: '500' } } } } };
    const reading = { id: 'spotify:abc:1', site: 'spotify', path: '/c/artist', readAt: '2026-04-01T10:00:00.000Z', status: 'unrecognised', reason, unrecognised: ['song-stats: HTTP 500'] };
    const parsed = readingSchema.parse(reading);
    expect(parsed.reason).toEqual(reason);
    speak('it');
    expect(formatSavedText(parsed.reason!)).toBe('la pagina non aveva dati (HTTP 500)');
    expect(formatSavedText(parsed.unrecognised[0]!)).toBe('song-stats: HTTP 500');
    // Bounded: a message nested deeper than readers build, or with a long text, is refused.
    let deep: Message = { key: 'readerHttpStatus', params: { status: '500' } };
    for (let level = 0; level < 6; level++) deep = { key: 'readerNoData', params: { why: { text: deep } } };
    expect(readingSchema.safeParse({ ...reading, reason: deep }).success).toBe(false);
    expect(readingSchema.safeParse({ ...reading, reason: { key: 'readerHttpStatus', params: { status: 'x'.repeat(301) } } }).success).toBe(false);
  });
});
