/**
 * fast-check generators for valid histories (docs/contracts.md §1), shared by every test that needs
 * histories: history files, store, comparison, eligibility.
 *
 * Tracks are views of a small fixed catalogue of recordings, so separately generated histories
 * share songs the way real files do: one file knows a track by ISRC, another by Spotify id.
 *
 * - `consistent` (default): every view of a recording carries its first Spotify id, so views of
 *   one recording always match and never match another; each recording has one track id
 *   everywhere (`t-<n>`); a series' values grow with observedAt (dashboards' counts usually
 *   grow). This is the world in which merging is associative.
 * - `wild`: ids are drawn from a small pool shared by all files ("t-1" can be different songs
 *   in two files), views may carry no identity at all or Spotify/distributor ids of another
 *   recording (so different ISRCs meet through one id), and values are arbitrary.
 */
import fc from 'fast-check';
import type { History } from '../../../core/model/history';
import type { Metric, Observation, Track } from '../../../core/model/schema';
import { addDays, lastDayOfMonth, monthOf } from '../../../core/model/day';
import { compactRevisions, compareRevisions } from '../../../core/model/revisions';

export interface Recording {
  isrc: string;
  title: string;
  artists: string[];
  spotifyTrackIds: [string, string];
  imusicianId: string;
  /**
   * Distributor ids of the recording's other releases: iMusician's track id of the album
   * release (the single is `imusicianId`) and TuneCore's `TC Song ID` of the single and the
   * album (core/sources/reports/README.md). One ISRC, different distributor ids, each with its
   * own series: hypothetical values in the shape those distributors use.
   */
  imusicianAlbumId: string;
  tunecoreIds: [string, string];
}

