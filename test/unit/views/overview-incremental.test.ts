/**
 * The popup's overview kept one recording at a time in the background
 * (core/views/overview-cache.ts, entrypoints/background/overview.ts) is the overview computed
 * over the whole stored history (`buildOverview`), after any sequence of readings from both
 * dashboards, history imports (with money), links, unlinks, settings changes, deletions and
 * clock changes; and after a reading of one song only that song is read again.
 *
 * The songs are hypothetical, shaped like the store fixtures (test/unit/store/fixtures.ts):
 * an S4A songs reading names ISRC and Spotify id, an iMusician trends reading only the
 * distributor's id and title, a history file the distributor's ids and the ISRC.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeHistoryFile } from '../../../core/history/write';
import { readingSchema, type Reading, type ReadingInput } from '../../../core/messaging/reading';
import type { Sender } from '../../../core/messaging/router';
import { addDays, dayRange } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { MoneyRecord } from '../../../core/model/money';
import type { Observation, Track } from '../../../core/model/schema';
import { SITES } from '../../../core/sites';
import type { Store } from '../../../core/store';
import { buildOverview } from '../../../core/views/build';
import type { Overview } from '../../../core/views/types';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { freshStore } from '../store/fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHistoryFile } from '../../../core/history/parse';
import { readReport } from '../../../core/sources/reports';
import { MONEY_FIXTURE_DIR } from '../../fixtures/money/make-money-fixtures';

const s4aTab: Sender = { kind: 'content', site: SITES.find((site) => site.id === 'spotify')!, tabId: 4, incognito: false };
const imusicianTab: Sender = { kind: 'content', site: SITES.find((site) => site.id === 'imusician')!, tabId: 5, incognito: false };
const extension: Sender = { kind: 'extension' };

/** Hypothetical songs: two share an ISRC (a single and its album version), one has none. */
const SONGS = [
  { key: 'a', isrc: 'CHA012400001', title: 'Harbour Lights', spotify: '4uLU6hMCjMI75M1A2tKUQC', distributor: '884211', base: 140 },
  { key: 'b', isrc: 'CHA012400002', title: 'Paper Boats', spotify: '1301WleyT98MSxVHPZCA6M', distributor: '884212', base: 35 },
  { key: 'c', isrc: null, title: 'Late Train (Acoustic)', spotify: '7ouMYWpwJ422jRcDASZB7P', distributor: '884213', base: 6 },
  { key: 'd', isrc: 'CHA012400001', title: 'Harbour Lights - Album Version', spotify: '2bTyrQ5hDh3a2rVhcAXCUg', distributor: '884214', base: 60 },
  { key: 'e', isrc: 'CHA012400005', title: 'Slow Tide', spotify: '6kLCHFM39wkFjOuyPGLGeQ', distributor: '884215', base: 900 },
] as const;
type Song = (typeof SONGS)[number];

const T0 = Date.parse('2025-04-01T00:00:00.000Z');
const instant = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

const songsArb = fc.subarray([...SONGS], { minLength: 1 });
const hoursArb = fc.integer({ min: 0, max: 24 * 30 });

