import { describe, expect, it } from 'vitest';
import { knownSpotifyDataPath, matchSpotifyDataUrl } from '../../../../core/sources/spotify/routes';
import { spotifyPage } from '../../../../core/sources/spotify/page';
import { API, ARTIST, TRACK } from './helpers';

describe('knownSpotifyDataPath', () => {
  it.each([
    [`${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/stats?country=&fromDate=2026-03-01&toDate=2026-03-28`, 'song-stats'],
    [`${API}/song-stats-view/v2/artist/${ARTIST}/recording/${TRACK}/info`, 'song-info'],
    [`${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/sos-timelines?stat=STREAMS`, 'song-sos-timelines'],
    [`${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/streams/country/timeline?countries=BR,PT`, 'song-country-timeline'],
    [`${API}/catalog-view/v1/artist/${ARTIST}/songs?time-filter=all`, 'catalog-songs'],
    [`${API}/audience-engagement-view/v1/artist/${ARTIST}/stats?from_date=2026-03-01&to_date=2026-03-28`, 'audience-stats'],
    [`${API}/s4x-insights-api/v2/artist/${ARTIST}/recordings?aggregation-level=recording&time-filter=1year`, 'insights-recordings'],
    [`${API}/s4x-insights-api/v1/artist/${ARTIST}/recording/${TRACK}/timeline/streams?time-filter=28day`, 'insights-song-timeline'],
    [`${API}/s4x-insights-api/v2/artist/${ARTIST}/stats?time-filter=28day&country=`, 'insights-artist-stats'],
    [`${API}/s4x-insights-api/v1/meta/latest-date`, 'latest-date'],
    [`${API}/s4x-insights-api/v1/meta/latest-date/`, 'latest-date'],
  ])('knows %s', (url, kind) => {
    expect(knownSpotifyDataPath(url)).toBe(true);
    expect(matchSpotifyDataUrl(url)?.kind).toBe(kind);
  });

  it('takes the identity from the path', () => {
    const route = matchSpotifyDataUrl(`${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/stats`);
    expect(route).toMatchObject({ artistId: ARTIST, trackId: TRACK });
  });

  it.each([
    `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/playlists`,
    `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK.slice(1)}/stats`,
    `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK.slice(0, 21)}!/stats`,
    `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/stats/extra`,
    `${API}/v1/me/token`,
    `http://generic.wg.spotify.com/s4x-insights-api/v1/meta/latest-date`,
    `https://generic.wg.spotify.com.evil.example/s4x-insights-api/v1/meta/latest-date`,
    `https://artists.spotify.com/s4x-insights-api/v1/meta/latest-date`,
    '',
    'generic.wg.spotify.com/s4x-insights-api/v1/meta/latest-date',
  ])('does not know %s', (url) => {
    expect(knownSpotifyDataPath(url)).toBe(false);
  });
});

describe('spotifyPage', () => {
  const base = `https://artists.spotify.com/c/artist/${ARTIST}`;
  it.each([
    [`${base}/song/${TRACK}/stats`, { kind: 'song-stats', artistId: ARTIST, trackId: TRACK }],
    [`${base}/song/${TRACK}/stats?time-filter=custom&start-date=2026-01-01&end-date=2026-03-01`, { kind: 'song-stats', artistId: ARTIST, trackId: TRACK }],
    [`${base}/song/${TRACK}/playlists`, { kind: 'other', artistId: ARTIST, trackId: TRACK }],
    [`${base}/music/songs`, { kind: 'songs', artistId: ARTIST }],
    [`${base}/audience?audience-filter=streams`, { kind: 'audience', artistId: ARTIST }],
    [`${base}/audience/stats`, { kind: 'audience', artistId: ARTIST }],
    [`${base}/home`, { kind: 'home', artistId: ARTIST }],
    [`${base}/`, { kind: 'home', artistId: ARTIST }],
    [`${base}/profile`, { kind: 'other', artistId: ARTIST }],
    ['https://artists.spotify.com/c/roster', { kind: 'other' }],
    [`https://artists.spotify.com/c/artist/short/song/${TRACK}/stats`, { kind: 'other' }],
    [`http://artists.spotify.com/c/artist/${ARTIST}/music/songs`, { kind: 'other' }],
    [`https://open.spotify.com/c/artist/${ARTIST}/music/songs`, { kind: 'other' }],
    ['nonsense', { kind: 'other' }],
  ])('%s', (url, page) => {
    expect(spotifyPage(url)).toEqual(page);
  });
});