export const RECORDINGS: readonly Recording[] = [
  { isrc: 'CHA012400001', title: 'Glacier Lights', artists: ['Nora Vell'], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC', '1Xy2Zw3Vu4Ts5Rq6Po7Nm8'], imusicianId: '804113', imusicianAlbumId: '804207', tunecoreIds: ['1184220', '1184371'] },
  { isrc: 'CHA012400002', title: 'Glacier Lights (Acoustic)', artists: ['Nora Vell'], spotifyTrackIds: ['7GhIk0lmN1oPq2rSt3UvW4', '2AbCdEfGhIjKlMnOpQrStU'], imusicianId: '804114', imusicianAlbumId: '804208', tunecoreIds: ['1184221', '1184372'] },
  { isrc: 'DEAB72500117', title: 'Night Bus, Zürich', artists: ['Nora Vell', 'Tom "Ludo" Ries'], spotifyTrackIds: ['0aZ9bY8cX7dW6eV5fU4gT3', '3hS2iR1jQ0kP9lO8mN7nM6'], imusicianId: '811902', imusicianAlbumId: '812650', tunecoreIds: ['1190045', '1190046'] },
  { isrc: 'GBXYZ2510042', title: '=SUM(A1:A9)', artists: ['@handle'], spotifyTrackIds: ['5QwErTyUiOpAsDfGhJkLzX', '6CvBnMqWeRtYuIoPaSdFgH'], imusicianId: '820001', imusicianAlbumId: '820340', tunecoreIds: ['1201117', '1201990'] },
  { isrc: 'USRC12300555', title: 'Ωmega — ünïcode', artists: ['-minus', '+plus'], spotifyTrackIds: ['9JkLmNoPqRsTuVwXyZaBcD', '8EfGhIjKlMnOpQrStUvWxY'], imusicianId: '830555', imusicianAlbumId: '830811', tunecoreIds: ['1213004', '1213005'] },
];

const SOURCES = ['spotify', 'imusician'] as const;
const STORES = ['spotify', 'all'] as const;
const ARB_METRICS: readonly Metric[] = ['streams', 'listeners', 'streams_28d', 'streams_month'];
const FIRST_DAY = '2025-01-28';
const DAY_SPAN = 8; // crosses a month end, so streams_month has two possible days
/** Reading times: few, so series get several revisions and files overlap. */
export const INSTANTS: readonly string[] = Array.from({ length: 6 }, (_, i) => new Date(Date.UTC(2025, 1, 5 + i * 3, 8, i * 7)).toISOString());

export interface HistoryArbitraryOptions {
  mode?: 'consistent' | 'wild';
  maxTracks?: number;
  maxObservations?: number;
}

interface TrackView {
  recording: number;
  track: Omit<Track, 'id'>;
  wildId: string;
}

function trackViewArbitrary(mode: 'consistent' | 'wild'): fc.Arbitrary<TrackView> {
  const allSpotifyIds = RECORDINGS.flatMap((r) => r.spotifyTrackIds);
  return fc
    .record({
      recording: fc.nat({ max: RECORDINGS.length - 1 }),
      showIsrc: fc.boolean(),
      secondSpotify: fc.boolean(),
      showImusician: fc.boolean(),
      titleVariant: fc.constantFrom('plain', 'edit', 'empty'),
      showArtists: fc.boolean(),
      wildSpotify: fc.subarray(allSpotifyIds, { maxLength: 2 }),
      wildImusician: fc.option(fc.constantFrom(...RECORDINGS.map((r) => r.imusicianId)), { nil: undefined }),
      wildId: fc.constantFrom('t-1', 't-2', 't-3', 't-4', 'trk_9'),
    })
    .map((v) => {
      const recording = RECORDINGS[v.recording]!;
      const consistent = mode === 'consistent';
      const spotifyTrackIds = consistent
        ? recording.spotifyTrackIds.slice(0, v.secondSpotify ? 2 : 1)
        : [...v.wildSpotify];
      const imusician = consistent ? (v.showImusician ? recording.imusicianId : undefined) : v.wildImusician;
      const distributorIds: Record<string, string> = imusician === undefined ? {} : { imusician };
      return {
        recording: v.recording,
        wildId: v.wildId,
        track: {
          isrc: v.showIsrc ? recording.isrc : null,
          title: v.titleVariant === 'plain' ? recording.title : v.titleVariant === 'edit' ? `${recording.title} (Radio Edit)` : '',
          artists: v.showArtists ? [...recording.artists] : [],
          spotifyTrackIds,
          distributorIds,
        },
      };
    });
}

interface ObservationDraft {
  trackIndex: number;
  source: string;
  store: string;
  metric: Metric;
  dayOffset: number;
  instant: number;
  value: number;
}

const observationDraftArbitrary: fc.Arbitrary<ObservationDraft> = fc.record({
  trackIndex: fc.nat(),
  source: fc.constantFrom(...SOURCES),
  store: fc.constantFrom(...STORES),
  metric: fc.constantFrom(...ARB_METRICS),
  dayOffset: fc.nat({ max: DAY_SPAN - 1 }),
  instant: fc.nat({ max: INSTANTS.length - 1 }),
  value: fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 5000 })),
});

