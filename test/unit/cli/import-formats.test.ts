/**
 * `import` reads history files, Spotify for Artists downloads and distributor reports
 * together (issues 5 and 6), all-or-nothing.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../../../cli/main';
import { parseHistoryFile } from '../../../core/history/parse';
import { memoryIO } from './memory-io';

const bytes = (path: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

describe('crosscount import of downloads and reports', () => {
  it('merges a history file, an S4A song timeline and an iMusician sales report into one history', async () => {
    const run = memoryIO({
      'history.json': bytes('history/s4a-readings.json'),
      'Harbour Lights-timeline.csv': bytes('spotify/Harbour Lights-timeline.csv'),
      'sales.csv': bytes('reports/imusician-sales.csv'),
    }, new Date('2026-04-06T12:00:00.000Z'));
    expect(await main(['import', 'history.json', 'Harbour Lights-timeline.csv', 'sales.csv', '--out', 'all.json'], run.io)).toBe(0);
    const merged = parseHistoryFile(run.text('all.json'));
    const s4aTimeline = merged.observations.filter((obs) => obs.source === 'spotify' && obs.observedAt === '2026-04-06T12:00:00.000Z');
    expect(s4aTimeline.length).toBeGreaterThan(0);
    expect(merged.tracks.some((track) => track.title === 'Harbour Lights')).toBe(true);
    const monthly = merged.observations.filter((obs) => obs.metric === 'streams_month' && obs.source === 'imusician');
    expect(monthly.length).toBeGreaterThan(0);
    for (const obs of monthly) expect(obs.day.slice(8)).toMatch(/^(28|29|30|31)$/);
  });

  it('reads every distributor format the research names', async () => {
    for (const file of ['distrokid-v1.tsv', 'distrokid-v2-cr.tsv', 'distrokid-v2.zip', 'tunecore.csv', 'cdbaby.txt', 'believe-semicolon.csv', 'believe-comma-bom.csv', 'amuse.xlsx', 'imusician-sales-1252-semicolon.csv']) {
      const run = memoryIO({ [file]: bytes(`reports/${file}`) });
      expect(await main(['import', file, '--out', 'out.json'], run.io), `${file}: ${run.stderr()}`).toBe(0);
      expect(parseHistoryFile(run.text('out.json')).observations.length, file).toBeGreaterThan(0);
    }
  });

  it('writes nothing when one report among good files has a broken row', async () => {
    const run = memoryIO({ 'history.json': bytes('history/s4a-readings.json'), 'broken.csv': bytes('reports/imusician-sales-broken.csv') });
    expect(await main(['import', 'history.json', 'broken.csv', '--out', 'all.json'], run.io)).toBe(1);
    expect(run.stderr()).toMatch(/^crosscount: broken\.csv: row \d+/);
    expect(run.stderr().trim().split('\n')).toHaveLength(1);
    expect(run.written).toEqual([]);
  });

  it('needs --window-end for an S4A songs table, and then stores 12-month totals', async () => {
    const name = '3kXmZp7QvR2nLw9YtB4sHd-songs-1year.csv';
    const without = memoryIO({ [name]: bytes(`spotify/${name}`) });
    expect(await main(['import', name, '--out', 'out.json'], without.io)).toBe(1);
    expect(without.stderr()).toContain('windowEndDay');
    const withEnd = memoryIO({ [name]: bytes(`spotify/${name}`) });
    expect(await main(['import', name, '--window-end', '2025-04-01', '--out', 'out.json'], withEnd.io)).toBe(0);
    const history = parseHistoryFile(withEnd.text('out.json'));
    expect(new Set(history.observations.map((obs) => `${obs.metric} ${obs.day}`))).toEqual(new Set(['streams_12m 2025-04-01', 'listeners_12m 2025-04-01']));
  });

  it('keeps a songs table whose two rows cannot be told apart, leaving those rows out and saying so on stderr', async () => {
    const run = memoryIO({ 'recordings-1year.csv': bytes('spotify/recordings-1year-same-release.csv') }, new Date('2026-04-06T12:00:00.000Z'));
    expect(await main(['import', 'recordings-1year.csv', '--window-end', '2026-04-01', '--out', 'out.json'], run.io)).toBe(0);
    expect(run.stderr()).toBe('recordings-1year.csv: rows 2, 3 ("Clap", released 2025-03-07) share title and release date and cannot be told apart: left out\n');
    const history = parseHistoryFile(run.text('out.json'));
    expect(history.tracks.map((track) => track.title).sort()).toEqual(['Harbour Lights', 'Salt Roads']);
    // The written file carries the history only, not the reader's note.
    expect(run.text('out.json')).not.toContain('refusedRows');
  });
});
