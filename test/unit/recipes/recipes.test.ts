/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit hostile JSON freely */
import { formatMessage } from '../../../components/i18n';
import { speak } from '../i18n/catalogs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { applyRecipe, recipeReadingToResult, parseRecipeFile, recipeMatchesPage, recipeMatchesResponse, recognise, serialiseRecipes, describeNoMatch, type Recipe } from '../../../core/recipes';
import { englishMessage } from '../../../core/i18n/english';
import { confirm } from './helpers';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`test/fixtures/distributors/${name}.json`, 'utf8'));
const API = 'https://distrokid.com/api/stats/tracks/88412/daily?from=2026-03-01';
const taught = (): Recipe => confirm(recognise(API, fixture('daily-tracks')).candidates[0]!);

describe('applyRecipe', () => {
  it('reads every series the confirmed recipe points to, exactly as the candidate showed it', () => {
    const body = fixture('daily-tracks');
    const [first] = recognise(API, body).candidates;
    const reading = applyRecipe(taught(), API, body);
    expect(reading.kind).toBe('read');
    if (reading.kind !== 'read') return;
    expect(reading.series.map((one) => [one.identity.isrc, one.store, one.points.length])).toEqual([
      ['QZABC2600001', 'spotify', 5],
      ['QZABC2600002', 'spotify', 3],
    ]);
    expect(reading.series[0]!.points).toEqual(first!.points);
  });

  it('matches its page and response addresses only over https, on its host and path pattern', () => {
    const recipe = taught();
    expect(recipeMatchesResponse(recipe, 'https://distrokid.com/api/stats/tracks/123/daily', 'get')).toBe(true);
    expect(recipeMatchesResponse(recipe, 'https://distrokid.com/api/stats/tracks/123/daily', 'POST')).toBe(false);
    expect(recipeMatchesResponse(recipe, 'http://distrokid.com/api/stats/tracks/123/daily', 'GET')).toBe(false);
    expect(recipeMatchesResponse(recipe, 'https://evil.example/api/stats/tracks/123/daily', 'GET')).toBe(false);
    expect(recipeMatchesResponse(recipe, 'https://distrokid.com/api/stats/tracks/123/weekly', 'GET')).toBe(false);
    expect(recipeMatchesPage(recipe, 'https://distrokid.com/stats/?range=30')).toBe(true);
    expect(recipeMatchesPage(recipe, 'https://distrokid.com/dashboard/')).toBe(false);
  });

  it('stores nothing once the response changed shape, and says why', () => {
    const recipe = taught();
    const body = fixture('daily-tracks');
    const change = (edit: (data: any) => void) => {
      const copy = structuredClone(body) as any;
      edit(copy);
      return applyRecipe(recipe, API, copy);
    };
    expect(change((b) => (b.data.items = b.data.tracks) && delete b.data.tracks)).toMatchObject({ kind: 'no-match', reason: 'path-missing', where: 'data.tracks[*].daily' });
    expect(change((b) => (b.data.tracks[1].daily[2].streams = '1.2K'))).toMatchObject({ kind: 'no-match', reason: 'not-a-count', where: 'data.tracks[1].daily' });
    expect(change((b) => (b.data.tracks[0].daily[0].date = '03/03/2026'))).toMatchObject({ kind: 'no-match', reason: 'not-a-date' });
    expect(change((b) => (b.data.tracks[0].daily[0].date = 1772496000000))).toMatchObject({ kind: 'no-match', reason: 'not-a-date' });
    expect(change((b) => delete b.data.tracks[0].isrc)).toMatchObject({ kind: 'no-match', reason: 'identity-missing' });
    expect(change((b) => b.data.tracks[0].daily.forEach((row: any) => ((row.plays = row.streams), delete row.streams)))).toMatchObject({ kind: 'no-match', reason: 'path-missing' });
    expect(change((b) => b.data.tracks[0].daily.push({ date: '2026-03-03', streams: 1 }))).toMatchObject({ kind: 'no-match', reason: 'conflict' });
    expect(applyRecipe(recipe, API, 'text')).toMatchObject({ kind: 'no-match', reason: 'not-json' });
    expect(applyRecipe(recipe, 'https://distrokid.com/other', body)).toMatchObject({ kind: 'no-match', reason: 'address' });
    const reading = change((b) => (b.data.tracks[0].daily[0].streams = -1));
    expect(reading.kind).toBe('no-match');
    if (reading.kind === 'no-match') expect(englishMessage(describeNoMatch(reading))).toBe('A value is no longer a whole count.');
  });

  it('reads a store from a breakdown key, and refuses a weekly series whose days are not 7 apart', () => {
    const stores = fixture('per-store-dotted');
    const spotify = confirm(recognise(API, stores).candidates[0]!, null);
    expect(applyRecipe(spotify, API, stores)).toMatchObject({ kind: 'read', series: [{ store: 'spotify', points: [{ day: '2026-03-01', count: 51 }, { day: '2026-03-02', count: 48 }, { day: '2026-03-03', count: 60 }] }] });
    const weeklyBody = fixture('weekly-epoch-pairs') as any;
    const weekly = confirm(recognise(API, weeklyBody).candidates[0]!);
    expect(applyRecipe(weekly, API, weeklyBody).kind).toBe('read');
    weeklyBody.songs[0].weekly[1][0] += 86_400_000;
    expect(applyRecipe(weekly, API, weeklyBody)).toMatchObject({ kind: 'no-match', reason: 'not-a-date', where: 'songs[0].weekly' });
  });
});

