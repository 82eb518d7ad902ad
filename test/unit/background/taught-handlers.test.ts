/**
 * An added dashboard's reader asks the background (entrypoints/background/handlers/taught.ts): which
 * recipes read its page, what a response holds (read with a recipe, or candidates to confirm),
 * and the artist's answer. Over a real store and the invented DistroKid-like responses of
 * test/fixtures/distributors (hypothetical, see its README).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { taughtHandlers, recipeRefusal } from '../../../entrypoints/background/handlers/taught';
import { taughtSiteFor, type TaughtSite } from '../../../core/taught-sites';
import type { Sender } from '../../../core/messaging/router';
import type { Store } from '../../../core/store';
import type { TaughtResponse } from '../../../core/messaging/taught';
import { englishMessage } from '../../../core/i18n/english';
import { SITES } from '../../../core/sites';
import { freshStore } from '../store/fixtures';

const NOW = new Date('2026-03-09T10:00:00.000Z');
const TODAY = '2026-03-09';
const PAGE = 'https://distrokid.com/stats/?range=30';
const API = 'https://distrokid.com/api/stats/tracks/88412/daily?from=2026-03-01';
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`test/fixtures/distributors/${name}.json`, 'utf8'));
const DISTROKID: TaughtSite = (taughtSiteFor({ distributor: 'distrokid', address: '' }, NOW.toISOString()) as { site: TaughtSite }).site;
const onDistrokid: Sender = { kind: 'content', site: DISTROKID, tabId: 7, incognito: false };
const response = (body: unknown, overrides: Partial<TaughtResponse> = {}): TaughtResponse => ({ url: API, method: 'GET', status: 200, body, text: null, ...overrides });

const opened: Store[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

async function setup() {
  const store = await freshStore();
  opened.push(store);
  await store.putTaughtSite(DISTROKID);
  let ids = 0;
  const handlers = taughtHandlers({ store: async () => store, now: () => NOW, write: (handler) => handler, newRecipeId: () => `r-test${String(++ids).padStart(6, '0')}` });
  return { store, handlers };
}

describe('an added dashboard’s first visit', () => {
  it('offers the series it found, in plain words, longest first, and stores nothing', async () => {
    const { store, handlers } = await setup();
    expect(await handlers['cs:recipes']({ pageUrl: PAGE }, onDistrokid)).toEqual({ site: DISTROKID, recipes: [] });
    const reply = await handlers['cs:recognise']({ pageUrl: PAGE, today: TODAY, response: response(fixture('daily-tracks')) }, onDistrokid);
    expect(reply.kind).toBe('candidates');
    if (reply.kind !== 'candidates') return;
    expect(reply.template).toBe('/api/stats/tracks/*/daily');
    expect(reply.candidates.map((one) => [englishMessage(one.words), one.store, one.points.length])).toEqual([
      ['Daily numbers for “Harbour Lights”, Tue 3 Mar–Sat 7 Mar: 104, 98, 121 … — store: not named?', null, 5],
      ['Daily numbers for “Low Tide”, Tue 3 Mar–Thu 5 Mar: 12, 9, 0 … — store: not named?', null, 3],
    ]);
    expect(await store.listRecipes()).toEqual([]);
    expect((await store.getHistory()).observations).toEqual([]);
  });

  it('says why nothing is offered when every series is refused', async () => {
    const { handlers } = await setup();
    const reply = await handlers['cs:recognise']({ pageUrl: PAGE, today: TODAY, response: response(fixture('refusals')) }, onDistrokid);
    expect(reply).toMatchObject({ kind: 'candidates', candidates: [] });
    if (reply.kind !== 'candidates') return;
    expect(reply.refusals.map((words) => englishMessage(words))).toEqual(expect.arrayContaining(['Money, not streams.']));
  });

  it('an error answer, an empty one, or another site’s data is “nothing”, with the reason', async () => {
    const { handlers } = await setup();
    const ask = (overrides: Partial<TaughtResponse>, body: unknown = fixture('daily-tracks')) => handlers['cs:recognise']({ pageUrl: PAGE, today: TODAY, response: response(body, overrides) }, onDistrokid);
    const reasonOf = async (overrides: Partial<TaughtResponse>, body?: unknown) => {
      const reply = await ask(overrides, body);
      expect(reply.kind).toBe('nothing');
      return reply.kind === 'nothing' ? englishMessage(reply.reason) : '';
    };
    expect(await reasonOf({ status: 401, text: 'Token expired' })).toBe('the page had no data (HTTP 401 not signed in or not allowed, "Token expired")');
    expect(await reasonOf({ status: 204 }, null)).toBe('the page had no data (HTTP 204, empty or not JSON)');
    expect(await reasonOf({ url: 'https://tracker.example/collect' })).toBe('a response from tracker.example, not from the dashboard’s own data');
  });
});

