/**
 * One path for site knowledge: the generalised recogniser and iMusician's reader run the same
 * walk (core/sources/generic/walk.ts). On every iMusician fixture (hypothetical,
 * test/fixtures/imusician/README.md), each count a candidate offers is one the reader stores for
 * the same track, store and day (an unnamed store is iMusician's all-stores total), and a
 * confirmed candidate reads back what it offered.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { identityRef } from '../../../core/sources/generic/identity';
import { applyRecipe, recognise } from '../../../core/recipes';
import { API, fixtureJson, parse } from '../sources/imusician/helpers';
import { confirm } from './helpers';

const fixtures = readdirSync('test/fixtures/imusician').filter((name) => name.endsWith('.json'));

describe('recognise agrees with iMusician’s reader', () => {
  it.each(fixtures)('%s', (name) => {
    const body = fixtureJson(name);
    const stored = new Map(parse(body).observations.map((obs) => [`${obs.ref}|${obs.store}|${obs.day}`, obs.value]));
    const { candidates } = recognise(API, body);
    for (const candidate of candidates) {
      const ref = identityRef({ isrc: candidate.identity.isrc, trackId: candidate.identity.trackId, releaseId: candidate.identity.releaseId, title: candidate.identity.title });
      for (const point of candidate.points) {
        if (point.day >= '2026-03-31') continue; // the reader holds back days that have not ended
        expect(stored.get(`${ref}|${candidate.store ?? 'all'}|${point.day}`)).toBe(point.count);
      }
      const reading = applyRecipe(confirm(candidate, 'all'), API, body);
      expect(reading.kind).toBe('read');
      if (reading.kind === 'read') expect(reading.series.some((one) => JSON.stringify(one.points) === JSON.stringify(candidate.points))).toBe(true);
    }
  });

  it('offers candidates on most of the readable fixtures', () => {
    const offered = fixtures.filter((name) => recognise(API, fixtureJson(name)).candidates.length > 0);
    expect(offered.length).toBeGreaterThanOrEqual(10);
  });
});
