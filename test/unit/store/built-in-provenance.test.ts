/**
 * Provenance of a built-in reading (core/recipes/built-in.ts, core/store/taught.ts): what
 * iMusician's responses yield is read with its built-in recipe, travels back naming it
 * (core/sources/parse-in-background.ts), is accepted only from iMusician's page
 * (`recipeRefusal`), and is stored with a record naming the recipe, its release day and the
 * origin `built-in`; the screens and the report still say "built-in". The trends table (read in
 * the page, no recipe) and Spotify for Artists keep no record, as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseSiteResponse } from '../../../core/sources/parse-in-background';
import { IMUSICIAN_RECIPE } from '../../../core/sources/imusician/recipe';
import { recipeRefusal } from '../../../entrypoints/background/handlers/taught';
import { readingSchema } from '../../../core/messaging/reading';
import { BUILT_IN, provenanceLookup } from '../../../core/model/provenance';
import { SITES } from '../../../core/sites';
import type { Sender } from '../../../core/messaging/router';
import type { Store } from '../../../core/store';
import { freshStore } from './fixtures';
import { API, fixtureJson } from '../sources/imusician/helpers';

const [SPOTIFY, IMUSICIAN] = SITES;
const onImusician: Sender = { kind: 'content', site: IMUSICIAN, tabId: 3, incognito: false };
const onSpotify: Sender = { kind: 'content', site: SPOTIFY, tabId: 4, incognito: false };
const READ_AT = '2026-03-31T09:00:00.000Z';

const opened: Store[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

function parsed(url = API) {
  return parseSiteResponse('imusician', { url, status: 200, body: fixtureJson('track-daily-spotify.json'), text: null, latestDate: null, today: '2026-03-31', titles: [] });
}

function readingOf(recipe: { id: string; name: string } | null) {
  const { result } = parsed();
  return readingSchema.parse({
    id: `imusician-${READ_AT}`,
    site: 'imusician',
    path: '/app/analytics/trends',
    readAt: READ_AT,
    status: 'recognised',
    recognised: [result.kind],
    recipe,
    tracks: result.tracks,
    observations: result.observations,
  });
}

describe('a built-in reading’s provenance', () => {
  it('names the built-in recipe when a response was read with it, and nothing when nothing was read', () => {
    expect(parsed().result.recipe).toEqual({ id: 'r-builtinimusician', name: 'iMusician' });
    expect(parsed().result.observations.length).toBeGreaterThan(0);
    expect(parsed('https://www.imusician.pro/api/v1/account').result.recipe).toBeUndefined();
  });

  it('is accepted from iMusician’s page only', async () => {
    const store = await freshStore();
    opened.push(store);
    expect(await recipeRefusal(store, { recipe: { id: IMUSICIAN_RECIPE.id, name: 'iMusician' } }, onImusician)).toBeNull();
    expect(await recipeRefusal(store, { recipe: { id: IMUSICIAN_RECIPE.id, name: 'iMusician' } }, onSpotify)).toBe('the reading names a recipe built in for another dashboard');
    expect(await recipeRefusal(store, { recipe: { id: 'r-forged0001', name: 'x' } }, onImusician)).toBe('a recipe reading came from a page that has no recipes');
  });

  it('is stored as a record naming the recipe, its release day and origin, under the recipe’s own name', async () => {
    const store = await freshStore();
    opened.push(store);
    await store.ingestReading(readingOf({ id: IMUSICIAN_RECIPE.id, name: 'A forged name' }), { refused: null });
    const records = await store.listProvenance();
    expect(records).toEqual([{ source: 'imusician', observedAt: READ_AT, recipe: 'r-builtinimusician', recipeName: 'iMusician', confirmedAt: IMUSICIAN_RECIPE.confirmedAt, origin: 'built-in' }]);
    // The day table and the evidence report say "built-in", as for every built-in reading.
    expect(provenanceLookup(records)('imusician', READ_AT)).toEqual(BUILT_IN);
    // The history file carries the record (the optional provenance list, docs/contracts.md §1).
    expect((await store.getHistory()).observations.some((obs) => obs.source === 'imusician' && obs.observedAt === READ_AT)).toBe(true);
  });

  it('keeps no record for a reading that names no recipe (the trends table)', async () => {
    const store = await freshStore();
    opened.push(store);
    await store.ingestReading(readingOf(null), { refused: null });
    expect(await store.listProvenance()).toEqual([]);
  });
});