describe('the artist’s answer', () => {
  it('becomes a recipe with the chosen store; the response is read with it, and later visits read without asking', async () => {
    const { store, handlers } = await setup();
    const body = fixture('daily-tracks');
    const offered = await handlers['cs:recognise']({ pageUrl: PAGE, today: TODAY, response: response(body) }, onDistrokid);
    if (offered.kind !== 'candidates') throw new Error(offered.kind);
    const confirmed = await handlers['cs:confirmCandidate']({ pageUrl: PAGE, today: TODAY, response: response(body), candidateId: offered.candidates[0]!.id, store: 'spotify', name: 'DistroKid daily streams' }, onDistrokid);
    expect(confirmed.recipe).toEqual({ id: 'r-test000001', name: 'DistroKid daily streams', page: { host: 'distrokid.com', path: '/stats' } });
    expect(confirmed.reading.kind).toBe('read');
    if (confirmed.reading.kind !== 'read') return;
    // Both tracks of the list: the draft's path generalised the list index.
    expect(confirmed.reading.outcome.observations.filter((obs) => obs.store === 'spotify')).toHaveLength(8);
    expect(confirmed.reading.outcome.tracks.map((track) => track.isrc)).toEqual(['QZABC2600001', 'QZABC2600002']);
    const [recipe] = await store.listRecipes();
    expect(recipe).toMatchObject({ id: 'r-test000001', origin: 'taught', distributor: 'distrokid', distributorLabel: 'DistroKid', store: { kind: 'fixed', store: 'spotify' }, page: { host: 'distrokid.com', path: '/stats' }, confirmedAt: NOW.toISOString() });
    // Still nothing stored as days: that goes through cs:reading, like every dashboard's reading.
    expect((await store.getHistory()).observations).toEqual([]);

    expect(await handlers['cs:recipes']({ pageUrl: 'https://distrokid.com/stats/' }, onDistrokid)).toMatchObject({ recipes: [{ id: 'r-test000001', name: 'DistroKid daily streams', page: { host: 'distrokid.com', path: '/stats' } }] });
    const second = await handlers['cs:recognise']({ pageUrl: PAGE, today: TODAY, response: response(body, { url: 'https://distrokid.com/api/stats/tracks/99120/daily' }) }, onDistrokid);
    expect(second).toMatchObject({ kind: 'read', recipe: { id: 'r-test000001' }, outcome: { recognised: true } });
  });

  it('a changed response shape reads nothing with the recipe and says why', async () => {
    const { handlers } = await setup();
    const body = fixture('daily-tracks') as { data: { tracks: Array<{ daily: Array<Record<string, unknown>> }> } };
    const offered = await handlers['cs:recognise']({ pageUrl: PAGE, today: TODAY, response: response(body) }, onDistrokid);
    if (offered.kind !== 'candidates') throw new Error(offered.kind);
    await handlers['cs:confirmCandidate']({ pageUrl: PAGE, today: TODAY, response: response(body), candidateId: offered.candidates[0]!.id, store: 'spotify', name: 'DistroKid' }, onDistrokid);
    const changed = structuredClone(body);
    for (const row of changed.data.tracks[0]!.daily) {
      row.plays = row.streams;
      delete row.streams;
    }
    const reply = await handlers['cs:recognise']({ pageUrl: PAGE, today: TODAY, response: response(changed) }, onDistrokid);
    expect(reply).toMatchObject({ kind: 'no-match', reason: 'path-missing', recipe: { name: 'DistroKid' } });
    if (reply.kind !== 'no-match') return;
    expect(englishMessage(reply.words)).toBe('The numbers are no longer where the recipe looks: the page has changed.');
    // What the changed response holds now is offered, so the page can be taught again ("plays" reads as a count).
    expect(reply.candidates.map((one) => englishMessage(one.words))).toEqual([
      'Daily numbers for “Harbour Lights”, Tue 3 Mar–Sat 7 Mar: 104, 98, 121 … — store: not named?',
      'Daily numbers for “Low Tide”, Tue 3 Mar–Thu 5 Mar: 12, 9, 0 … — store: not named?',
    ]);
  });

  it('makes no recipe without a store for numbers that name none, nor for a series the response does not hold', async () => {
    const { store, handlers } = await setup();
    const body = fixture('daily-tracks');
    const offered = await handlers['cs:recognise']({ pageUrl: PAGE, today: TODAY, response: response(body) }, onDistrokid);
    if (offered.kind !== 'candidates') throw new Error(offered.kind);
    const answer = { pageUrl: PAGE, today: TODAY, response: response(body), candidateId: offered.candidates[0]!.id, store: null, name: 'x' };
    await expect(handlers['cs:confirmCandidate'](answer, onDistrokid)).rejects.toThrow('nothing stored: the answer needs a store');
    await expect(handlers['cs:confirmCandidate']({ ...answer, store: 'spotify', candidateId: 'c-forged' }, onDistrokid)).rejects.toThrow('not in this response');
    expect(await store.listRecipes()).toEqual([]);
  });
});