const segment = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_ ]{0,15}$/).filter((key) => !['constructor', 'prototype'].includes(key)), fc.nat({ max: 50 }));
const relative = fc.record({ up: fc.nat({ max: 8 }), path: fc.array(segment, { maxLength: 4 }) });
const recipeArb: fc.Arbitrary<Recipe> = fc.record({
  version: fc.constant(1 as const),
  id: fc.stringMatching(/^r-[A-Za-z0-9]{8,32}$/),
  // eslint-disable-next-line no-control-regex -- the characters a name may not hold
  name: fc.string({ minLength: 1, maxLength: 80 }).filter((name) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(name)),
  distributor: fc.constantFrom('distrokid', 'tunecore', 'other'),
  distributorLabel: fc.constantFrom('DistroKid', 'TuneCore', 'Another address'),
  page: fc.record({ host: fc.constantFrom('distrokid.com', 'www.tunecore.com', 'members.cdbaby.com'), path: fc.constantFrom('/', '/stats', '/stats/*', '/app/**') }),
  response: fc.record({ host: fc.constantFrom('distrokid.com', 'api.example.org'), path: fc.constantFrom('/api/**', '/api/*/daily'), method: fc.constantFrom('GET' as const, 'POST' as const) }),
  series: fc.tuple(segment, fc.array(fc.oneof(segment, fc.constant('*')), { maxLength: 5 })).map(([head, rest]) => [head, ...rest].filter((_, i, all) => all.filter((key) => key === '*').length <= 3 || i === 0)),
  points: fc.oneof(
    fc.record({ kind: fc.constant('rows' as const), day: fc.array(segment, { minLength: 1, maxLength: 3 }), value: fc.array(segment, { minLength: 1, maxLength: 3 }) }),
    fc.constant({ kind: 'pairs' as const, day: 0 as const, value: 1 as const }),
    fc.constant({ kind: 'map' as const }),
    fc.record({ kind: fc.constant('parallel' as const), days: relative, values: fc.array(segment, { maxLength: 3 }) }),
  ),
  dayFormat: fc.constantFrom('iso' as const, 'dotted' as const, 'epoch-ms' as const),
  identity: fc.oneof(fc.record({ isrc: relative }), fc.record({ isrc: relative, title: relative }), fc.record({ title: relative, trackId: relative })),
  store: fc.oneof(fc.record({ kind: fc.constant('fixed' as const), store: fc.constantFrom('spotify', 'all', 'apple') }), fc.record({ kind: fc.constant('path' as const), at: relative }), fc.record({ kind: fc.constant('key' as const), up: fc.nat({ max: 8 }) })),
  cadence: fc.constantFrom('daily' as const, 'weekly' as const),
  confirmedAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
  origin: fc.constantFrom('taught' as const, 'imported' as const),
});

