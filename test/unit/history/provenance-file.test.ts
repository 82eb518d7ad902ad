/**
 * The history file's optional `provenance` list (docs/contracts.md §1 "Provenance"): which
 * recipe read which reading. Export → import is lossless with it, files without it read and
 * write exactly as before, a reader that ignores it reads the same tracks and observations,
 * merging keeps every series as it is, and a bad record is refused with its place.
 *
 * Histories are the shared arbitraries' with the distributor's readings moved to a taught
 * dashboard's source (`taught-distrokid`, the id form of core/taught-sites.ts), some of whose
 * readings a recipe read.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeHistories, normaliseHistory } from '../../../core/history/merge';
import { parseHistoryFile } from '../../../core/history/parse';
import { parseHistoryLines } from '../../../core/history/parse-lines';
import { writeHistoryFile } from '../../../core/history/write';
import type { History } from '../../../core/model/history';
import type { ProvenanceRecord } from '../../../core/model/provenance';
import { historyArbitrary, INSTANTS } from './arbitraries';

const EXPORTED = new Date('2025-09-01T00:00:00.000Z');
const written = (history: History) => writeHistoryFile(history, EXPORTED);
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/history/${name}`, import.meta.url), 'utf8');

const RECIPES = [
  { recipe: 'r-dk7Daily2025', recipeName: 'DistroKid daily', confirmedAt: '2025-02-01T09:30:00.000Z', origin: 'taught' as const },
  { recipe: 'r-shared0From0Ana', recipeName: 'DK – Ana’s recipe', confirmedAt: '2025-01-20T18:00:00.000Z', origin: 'imported' as const },
  // A record written before confirmation times were kept.
  { recipe: 'r-oldRecipe01', recipeName: 'old | `name`' },
];

/** A history whose distributor readings come from a taught dashboard, each reading's recipe drawn (or none: built-in). */
const taughtHistory = fc
  .tuple(historyArbitrary({ maxObservations: 40 }), fc.array(fc.option(fc.nat({ max: RECIPES.length - 1 }), { nil: undefined }), { minLength: INSTANTS.length, maxLength: INSTANTS.length }))
  .map(([history, recipeOfInstant]): History => {
    const observations = history.observations.map((obs) => (obs.source === 'imusician' ? { ...obs, source: 'taught-distrokid' } : obs));
    const provenance: ProvenanceRecord[] = [];
    INSTANTS.forEach((observedAt, index) => {
      const chosen = recipeOfInstant[index];
      if (chosen === undefined) return;
      if (!observations.some((obs) => obs.source === 'taught-distrokid' && obs.observedAt === observedAt)) return;
      provenance.push({ source: 'taught-distrokid', observedAt, ...RECIPES[chosen]! });
    });
    return provenance.length > 0 ? { ...history, observations, provenance } : { ...history, observations };
  });