describe('who may ask', () => {
  it('only a page of an added dashboard, on its own host', async () => {
    const { store, handlers } = await setup();
    const imusician: Sender = { kind: 'content', site: SITES[1], tabId: 2, incognito: false };
    await expect(handlers['cs:recipes']({ pageUrl: 'https://www.imusician.pro/app' }, imusician)).rejects.toThrow('only an added dashboard');
    await expect(handlers['cs:recipes']({ pageUrl: 'https://evil.example/stats' }, onDistrokid)).rejects.toThrow('not on distrokid.com');
    await store.deleteTaughtSite(DISTROKID.id);
    await expect(handlers['cs:recipes']({ pageUrl: PAGE }, onDistrokid)).rejects.toThrow('no longer added');
  });

  it('a reading may name only a recipe of its own dashboard', async () => {
    const { store, handlers } = await setup();
    const body = fixture('daily-tracks');
    const offered = await handlers['cs:recognise']({ pageUrl: PAGE, today: TODAY, response: response(body) }, onDistrokid);
    if (offered.kind !== 'candidates') throw new Error(offered.kind);
    const { recipe } = await handlers['cs:confirmCandidate']({ pageUrl: PAGE, today: TODAY, response: response(body), candidateId: offered.candidates[0]!.id, store: 'spotify', name: 'DistroKid' }, onDistrokid);
    expect(await recipeRefusal(store, { recipe: { id: recipe.id, name: recipe.name } }, onDistrokid)).toBeNull();
    expect(await recipeRefusal(store, { recipe: null }, onDistrokid)).toBeNull();
    expect(await recipeRefusal(store, { recipe: { id: 'r-forged0001', name: 'x' } }, onDistrokid)).toEqual({ key: 'refusedRecipeNotHere' });
    const landr = (taughtSiteFor({ distributor: 'landr', address: '' }, NOW.toISOString()) as { site: TaughtSite }).site;
    await store.putTaughtSite(landr);
    expect(await recipeRefusal(store, { recipe }, { ...onDistrokid, site: landr })).toEqual({ key: 'refusedRecipeNotHere' });
  });
});
