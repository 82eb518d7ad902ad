/** The history page's pure parts: chart data, linking lists, settings drafts, search, evidence days. */
import { describe, expect, it } from 'vitest';
import type { Track } from '../../../core/model/schema';
import { buildTrackView } from '../../../core/views/build';
import { chartData } from '../../../entrypoints/options/chart-data';
import { chartSummary } from '../../../entrypoints/options/Chart';
import { anomalyDays, evidenceDays } from '../../../entrypoints/options/EvidencePanel';
import { formatBytes } from '../../../entrypoints/options/DiagnosticsSection';
import { linkCandidates, linkedTracks, unlinkedSpotifyTracks } from '../../../entrypoints/options/linking';
import { parseDraft } from '../../../entrypoints/options/SettingsSection';
import { matchesSearch } from '../../../entrypoints/options/TrackList';
import { demo, demoOverview, NOW } from './helpers';

const options = { asOf: NOW.toISOString(), settleDays: 5, assumedListenerMinimum: null };

describe('chartData', () => {
  const view = buildTrackView(demo(), 't-harbour', options)!;
  const data = chartData(view);

  it('has one point per day in order, both series, and the main distributor', () => {
    expect(data.distributorSource).toBe('imusician');
    expect(data.days).toEqual([...data.days].sort());
    expect(new Set(data.days).size).toBe(data.days.length);
    expect(data.x[1]! - data.x[0]!).toBe(86_400);
    expect(data.spotify.every((value) => value !== null)).toBe(true);
    expect(data.distributor.at(-1)).toBeNull();
  });

  it('marks the anomalies, the revised days and where the pending days start', () => {
    const anomalies = data.days.filter((_, index) => data.anomalies[index] !== null);
    expect(anomalies).toEqual(anomalyDays(view));
    expect(anomalies).toHaveLength(2);
    // The day that was first read as 0 and rose later.
    expect(data.revisions.filter((value) => value !== null)).toHaveLength(1);
    const pending = view.days.filter((row) => row.status === 'pending').map((row) => row.day);
    expect(data.days[data.pendingFrom!]).toBe(pending.sort()[0]);
    expect(data.levels[data.days.indexOf(anomalies[0]!)]).toBe('unexplained');
    expect(chartSummary(data, 'en-GB')).toMatch(/^Spotify for Artists and iMusician, daily streams from .+; 2 anomalies marked; 1 revised day; pending from .+\.$/);
  });

  it('still draws Spotify for Artists for a song no distributor reports', () => {
    const s4aOnly = chartData(buildTrackView(demo(), 't-latetrain-s4a', options)!);
    expect(s4aOnly.distributorSource).toBeNull();
    expect(s4aOnly.days.length).toBeGreaterThan(50);
    expect(s4aOnly.distributor.every((value) => value === null)).toBe(true);
    expect(chartSummary(s4aOnly)).toMatch(/^Spotify for Artists, daily streams/);
  });

  it('is empty without data', () => {
    const empty = chartData({ days: [], sources: [], observations: [] });
    expect(empty.days).toEqual([]);
    expect(chartSummary(empty)).toBe('No daily counts yet.');
  });
});

describe('evidence days', () => {
  it('offers every day with a count, most recent first', () => {
    const view = buildTrackView(demo(), 't-harbour', options)!;
    const days = evidenceDays(view);
    expect(days[0]! > days.at(-1)!).toBe(true);
    expect(days).toHaveLength(new Set(view.days.map((row) => row.day)).size);
  });
});

describe('linking lists', () => {
  const track = (id: string, title: string, isrc: string | null, spotify: string[], distributorIds: Record<string, string> = {}): Track => ({ id, isrc, title, artists: ['Nora Vell'], spotifyTrackIds: spotify, distributorIds });
  const tracks = [
    track('t-1', 'Late Train (Acoustic)', null, ['7ouMYWpwJ422jRcDASZB7P']),
    track('t-2', 'Late Train (Acoustic Version)', 'CHA012400003', [], { imusician: '811903' }),
    track('t-3', 'Harbour Lights', 'CHA012400001', ['4uLU6hMCjMI75M1A2tKUQC'], { imusician: '804113' }),
    track('t-4', 'Quiet Engine', null, [], { tunecore: '5550102' }),
  ];
  it('lists S4A songs without an ISRC, every known recording to link them to, and the links to undo', () => {
    expect(unlinkedSpotifyTracks(tracks).map((entry) => entry.id)).toEqual(['t-1']);
    expect(linkCandidates(tracks)).toEqual([
      { isrc: 'CHA012400001', title: 'Harbour Lights', distributors: ['imusician'] },
      { isrc: 'CHA012400003', title: 'Late Train (Acoustic Version)', distributors: ['imusician'] },
    ]);
    expect(linkedTracks(tracks).map((entry) => entry.id)).toEqual(['t-3']);
  });
});

describe('parseDraft', () => {
  it.each([
    [{ settleDays: '5', assumedListenerMinimum: '', readInPrivateWindows: false }, { ok: true, patch: { settleDays: 5, assumedListenerMinimum: null, readInPrivateWindows: false } }],
    [{ settleDays: ' 12 ', assumedListenerMinimum: '250', readInPrivateWindows: true }, { ok: true, patch: { settleDays: 12, assumedListenerMinimum: 250, readInPrivateWindows: true } }],
  ])('accepts %j', (draft, expected) => {
    expect(parseDraft(draft)).toEqual(expected);
  });

  it.each([
    [{ settleDays: '0', assumedListenerMinimum: '', readInPrivateWindows: false }, /settle window/],
    [{ settleDays: '61', assumedListenerMinimum: '', readInPrivateWindows: false }, /settle window/],
    [{ settleDays: '2.5', assumedListenerMinimum: '', readInPrivateWindows: false }, /settle window/],
    [{ settleDays: '5', assumedListenerMinimum: '-3', readInPrivateWindows: false }, /listener minimum/],
    [{ settleDays: '5', assumedListenerMinimum: '1e9', readInPrivateWindows: false }, /listener minimum/],
  ])('refuses %j', (draft, message) => {
    const parsed = parseDraft(draft);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });
});

describe('search and sizes', () => {
  it('finds recordings by title or ISRC, ignoring case', () => {
    const recordings = demoOverview().recordings;
    expect(recordings.filter((entry) => matchesSearch(entry, 'late train')).map((entry) => entry.title).sort()).toEqual(['Late Train (Acoustic Version)', 'Late Train (Acoustic)']);
    expect(recordings.filter((entry) => matchesSearch(entry, 'cha012400002')).map((entry) => entry.title)).toEqual(['Paper Boats']);
    expect(recordings.filter((entry) => matchesSearch(entry, '  '))).toHaveLength(recordings.length);
  });

  it.each([
    [0, 'en-US', '0 byte'],
    [1_700_000, 'en-US', '1.7 MB'],
    [84_000_000_000, 'en-US', '84 GB'],
  ])('formatBytes(%s, %s) = %s', (bytes, locale, expected) => {
    expect(formatBytes(bytes, locale)).toBe(expected);
  });
});