/** A small deterministic hash, so the same series has the same timeline in every file. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export function historyArbitrary(options: HistoryArbitraryOptions = {}): fc.Arbitrary<History> {
  const mode = options.mode ?? 'consistent';
  const viewKey = (view: TrackView) => (mode === 'consistent' ? `r${view.recording}` : view.wildId);
  return fc
    .tuple(
      fc.uniqueArray(trackViewArbitrary(mode), { minLength: 1, maxLength: options.maxTracks ?? 4, selector: viewKey }),
      fc.array(observationDraftArbitrary, { maxLength: options.maxObservations ?? 30 }),
    )
    .map(([views, drafts]) => {
      const tracks: Track[] = views.map((view) => ({ id: mode === 'consistent' ? `t-${view.recording}` : view.wildId, ...view.track }));
      const observations: Observation[] = drafts.map((draft) => {
        const view = views[draft.trackIndex % views.length]!;
        // Wild files crowd into fewer series, so files overlap and revisions repeat more often.
        const dayOffset = mode === 'wild' ? [0, 1, 4][draft.dayOffset % 3]! : draft.dayOffset;
        let day = addDays(FIRST_DAY, dayOffset);
        if (draft.metric === 'streams_month') day = lastDayOfMonth(monthOf(day));
        const series = `${view.recording}|${draft.source}|${draft.store}|${draft.metric}|${day}`;
        // Consistent: a timeline per series that never goes down, the same in every file.
        const value = mode === 'consistent' ? (hash(series) % 900) + draft.instant * (hash(series) % 3) : draft.value % 4 === 0 ? 0 : draft.value;
        return {
          track: mode === 'consistent' ? `t-${view.recording}` : view.wildId,
          source: draft.source,
          store: mode === 'wild' ? 'spotify' : draft.store,
          metric: draft.metric,
          day,
          value,
          observedAt: INSTANTS[draft.instant]!,
        };
      });
      return { tracks, observations };
    });
}

/**
 * One song of a recording as a file knows it: a Spotify track id (the single, or the album
 * version: one ISRC, two Spotify ids) or a release of the recording at a distributor (the
 * single and the album at iMusician, or in TuneCore's reports: one ISRC, two distributor
 * ids under one distributor). Each song has its own series.
 */
export interface Song {
  recording: number;
  /** `s:<spotify id>` or `d:<distributor>:<id>`: the key that finds it again after a merge. */
  key: string;
  source: 'spotify' | 'imusician' | 'tunecore';
}

export const SONGS: readonly Song[] = RECORDINGS.flatMap((recording, index) => [
  ...recording.spotifyTrackIds.map((id) => ({ recording: index, key: `s:${id}`, source: 'spotify' as const })),
  ...[recording.imusicianId, recording.imusicianAlbumId].map((id) => ({ recording: index, key: `d:imusician:${id}`, source: 'imusician' as const })),
  ...recording.tunecoreIds.map((id) => ({ recording: index, key: `d:tunecore:${id}`, source: 'tunecore' as const })),
]);

/** Songs per recording in SONGS: two Spotify ids, two iMusician releases, two TuneCore songs. */
const SONGS_PER_RECORDING = 6;

/** The tracks of `history` that hold the song `key` (after a correct merge: exactly one). */
export function tracksOfSong(history: History, key: string): Track[] {
  return history.tracks.filter((track) => track.spotifyTrackIds.some((id) => `s:${id}` === key) || Object.entries(track.distributorIds).some(([distributor, id]) => `d:${distributor}:${id}` === key));
}

/**
 * Histories where several songs share an ISRC (single and album version on Spotify, the single
 * and the album release at iMusician, two TuneCore song ids) and track ids collide across files ("t-1" is another song in the next file):
 * the cases where merging on a shared key could put two songs' series into one track.
 * Every track is one song; values follow one timeline per song and series, the same in every
 * file, and differ between songs, so a collision changes what is read back.
 */
