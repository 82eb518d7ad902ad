/**
 * Lookups by page- or file-derived names never reach Object.prototype
 * (test/reliability/README.md): sources, stores, titles, artists and distributor keys named
 * `constructor`, `toString`, `hasOwnProperty`, `valueOf` and track ids or titles `__proto__` go through import →
 * compare → eligibility → money → evidence → export, in the CLI and through the background's
 * handlers, as plain names. A lookup in a `{}` table used to return Object's own function for
 * "constructor" (the evidence report crashed on `name.replace`).
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { main } from '../../cli/main';
import { sourceName, storeName } from '../../core/compare/format';
import { evidenceReport } from '../../core/evidence/index';
import { parseHistoryFile } from '../../core/history/parse';
import { writeHistoryFile } from '../../core/history/write';
import { addDays } from '../../core/model/day';
import type { History } from '../../core/model/history';
import type { Observation, Track } from '../../core/model/schema';
import { routeMessage } from '../../core/messaging/router';
import { openStore } from '../../core/store';
import { currencyCode } from '../../core/sources/reports/revenue';
import { createHandlers } from '../../entrypoints/background/handlers';
import { memoryIO } from '../unit/cli/memory-io';
import { extensionPage } from './support';

/** Source and store ids are lower-case (`__proto__` is not a source id): "constructor" is the one that collides. */
const NAMES = ['constructor', 'tostring', 'hasownproperty', 'valueof'] as const;
const START = '2025-02-03';
const DAYS = 30;
const AS_OF = `${addDays(START, DAYS + 6)}T12:00:00.000Z`;

const TRACK: Track = {
  id: '__proto__',
  isrc: 'CHA012400001',
  title: 'constructor',
  artists: ['__proto__', 'toString'],
  spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'],
  distributorIds: { constructor: 'hasOwnProperty', tostring: 'valueOf' },
};
/** Track ids are free text: these two name Object.prototype's members. */
const OTHERS: Track[] = [
  { id: 'constructor', isrc: 'CHA012400002', title: 'hasOwnProperty', artists: ['valueOf'], spotifyTrackIds: ['7GhIk0lmN1oPq2rSt3UvW4'], distributorIds: { imusician: 'constructor' } },
  { id: 'toString', isrc: null, title: '__proto__', artists: [], spotifyTrackIds: ['2AbCdEfGhIjKlMnOpQrStU'], distributorIds: {} },
];

/** S4A's daily streams, and each odd name as a distributor source and as a store. */
function history(): History {
  const observations: Observation[] = [];
  for (let offset = 0; offset < DAYS; offset++) {
    const day = addDays(START, offset);
    const streams = 400 + ((offset * 37) % 90);
    observations.push({ track: TRACK.id, source: 'spotify', store: 'spotify', metric: 'streams', day, value: streams, observedAt: `${addDays(day, 1)}T09:00:00.000Z` });
    for (const [i, name] of NAMES.entries()) {
      observations.push({ track: TRACK.id, source: name, store: 'spotify', metric: 'streams', day, value: Math.round(streams * 0.9) - i, observedAt: `${addDays(day, 5)}T09:00:00.000Z` });
      observations.push({ track: TRACK.id, source: 'imusician', store: name, metric: 'streams', day, value: 10 + i, observedAt: `${addDays(day, 5)}T09:00:00.000Z` });
    }
  }
  return { tracks: [TRACK, ...OTHERS], observations };
}

const prototypeIntact = () => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect({}.constructor).toBe(Object);
  expect(typeof Object.prototype.toString).toBe('function');
};