describe('recipe files', () => {
  it('export → import gives the same recipes back (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(recipeArb, { maxLength: 5, selector: (recipe) => recipe.id }), (recipes) => {
        expect(parseRecipeFile(serialiseRecipes(recipes), 'recipes.json')).toEqual({ recipes });
      }),
      { numRuns: 200 },
    );
  });

  const base = (): any => JSON.parse(serialiseRecipes([taught()]));
  const refused = (file: unknown, name = 'shared.json'): string => {
    const result = parseRecipeFile(typeof file === 'string' ? file : JSON.stringify(file), name);
    expect('error' in result).toBe(true);
    return 'error' in result ? result.error : '';
  };

  it('refuses a hostile file whole, in one line naming what and where', () => {
    expect(refused('x'.repeat(300 * 1024))).toBe('shared.json: larger than 256 KB');
    expect(refused('{not json')).toBe('shared.json: not JSON');
    expect(refused({ ...base(), version: 2 })).toBe('shared.json: version: version 2, this Crosscount reads version 1');
    expect(refused({ format: 'other', version: 1, recipes: [] })).toMatch(/^shared\.json: format: /);
    expect(refused('{"format":"crosscount-recipes","version":1,"recipes":[{"__proto__":{"x":1}}]}')).toBe('shared.json: recipes[0].__proto__: a prototype key');
    const edit = (change: (recipe: any) => void) => {
      const file = base();
      change(file.recipes[0]);
      return refused(file);
    };
    expect(edit((r) => (r.series = ['data', 'constructor']))).toMatch(/a prototype key/);
    expect(edit((r) => (r.series = ['*', '*']))).toBe('shared.json: recipe 1.series: wildcards everywhere');
    expect(edit((r) => (r.series = ['a', '*', '*', '*', '*']))).toBe('shared.json: recipe 1.series: more than 3 wildcards');
    expect(edit((r) => (r.series = Array.from({ length: 40 }, () => 'a')))).toMatch(/recipe 1\.series/);
    expect(edit((r) => (r.response.host = 'http://distrokid.com'))).toMatch(/^shared\.json: recipe 1\.response\.host: not an https host name/);
    expect(edit((r) => (r.page.host = 'distrokid.com:8080'))).toMatch(/recipe 1\.page\.host/);
    expect(edit((r) => (r.name = 42))).toMatch(/recipe 1\.name/);
    expect(edit((r) => (r.name = 'Daily\u0007 bell'))).toBe('shared.json: recipe 1.name: control characters');
    expect(edit((r) => (r.identity = {}))).toMatch(/recipe 1\.identity: no ISRC/);
    expect(edit((r) => (r.identity.isrc.up = 1000))).toMatch(/recipe 1\.identity\.isrc\.up/);
    expect(edit((r) => (r.extra = 'code()'))).toMatch(/recipe 1/);
    expect(edit((r) => (r.store = { kind: 'fixed', store: '<b>spotify</b>' }))).toMatch(/recipe 1\.store\.store: not a store id/);
    const twice = base();
    twice.recipes.push(twice.recipes[0]);
    expect(refused(twice)).toBe('shared.json: recipe 2.id: the same id twice');
    expect(refused({ ...base(), recipes: Array.from({ length: 101 }, () => ({})) })).toMatch(/more than 100 recipes/);
    for (const line of [refused('{'), refused({ ...base(), version: 9 })]) expect(line).not.toMatch(/\n/);
  });

  it('gives the refusal to the screens as a message', () => {
    const result = parseRecipeFile('{', 'C:\\Users\\me\\shared.json');
    expect('message' in result && englishMessage(result.message)).toBe('shared.json was not imported: not JSON');
    // The field stays as written; the words are the artist's language.
    const file = JSON.parse(serialiseRecipes([taught()]));
    file.recipes[0].series = ['*', '*'];
    const refusal = parseRecipeFile(JSON.stringify(file), 'shared.json');
    speak('de');
    expect('message' in refusal && formatMessage(refusal.message)).toBe('shared.json wurde nicht importiert: Rezept 1.series: nur Platzhalter');
  });
});

describe('recipeReadingToResult', () => {
  it('turns a reading into observations like any dashboard reader, holding back today', () => {
    const body = fixture('daily-tracks');
    const result = recipeReadingToResult(applyRecipe(taught(), API, body), { today: '2026-03-07' });
    expect(result.recognised).toBe(true);
    expect(result.tracks.map((track) => [track.ref, track.isrc, track.title])).toEqual([
      ['isrc:QZABC2600001', 'QZABC2600001', 'Harbour Lights'],
      ['isrc:QZABC2600002', 'QZABC2600002', 'Low Tide'],
    ]);
    expect(result.observations).toHaveLength(7);
    expect(result.heldBack).toBe(1);
    expect(result.observations[0]).toEqual({ ref: 'isrc:QZABC2600001', store: 'spotify', metric: 'streams', day: '2026-03-03', value: 104 });
  });

  it('a weekly series becomes weekly counts on their weeks\' first days, never days; a week not ended yet is held back', () => {
    const body = fixture('weekly-epoch-pairs');
    const recipe = confirm(recognise(API, body).candidates[0]!);
    expect(recipe.cadence).toBe('weekly');
    // The last week (2026-02-23 … 2026-03-01) has not ended on 2026-03-01.
    const result = recipeReadingToResult(applyRecipe(recipe, API, body), { today: '2026-03-01' });
    const harbour = result.observations.filter((obs) => obs.ref === result.tracks[0]!.ref);
    expect(harbour.map((obs) => [obs.metric, obs.day, obs.value])).toEqual([
      ['streams_week', '2026-02-02', 702],
      ['streams_week', '2026-02-09', 688],
      ['streams_week', '2026-02-16', 741],
    ]);
    expect(result.observations.every((obs) => obs.metric === 'streams_week')).toBe(true);
    expect(result.heldBack).toBeGreaterThanOrEqual(1);
    // The day after, it has ended and is counted.
    const later = recipeReadingToResult(applyRecipe(recipe, API, body), { today: '2026-03-02' });
    expect(later.observations.filter((obs) => obs.ref === result.tracks[0]!.ref).map((obs) => obs.day)).toContain('2026-02-23');
  });

  it('stores nothing from a recipe that no longer matches, and keeps its reason', () => {
    const result = recipeReadingToResult(applyRecipe(taught(), API, { data: {} }), { today: '2026-03-07' });
    expect([result.recognised, result.observations.length, result.noMatch]).toEqual([false, 0, 'path-missing']);
  });
});