describe('provenance in history files', () => {
  it('export → import is lossless, whole-file and line by line', () => {
    fc.assert(
      fc.property(taughtHistory, (history) => {
        const text = written(history);
        const read = parseHistoryFile(text);
        expect(read).toEqual(normaliseHistory(history));
        expect(parseHistoryLines(new TextEncoder().encode(text))).toEqual(read);
        // Every reading a recipe read whose revisions are kept still says so (a re-read of an
        // unchanged value is no revision: its record names nothing and goes).
        const kept = (history.provenance ?? []).filter((record) => read.observations.some((obs) => obs.source === record.source && obs.observedAt === record.observedAt));
        expect(read.provenance ?? []).toEqual(kept.sort((a, b) => (a.observedAt < b.observedAt ? -1 : 1)));
        expect(written(read)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('a reader that ignores provenance reads the same tracks and observations', () => {
    fc.assert(
      fc.property(taughtHistory, (history) => {
        const { provenance: _ignored, ...without } = history;
        const withIt = parseHistoryFile(written(history));
        const old = parseHistoryFile(written(without));
        expect(old).not.toHaveProperty('provenance');
        expect({ tracks: withIt.tracks, observations: withIt.observations, money: withIt.money }).toEqual({ ...old, money: old.money });
      }),
      { numRuns: 100 },
    );
  });

  it('old version-1 files parse as before and are written back without a provenance key', () => {
    for (const name of ['s4a-readings.json', 'imusician-readings.json']) {
      const text = fixture(name);
      const history = parseHistoryFile(text);
      expect(history).not.toHaveProperty('provenance');
      expect(Object.keys(history).sort()).toEqual(['observations', 'tracks']);
      expect(written(history)).not.toContain('"provenance"');
      expect(parseHistoryFile(written(history))).toEqual(normaliseHistory(history));
    }
  });

  it('merging keeps every series exactly as merging without provenance, in any order', () => {
    fc.assert(
      fc.property(taughtHistory, taughtHistory, (a, b) => {
        const strip = ({ provenance: _ignored, ...rest }: History): History => rest;
        const merged = mergeHistories(a, b);
        expect(merged.observations).toEqual(mergeHistories(strip(a), strip(b)).observations);
        expect(merged.tracks).toEqual(mergeHistories(strip(a), strip(b)).tracks);
        expect(mergeHistories(b, a)).toEqual(merged);
        // Each record names a reading the merged history still has.
        for (const record of merged.provenance ?? []) {
          expect(merged.observations.some((obs) => obs.source === record.source && obs.observedAt === record.observedAt)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('two files that disagree about one reading keep one record, the same whichever comes first', () => {
    const base = parseHistoryFile(fixture('s4a-readings.json'));
    const obs = { track: base.tracks[0]!.id, source: 'taught-distrokid', store: 'spotify', metric: 'streams' as const, day: '2025-03-03', value: 104, observedAt: '2025-03-05T10:00:00.000Z' };
    const reading = { source: 'taught-distrokid', observedAt: obs.observedAt };
    const a: History = { ...base, observations: [obs], provenance: [{ ...reading, recipe: 'r-dk7Daily2025', recipeName: 'DistroKid daily' }] };
    const b: History = { ...base, observations: [obs], provenance: [{ ...reading, recipe: 'r-dk7Daily2025', recipeName: 'DistroKid daily', confirmedAt: '2025-02-01T09:30:00.000Z', origin: 'taught' }] };
    expect(mergeHistories(a, b).provenance).toEqual(b.provenance);
    expect(mergeHistories(b, a).provenance).toEqual(b.provenance);
    // A record naming no observation says nothing: it is left out of the normalised file.
    expect(normaliseHistory({ ...a, provenance: [{ ...a.provenance![0]!, observedAt: '2025-03-06T10:00:00.000Z' }] })).not.toHaveProperty('provenance');
  });

  describe('bad records are refused with their place', () => {
    const file = (provenance: unknown) =>
      JSON.stringify({ format: 'crosscount-history', version: 1, exportedAt: '2025-09-01T00:00:00.000Z', tracks: [], observations: [], provenance });
    const record = { source: 'taught-distrokid', observedAt: '2025-03-05T10:00:00.000Z', recipe: 'r-dk7Daily2025', recipeName: 'DistroKid daily' };

    it.each([
      [[{ ...record, recipe: 'dk' }], 'provenance[0].recipe: "dk" is not a recipe id'],
      [[{ ...record, recipeName: 'DK\u001b[31m' }], 'provenance[0].recipeName: a recipe name may not hold control characters'],
      [[{ ...record, recipeName: '' }], 'provenance[0].recipeName'],
      [[{ ...record, source: 'Taught DK' }], 'provenance[0].source: "Taught DK" is not a source id'],
      [[{ ...record, observedAt: '2025-03-05' }], 'provenance[0].observedAt: "2025-03-05" is not an ISO time with a zone'],
      [[{ ...record, origin: 'guessed' }], 'provenance[0].origin'],
      [[record, { ...record, recipe: 'r-another0001' }], 'provenance[1]: names the same reading (taught-distrokid at 2025-03-05T10:00:00.000Z) as provenance[0]'],
      [{}, 'provenance: expected a list, found {}'],
      [[JSON.parse('{"__proto__": {"x": 1}, "source": "taught-distrokid"}')], 'provenance[0].__proto__: not allowed as a key'],
    ])('%j', (provenance, message) => {
      expect(() => parseHistoryFile(file(provenance))).toThrow(message);
    });

    it('normalises reading times, as observations do', () => {
      expect(parseHistoryFile(file([{ ...record, observedAt: '2025-03-05T12:00:00+02:00' }])).provenance).toEqual([record]);
    });
  });
});