type Command =
  | { kind: 's4a'; songs: Song[]; hours: number; bump: number; days: number }
  | { kind: 'imusician'; songs: Song[]; hours: number; bump: number }
  | { kind: 'import'; songs: Song[]; hours: number; withIsrc: boolean; money: boolean }
  | { kind: 'link'; pick: number; song: number }
  | { kind: 'unlink'; pick: number }
  | { kind: 'settings'; settleDays: number; listeners: number | null }
  | { kind: 'delete' }
  | { kind: 'clock'; hours: number };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('s4a' as const), songs: songsArb, hours: hoursArb, bump: fc.integer({ min: -3, max: 40 }), days: fc.integer({ min: 1, max: 10 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('imusician' as const), songs: songsArb, hours: hoursArb, bump: fc.integer({ min: -5, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('import' as const), songs: songsArb, hours: hoursArb, withIsrc: fc.boolean(), money: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('link' as const), pick: fc.nat(), song: fc.nat({ max: SONGS.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlink' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), settleDays: fc.integer({ min: 1, max: 12 }), listeners: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('clock' as const), hours: fc.integer({ min: 0, max: 24 * 40 }) }) },
);

function streams(base: number, day: string, bump: number): number {
  return Math.max(0, Math.round(base * (1 + (Number(day.slice(8, 10)) % 5) / 10)) + bump);
}

function s4aReading(command: Extract<Command, { kind: 's4a' }>, serial: number): Reading {
  const readAt = instant(command.hours);
  const lastDay = addDays(readAt.slice(0, 10), -1);
  const days = dayRange(addDays(lastDay, -(command.days - 1)), lastDay);
  const input: ReadingInput = {
    id: `s4a-songs-${serial}-${readAt}`,
    site: 'spotify',
    path: '/c/artist/0OdUWJ0sBjDrqHygGUXeCF/music/songs',
    readAt,
    status: 'recognised',
    recognised: ['songs-timeline-v2'],
    tracks: command.songs.map((song) => ({ ref: `r-${song.key}`, isrc: song.isrc, title: song.title, artists: ['Lake Avenue'], spotifyTrackId: song.spotify })),
    observations: command.songs.flatMap((song) => days.map((day) => ({ ref: `r-${song.key}`, store: 'spotify', metric: 'streams' as const, day, value: streams(song.base, day, song.key === 'a' ? command.bump : 0) }))),
  };
  return readingSchema.parse(input);
}

function imusicianReading(command: Extract<Command, { kind: 'imusician' }>, serial: number): Reading {
  const readAt = instant(command.hours);
  const lastDay = addDays(readAt.slice(0, 10), -4);
  const days = dayRange(addDays(lastDay, -6), lastDay);
  return readingSchema.parse({
    id: `imusician-trends-${serial}-${readAt}`,
    site: 'imusician',
    path: '/en/statistics/trends',
    readAt,
    status: 'recognised',
    tracks: command.songs.map((song) => ({ ref: `x-${song.key}`, title: song.title, artists: ['Lake Avenue'], distributorId: song.distributor })),
    observations: command.songs.flatMap((song) => days.map((day) => ({ ref: `x-${song.key}`, store: 'spotify', metric: 'streams', day, value: Math.round(streams(song.base, day, command.bump) * 0.9) }))),
  } satisfies ReadingInput);
}

function historyFile(command: Extract<Command, { kind: 'import' }>): string {
  const observedAt = instant(command.hours);
  const lastDay = addDays(observedAt.slice(0, 10), -5);
  const days = dayRange(addDays(lastDay, -13), lastDay);
  const tracks: Track[] = command.songs.map((song) => ({
    id: `h-${song.key}`,
    isrc: command.withIsrc ? song.isrc : null,
    title: song.title,
    artists: ['Lake Avenue'],
    spotifyTrackIds: [],
    distributorIds: { imusician: song.distributor },
  }));
  const observations: Observation[] = command.songs.flatMap((song) =>
    days.map((day) => ({ track: `h-${song.key}`, source: 'imusician', store: 'spotify', metric: 'streams' as const, day, value: Math.round(streams(song.base, day, 1) * 0.92), observedAt })),
  );
  const month = addDays(lastDay, -40).slice(0, 7);
  const money: MoneyRecord[] = command.money
    ? command.songs.map((song) => ({ track: `h-${song.key}`, source: 'imusician', store: 'spotify', month, statement: month, currency: 'EUR', amount: (song.base / 100).toFixed(2), streams: song.base * 30, observedAt }))
    : [];
  const history: History = money.length > 0 ? { tracks, observations, money } : { tracks, observations };
  return writeHistoryFile(history, new Date(observedAt));
}

/** The overview as a full computation over the stored history gives it, at the same moment and settings. */
async function fullOverview(store: Store, asOf: string, lastRead: Overview['lastRead']): Promise<Overview> {
  const settings = await store.getSettings();
  return buildOverview(await store.getHistory(), { asOf, settleDays: settings.settleDays, assumedListenerMinimum: settings.assumedListenerMinimum }, lastRead);
}

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function run(commands: readonly Command[]): Promise<void> {
  const store = await freshStore();
  stores.push(store);
  let clock = T0 + 24 * 3_600_000 * 10;
  const handlers = createHandlers(async () => store, () => new Date(clock));
  let serial = 0;
  for (const command of commands) {
    serial += 1;
    switch (command.kind) {
      case 's4a':
        await handlers['cs:reading'](s4aReading(command, serial), s4aTab);
        break;
      case 'imusician':
        await handlers['cs:reading'](imusicianReading(command, serial), imusicianTab);
        break;
      case 'import':
        await handlers['ui:importHistory']({ fileName: 'history.json', text: historyFile(command) }, extension);
        break;
      case 'link': {
        const tracks = await store.listTracks();
        const track = tracks[command.pick % Math.max(1, tracks.length)];
        const isrc = SONGS[command.song]!.isrc ?? 'CHA012400009';
        // Refused links (already linked elsewhere) change nothing and are part of the sequence.
        if (track) await handlers['ui:linkTrack']({ trackId: track.id, isrc }, extension).catch(() => undefined);
        break;
      }
      case 'unlink': {
        const linked = (await store.listTracks()).filter((track) => track.isrc && track.spotifyTrackIds.length > 0);
        const track = linked[command.pick % Math.max(1, linked.length)];
        if (track) await handlers['ui:unlinkTrack']({ trackId: track.id }, extension).catch(() => undefined);
        break;
      }
      case 'settings':
        await handlers['ui:setSettings']({ settleDays: command.settleDays, assumedListenerMinimum: command.listeners }, extension);
        break;
      case 'delete':
        await handlers['ui:deleteAll']({ confirm: 'delete everything' }, extension);
        break;
      case 'clock':
        clock = T0 + command.hours * 3_600_000;
        break;
    }
    // Asked after every step, so each step starts from the kept state of the one before.
    const incremental = await handlers['ui:overview']({}, extension);
    expect(incremental).toEqual(await fullOverview(store, incremental.asOf, incremental.lastRead));
  }
}

describe('the overview kept one recording at a time', () => {
  it('equals the overview over the whole history after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 12 }), (commands) => run(commands)),
      { numRuns: 100 },
    );
  }, 120_000);

  it('keeps the statement line of the money fixture (test/fixtures/money) as the full overview has it', async () => {
    const store = await freshStore();
    stores.push(store);
    const handlers = createHandlers(async () => store, () => new Date('2025-01-20T12:00:00.000Z'));
    const s4a = parseHistoryFile(readFileSync(join(MONEY_FIXTURE_DIR, 's4a-history.json'), 'utf8'));
    const report = readReport(new Uint8Array(readFileSync(join(MONEY_FIXTURE_DIR, 'imusician-statement.csv'))), 'imusician-statement.csv', { importedAt: '2025-01-10T08:00:00.000Z' });
    await handlers['ui:importHistory']({ fileName: 's4a-history.json', text: writeHistoryFile(s4a, new Date('2025-01-10T08:00:00.000Z')) }, extension);
    const before = await handlers['ui:overview']({}, extension);
    expect(before).toEqual(await fullOverview(store, before.asOf, before.lastRead));
    // The statement arrives: only its recordings are read again, and their money line appears.
    await handlers['ui:importHistory']({ fileName: 'statement.json', text: writeHistoryFile(report, new Date('2025-01-10T08:00:00.000Z')) }, extension);
    const after = await handlers['ui:overview']({}, extension);
    expect(after).toEqual(await fullOverview(store, after.asOf, after.lastRead));
    expect(after.recordings.some((recording) => recording.money !== null)).toBe(true);
  });

  it('after a reading of one song, reads only that song again', async () => {
    const store = await freshStore();
    stores.push(store);
    const handlers = createHandlers(async () => store, () => new Date(T0 + 24 * 3_600_000 * 20));
    // Twelve songs read once (every track is new: the whole history is read).
    const many = Array.from({ length: 12 }, (_, i) => ({ ...SONGS[4], key: `m${i}`, isrc: `CHA0124001${String(i).padStart(2, '0')}`, spotify: `6kLCHFM39wkFjOuyPGLG${String(i).padStart(2, '0')}`, base: 10 + i }));
    await handlers['cs:reading'](s4aReading({ kind: 's4a', songs: many as unknown as Song[], hours: 24 * 15, bump: 0, days: 7 }, 1), s4aTab);
    const getHistory = vi.spyOn(store, 'getHistory');
    const readTrack = vi.spyOn(store, 'getTrackObservations');
    const first = await handlers['ui:overview']({}, extension);
    expect(first.recordings).toHaveLength(12);
    expect(getHistory).toHaveBeenCalledTimes(1);
    // One song read again a day later, with a revised day.
    await handlers['cs:reading'](s4aReading({ kind: 's4a', songs: [many[3]] as unknown as Song[], hours: 24 * 16, bump: 0, days: 7 }, 2), s4aTab);
    const second = await handlers['ui:overview']({}, extension);
    expect(getHistory).toHaveBeenCalledTimes(1);
    const songId = (await store.findTrack(`spotify:${many[3]!.spotify}`))!.id;
    expect(readTrack.mock.calls.map(([id]) => id)).toEqual([songId]);
    expect(second).toEqual(await fullOverview(store, second.asOf, second.lastRead));
    expect(second.observationCount).toBe(first.observationCount + 1);
  });
});