export function releasesArbitrary(options: { maxTracks?: number; maxObservations?: number } = {}): fc.Arbitrary<History> {
  const trackArbitrary = fc.record({
    song: fc.nat({ max: SONGS.length - 1 }),
    id: fc.constantFrom('t-1', 't-2', 't-3', 't-4', 't-5', 't-6'),
    showIsrc: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    titleVariant: fc.constantFrom('plain', 'edit'),
  });
  // Several songs of one recording are likely: the songs are drawn from two recordings at most.
  return fc
    .tuple(
      fc.nat({ max: RECORDINGS.length - 1 }),
      fc.uniqueArray(trackArbitrary, { minLength: 1, maxLength: options.maxTracks ?? 5, selector: (track) => track.id }),
      fc.array(
        fc.record({ trackIndex: fc.nat(), metric: fc.constantFrom<Metric>('streams', 'streams_28d', 'streams_month'), dayOffset: fc.nat({ max: DAY_SPAN - 1 }), instant: fc.nat({ max: INSTANTS.length - 1 }) }),
        { maxLength: options.maxObservations ?? 30 },
      ),
    )
    .map(([pair, drafts, observationDrafts]) => {
      const songs = drafts.map((draft) => {
        // Half the tracks are songs of recording `pair`, so one ISRC has several songs.
        const song = SONGS[draft.song % 2 === 0 ? draft.song : SONGS.findIndex((s) => s.recording === pair) + (draft.song % SONGS_PER_RECORDING)]!;
        return { draft, song };
      });
      const tracks: Track[] = songs.map(({ draft, song }) => {
        const recording = RECORDINGS[song.recording]!;
        const [kind, ...rest] = song.key.split(':');
        return {
          id: draft.id,
          isrc: draft.showIsrc ? recording.isrc : null,
          title: draft.titleVariant === 'plain' ? recording.title : `${recording.title} (Album Version)`,
          artists: [...recording.artists],
          spotifyTrackIds: kind === 's' ? [rest[0]!] : [],
          distributorIds: kind === 'd' ? { [rest[0]!]: rest[1]! } : {},
        };
      });
      const observations: Observation[] = observationDrafts.map((draft) => {
        const index = draft.trackIndex % tracks.length;
        const song = songs[index]!.song;
        let day = addDays(FIRST_DAY, draft.dayOffset);
        if (draft.metric === 'streams_month') day = lastDayOfMonth(monthOf(day));
        const series = `${song.key}|${draft.metric}|${day}`;
        return {
          track: tracks[index]!.id,
          source: song.source,
          store: 'spotify',
          metric: draft.metric,
          day,
          value: (hash(series) % 900) + draft.instant * (hash(series) % 3),
          observedAt: INSTANTS[draft.instant]!,
        };
      });
      return { tracks, observations };
    });
}

/** A song's series as revisions: `source|store|metric|day` → `observedAt=value` in order, compacted. */
export type SongSeries = Map<string, string[]>;

function seriesOf(observations: readonly Observation[]): SongSeries {
  const bySeries = new Map<string, Observation[]>();
  for (const obs of observations) {
    const key = `${obs.source}|${obs.store}|${obs.metric}|${obs.day}`;
    bySeries.set(key, [...(bySeries.get(key) ?? []), obs]);
  }
  const result: SongSeries = new Map();
  for (const key of [...bySeries.keys()].sort()) {
    result.set(key, compactRevisions([...bySeries.get(key)!].sort(compareRevisions)).map((obs) => `${obs.observedAt}=${obs.value}`));
  }
  return result;
}

/**
 * What the files said about each song (every track of releasesArbitrary is one song), merged
 * across files: song key → its series.
 */
export function songSeriesOfInputs(histories: readonly History[]): Map<string, SongSeries> {
  const observations = new Map<string, Observation[]>();
  for (const history of histories) {
    const songOf = new Map(history.tracks.map((track) => [track.id, SONGS.find((song) => tracksOfSong({ tracks: [track], observations: [] }, song.key).length > 0)!]));
    for (const obs of history.observations) {
      const song = songOf.get(obs.track)!;
      observations.set(song.key, [...(observations.get(song.key) ?? []), obs]);
    }
  }
  return new Map([...observations].map(([key, list]) => [key, seriesOf(list)]));
}

/**
 * Each song's series as `result` holds it: the observations of the song's source in every
 * track holding the song, as revisions. Two songs merged into one track show each other's
 * values here; a song whose records ended up in two tracks loses nothing and reads the same.
 */
export function songSeriesOfResult(result: History, keys: Iterable<string>): Map<string, SongSeries | string> {
  const found = new Map<string, SongSeries | string>();
  for (const key of keys) {
    const tracks = new Set(tracksOfSong(result, key).map((track) => track.id));
    if (tracks.size === 0) {
      found.set(key, `no track holds ${key}`);
      continue;
    }
    const source = SONGS.find((song) => song.key === key)!.source;
    found.set(key, seriesOf(result.observations.filter((obs) => tracks.has(obs.track) && obs.source === source)));
  }
  return found;
}
