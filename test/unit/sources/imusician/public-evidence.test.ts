/**
 * The shapes the structural recogniser should expect from a modern single-page app (research,
 * "iMusician dashboard", further public evidence): none is confirmed, so every fixture here is
 * hypothetical (test/fixtures/imusician/README.md).
 */
import { said } from '../../said';
import { describe, expect, it } from 'vitest';
import { API, DAYS, HARBOUR, HARBOUR_SPOTIFY, fixtureJson, parse, seriesOf } from './helpers';

const REF = `isrc:${HARBOUR}`;

describe('iMusician shapes from the further public evidence', () => {
  it('rows carrying streams beside downloads: the streams are read, the downloads left out', () => {
    const result = parse(fixtureJson('streams-beside-downloads.json'), `${API}?store=spotify`);
    expect(result).toMatchObject({ recognised: true, partial: false });
    expect(seriesOf(result)).toEqual({ [`${REF} spotify`]: HARBOUR_SPOTIFY });
  });

  it('a day at local midnight with an offset names that calendar day', () => {
    const result = parse(fixtureJson('local-midnight-offsets.json'), `${API}?store=spotify`);
    expect(result.observations.map((obs) => obs.day)).toEqual(DAYS);
    expect(seriesOf(result)).toEqual({ [`${REF} spotify`]: HARBOUR_SPOTIFY });
  });

  it('dd.mm.yyyy days and counts written "198.0"', () => {
    const result = parse(fixtureJson('dotted-dates-decimal-counts.json'), `${API}?store=spotify`);
    expect(result).toMatchObject({ recognised: true, partial: false });
    expect(result.observations.map((obs) => obs.day)).toEqual(DAYS);
    expect(seriesOf(result)).toEqual({ [`${REF} spotify`]: HARBOUR_SPOTIFY });
  });

  it('[epochMs, n] pairs at midnight UTC', () => {
    const result = parse(fixtureJson('epoch-pairs.json'), `${API}?store=spotify`);
    expect(result.observations.map((obs) => obs.day)).toEqual(DAYS);
    expect(seriesOf(result)).toEqual({ [`${REF} spotify`]: HARBOUR_SPOTIFY });
  });

  it('an epoch at another time of day is refused: which calendar day it names is not certain', () => {
    const at23 = Date.parse('2026-03-17T23:00:00Z');
    const result = parse({ isrc: HARBOUR, title: 'Harbour Lights', data: [[at23, 198], [at23 + 86_400_000, 204]] }, `${API}?store=spotify`);
    expect(result.observations).toEqual([]);
    expect(result.recognised).toBe(false);
    expect(said(result.reason)).toMatch(/not a calendar day/);
  });

  it('per-shop maps keyed by display names ("Spotify", "Apple Music")', () => {
    const result = parse(fixtureJson('per-shop-display-names.json'));
    expect(seriesOf(result)).toEqual({ [`${REF} spotify`]: HARBOUR_SPOTIFY, [`${REF} apple`]: HARBOUR_SPOTIFY.map((v) => Math.floor(v / 10)) });
  });

  it('rows with one count per shop, the shops named by display names', () => {
    const result = parse(fixtureJson('per-shop-columns.json'));
    expect(result).toMatchObject({ recognised: true, partial: false });
    expect(seriesOf(result)).toEqual({
      [`${REF} spotify`]: HARBOUR_SPOTIFY,
      [`${REF} apple`]: HARBOUR_SPOTIFY.map((v) => Math.floor(v / 10)),
      [`${REF} deezer`]: HARBOUR_SPOTIFY.map((v) => Math.floor(v / 20)),
    });
  });

  it('rows of downloads only are still not streams', () => {
    const result = parse({ isrc: HARBOUR, title: 'Harbour Lights', daily: DAYS.map((day) => ({ date: day, downloads: 2 })) });
    expect(result.recognised).toBe(false);
  });
});