describe('names that are Object.prototype keys stay names', () => {
  it('source and store names: own keys only (control: the prototype has them)', () => {
    expect('constructor' in {}).toBe(true);
    expect(sourceName('constructor')).toBe('Constructor');
    expect(sourceName('__proto__')).toBe('Proto');
    expect(storeName('constructor')).toBe('Constructor');
    expect(storeName('hasownproperty')).toBe('Hasownproperty');
    expect(storeName('spotify')).toBe('Spotify');
    expect(currencyCode('constructor')).toBeNull();
    expect(currencyCode('toString')).toBeNull();
    expect(currencyCode('€')).toBe('EUR');
  });

  it('through the CLI: import → compare → eligibility → money → evidence → export', async () => {
    const io = memoryIO({ 'in.json': writeHistoryFile(history(), new Date(AS_OF)) }, new Date(AS_OF));
    /** Runs a command; returns what it printed. */
    const run = async (...argv: string[]) => {
      const before = io.stdout().length;
      const status = await main(argv, io.io);
      expect(io.stderr(), argv.join(' ')).toBe('');
      expect(status, argv.join(' ')).toBe(0);
      return io.stdout().slice(before);
    };
    await run('import', 'in.json', '--out', 'h.json');
    const imported = parseHistoryFile(io.text('h.json'));
    expect(imported.observations).toHaveLength(history().observations.length);
    expect(imported.tracks).toEqual([TRACK, ...OTHERS].sort((a, b) => (a.id < b.id ? -1 : 1)));

    const compared = JSON.parse(await run('compare', 'h.json', '--as-of', AS_OF, '--json')) as { tracks: { sources: { source: string; store: string }[] }[] };
    const pairs = compared.tracks.flatMap((track) => track.sources.map((s) => `${s.source}/${s.store}`));
    for (const name of NAMES) expect(pairs).toContain(`${name}/spotify`);
    await run('compare', 'h.json', '--as-of', AS_OF);
    await run('eligibility', 'h.json', '--as-of', AS_OF.slice(0, 10));
    await run('money', 'h.json', '--as-of', AS_OF.slice(0, 10));
    const out = await run('evidence', 'h.json', '--isrc', TRACK.isrc!, '--days', `${addDays(START, 10)},${addDays(START, 11)}`);
    expect(out).toContain('# Stream counts: `constructor` (ISRC CHA012400001)');
    expect(out).toContain('- Artist: `__proto__, toString`');
    expect(out).toContain('## Constructor');
    expect(out).toContain('## Hasownproperty');
    expect(out).not.toContain('function');

    await run('export', 'h.json', '--format', 'csv', '--out', 'h.csv');
    const rows = io.text('h.csv').trim().split('\r\n');
    expect(rows).toHaveLength(1 + history().observations.length);
    for (const name of NAMES) expect(rows.some((row) => row.includes(`,${name},spotify,streams,`))).toBe(true);
    await run('export', 'h.json', '--format', 'json', '--out', 'again.json');
    expect(parseHistoryFile(io.text('again.json'))).toEqual(imported);
    prototypeIntact();
  });

  it('through the background: import → overview → track view → evidence → export', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    try {
      const handlers = createHandlers(async () => store);
      const ask = async (type: 'ui:importHistory' | 'ui:getHistory' | 'ui:overview' | 'ui:trackView' | 'ui:listTracks', payload: unknown) => {
        const reply = await routeMessage({ type, payload }, extensionPage, handlers);
        if (!reply.ok) throw new Error(reply.error);
        return reply.data as unknown;
      };
      await ask('ui:importHistory', { fileName: 'constructor.json', text: writeHistoryFile(history(), new Date(AS_OF)) });
      const { tracks } = (await ask('ui:listTracks', {})) as { tracks: Track[] };
      expect(tracks).toHaveLength(3);
      const first = tracks.find((track) => track.isrc === TRACK.isrc)!;
      expect(first).toMatchObject({ title: 'constructor', artists: ['__proto__', 'toString'], distributorIds: TRACK.distributorIds });
      expect(tracks.map((track) => track.title).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
      expect(JSON.stringify(await ask('ui:overview', {}))).toContain('constructor');
      const view = JSON.stringify(await ask('ui:trackView', { trackId: first.id }));
      for (const name of NAMES) expect(view).toContain(`"${name}"`);
      const stored = (await ask('ui:getHistory', {})) as History;
      expect(stored.observations).toHaveLength(history().observations.length);
      const report = evidenceReport(stored, { isrc: TRACK.isrc!, asOf: AS_OF, days: [addDays(START, 10)] });
      expect(report).toContain('## Constructor');
      expect(parseHistoryFile(writeHistoryFile(stored, new Date(AS_OF))).observations).toEqual(parseHistoryFile(writeHistoryFile(history(), new Date(AS_OF))).observations);
      prototypeIntact();
    } finally {
      store.close();
    }
  });
});
