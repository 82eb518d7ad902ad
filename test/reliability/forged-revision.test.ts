/**
 * A forged reading can at most add a revision (test/reliability/README.md): a page that passes
 * every check with made-up counts (the content script cannot tell them from real ones) adds
 * one revision per day it names; every earlier value stays in the history, and the evidence
 * report shows the day as revised, with the new value and the one before, each with its time.
 * Through the real router, handlers and store; the forged reading comes from the content
 * script's own tab, as a page's forged postMessage would arrive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evidenceReport } from '../../core/evidence/index';
import { writeHistoryFile } from '../../core/history/write';
import { addDays, dayRange } from '../../core/model/day';
import { s4aReading, SONGS, streamsOn } from '../unit/store/fixtures';
import { s4aTab, worldWithData, type World } from './support';

let world: World | undefined;
afterEach(() => world?.store.close());

describe('a forged reading', () => {
  it('adds a revision and nothing else; the evidence report shows it as a revision', async () => {
    world = await worldWithData();
    const harbour = SONGS[0];
    // The distributor's counts of the recording (an imported history file), so the report has days.
    const distributor = { id: 'im-1', isrc: harbour.isrc, title: harbour.title, artists: ['Lake Avenue'], spotifyTrackIds: [], distributorIds: { imusician: '88213' } };
    const days = dayRange('2025-03-04', '2025-03-31');
    const observations = days.map((day) => ({ track: 'im-1', source: 'imusician', store: 'spotify', metric: 'streams' as const, day, value: Math.round(streamsOn(harbour.base, day) * 0.9), observedAt: '2025-04-01T09:00:00.000Z' }));
    expect(await world.send('ui:importHistory', { fileName: 'imusician.json', text: writeHistoryFile({ tracks: [distributor], observations }, new Date('2025-04-01T10:00:00.000Z')) })).toMatchObject({ ok: true });
    const before = (await world.snapshot()).history;
    const forgedAt = '2025-04-01T21:00:00.000Z';
    const reply = await world.send('cs:reading', s4aReading({ id: 's4a-forged-1', readAt: forgedAt, bumpRef: harbour.ref, bump: 5000 }), s4aTab);
    expect(reply).toMatchObject({ ok: true });

    const after = (await world.snapshot()).history;
    // Every observation that was there is there unchanged.
    const key = (obs: (typeof after.observations)[number]) => JSON.stringify(obs);
    const kept = new Set(after.observations.map(key));
    for (const obs of before.observations) expect(kept.has(key(obs))).toBe(true);
    // What was added: only revisions of the harbour song's days (the other songs' values were equal).
    const added = after.observations.filter((obs) => !before.observations.some((old) => key(old) === key(obs)));
    const track = after.tracks.find((candidate) => candidate.isrc === harbour.isrc)!;
    expect(added.length).toBeGreaterThan(0);
    for (const obs of added) expect(obs).toMatchObject({ track: track.id, source: 'spotify', observedAt: forgedAt });
    expect(after.tracks).toEqual(before.tracks);
    expect(track.spotifyTrackIds).toContain(harbour.spotifyTrackId);

    const day = addDays('2025-04-01', -3);
    const report = evidenceReport(after, { isrc: harbour.isrc, days: [day], asOf: '2025-04-02T12:00:00.000Z' });
    const genuine = streamsOn(harbour.base, day);
    const forged = streamsOn(harbour.base, day, 5000);
    const count = (value: number) => value.toLocaleString('en-US');
    expect(report).toContain(`- Spotify for Artists: ${count(genuine)} (read 2025-04-01 08:00 UTC), then ${count(forged)} (read 2025-04-01 21:00 UTC)`);
    expect(report).toContain(`- Revised: Spotify for Artists reported ${count(forged)} at 2025-04-01 21:00 UTC, earlier ${count(genuine)} at 2025-04-01 08:00 UTC.`);
    // What was known before the forged reading is what it was.
    const earlier = evidenceReport(after, { isrc: harbour.isrc, days: [day], asOf: '2025-04-01T12:00:00.000Z' });
    expect(earlier).toContain(`- Spotify for Artists: ${count(genuine)} (read 2025-04-01 08:00 UTC)`);
    expect(earlier).not.toContain('Revised: Spotify');
  });

  it('a reading that reports the dropped page messages is stored with the count, for the diagnostics', async () => {
    world = await worldWithData();
    const reading = { ...s4aReading({ id: 's4a-flooded-1', readAt: '2025-04-01T22:00:00.000Z' }), dropped: { messages: 940, characters: 1_880_000 } };
    expect(await world.send('cs:reading', reading, s4aTab)).toMatchObject({ ok: true });
    const stored = (await world.store.listReadings(10)).find((record) => record.id === 's4a-flooded-1')!;
    expect(stored.dropped).toEqual({ messages: 940, characters: 1_880_000 });
    // Without drops, the record has no such field (records from before look the same).
    expect((await world.store.listReadings(10)).find((record) => record.id !== 's4a-flooded-1')).not.toHaveProperty('dropped');
  });
});
