// @vitest-environment happy-dom
/**
 * Every text a dashboard reader returns is a message the five catalogs phrase (issue 15,
 * docs/i18n.md): the readers run over every response and page fixture in test/fixtures (each
 * as it is, with its counts and days damaged, and under every address a reader knows), and each
 * reason and note they give must be a `Message` whose key, and every key inside it, exists in
 * en, de, fr, it and es with the same placeholders, all of them given. A reader that returned
 * English words again (a template literal) fails here, whatever the compiler was told.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { placeholdersOf, resolveKey, type Message, type MessageParam } from '../../../core/i18n/message';
import { parseImusicianResponse } from '../../../core/sources/imusician/parse-response';
import { readImusicianTrendsDom } from '../../../core/sources/imusician/dom-fallback';
import { parseSpotifyResponse } from '../../../core/sources/spotify/parse-response';
import { readSpotifySongDom } from '../../../core/sources/spotify/dom-fallback';
import { readSpotifySongsTable } from '../../../core/sources/spotify/dom-songs-table';
import { snapshotSongsTable } from '../../../core/sources/spotify/songs-table-snapshot';
import { CATALOGS } from './catalogs';

// A string path (not `new URL`): under happy-dom the global URL is the DOM's, not Node's.
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures') + '/';
const files = (folder: string, ext: string) => readdirSync(FIXTURES + folder).filter((name) => name.endsWith(ext)).map((name) => `${folder}/${name}`);
const text = (file: string) => readFileSync(FIXTURES + file, 'utf8');

const A = '3kXmZp7QvR2nLw9YtB4sHd';
const T = '4uLU6hMCjMI75M1A2tKUQC';
const SPOTIFY_URLS = [
  `song-stats-view/v1/artist/${A}/recording/${T}/stats`,
  `song-stats-view/v1/artist/${A}/recording/${T}/stats?time-filter=1year`,
  `song-stats-view/v2/artist/${A}/recording/${T}/info`,
  `song-stats-view/v1/artist/${A}/recording/${T}/sos-timelines`,
  `song-stats-view/v1/artist/${A}/recording/${T}/streams/country/timeline?country=SE`,
  `catalog-view/v1/artist/${A}/songs`,
  `audience-engagement-view/v1/artist/${A}/stats`,
  `s4x-insights-api/v2/artist/${A}/recordings?time-filter=28day`,
  `s4x-insights-api/v2/artist/${A}/recordings?time-filter=forever`,
  `s4x-insights-api/v1/artist/${A}/recording/${T}/timeline/streams`,
  `s4x-insights-api/v2/artist/${A}/stats`,
  's4x-insights-api/v1/meta/latest-date',
  'unknown-view/v9/thing',
].map((path) => `https://generic.wg.spotify.com/${path}`);
const IMUSICIAN_URLS = [
  'https://www.imusician.pro/api/v2/analytics/trends',
  'https://www.imusician.pro/api/v1/analytics/trends/tracks/41?store=spotify,deezer',
  'https://www.imusician.pro/api/v1/analytics/trends/tracks/41?shop=Nowhere%20Music',
  'https://www.imusician.pro/not/data',
];
const STATUSES: ReadonlyArray<{ status: number; text?: string }> = [{ status: 401, text: 'Token expired' }, { status: 429 }, { status: 500 }, { status: 204 }];

/** The body with its counts and days made wrong in turn, so the readers' refusals speak too. */
function damaged(body: unknown): unknown[] {
  const swap = (value: unknown, change: (leaf: unknown, key: string) => unknown, key = ''): unknown => {
    if (Array.isArray(value)) return value.map((item) => swap(item, change, key));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, swap(item, change, name)]));
    return change(value, key);
  };
  return [
    swap(body, (leaf) => (typeof leaf === 'number' ? -3.5 : leaf)),
    swap(body, (leaf) => (typeof leaf === 'number' ? '1.2K' : leaf)),
    swap(body, (leaf) => (typeof leaf === 'string' && /^\d{4}-\d{2}-\d{2}/.test(leaf) ? '2026-02-31' : leaf)),
    swap(body, (leaf, key) => (/store|shop|dsp/i.test(key) && typeof leaf === 'string' ? 'Nowhere Music' : leaf)),
    swap(body, (leaf) => (typeof leaf === 'object' ? leaf : null)),
  ];
}

const context = { latestDate: '2026-03-29', today: '2026-03-31', titles: new Map<string, string>() } as const;

/** Every reason and note the readers give over the fixtures, with where it came from. */
function everyText(): Array<{ from: string; text: unknown }> {
  const out: Array<{ from: string; text: unknown }> = [];
  const keep = (from: string, result: { reason: unknown; note: unknown }) => {
    if (result.reason !== null) out.push({ from, text: result.reason });
    if (result.note !== null) out.push({ from, text: result.note });
  };
  const spotifyJson = [...files('spotify', '.json'), ...files('pages/spotify/api', '.json')];
  const imusicianJson = [...files('imusician', '.json'), ...files('pages/imusician/api', '.json')];
  for (const file of [...spotifyJson, ...imusicianJson]) {
    const body = JSON.parse(text(file)) as unknown;
    for (const [index, variant] of [body, ...damaged(body)].entries()) {
      for (const url of SPOTIFY_URLS) keep(`${file}#${index} ${url}`, parseSpotifyResponse({ url, status: 200, body: variant }, { ...context, latestDate: index === 0 ? context.latestDate : null }));
      for (const url of IMUSICIAN_URLS) keep(`${file}#${index} ${url}`, parseImusicianResponse({ url, status: 200, body: variant }, { today: context.today }));
    }
  }
  for (const { status, text: said } of STATUSES) {
    keep(`status ${status}`, parseSpotifyResponse({ url: SPOTIFY_URLS[0]!, status, body: null, text: said ?? null }, context));
    keep(`status ${status}`, parseImusicianResponse({ url: IMUSICIAN_URLS[0]!, status, body: null, text: said ?? null }, { today: context.today }));
  }
  keep('text body', parseImusicianResponse({ url: IMUSICIAN_URLS[0]!, status: 200, body: null, text: '<html>' }, { today: context.today }));
  keep('bare value', parseImusicianResponse({ url: IMUSICIAN_URLS[0]!, status: 200, body: 7 }, { today: context.today }));

  const pages = [...files('spotify', '.html'), ...files('imusician', '.html'), ...files('pages/spotify', '.html'), ...files('pages/imusician', '.html'), ...files('pages/distrokid', '.html')];
  for (const file of pages) {
    const html = text(file);
    // As it is, with its figures rounded, and its days made impossible.
    for (const [index, variant] of [html, html.replace(/\d[\d,.]{2,}\d/g, '1.2K'), html.replace(/\d{4}-\d{2}-\d{2}/g, '2026-02-31')].entries()) {
      const doc = new DOMParser().parseFromString(variant, 'text/html');
      for (const locale of [undefined, 'en', 'de']) {
        const from = `${file}#${index} ${locale ?? '-'}`;
        for (const range of ['28day', '1year', 'forever']) keep(from, readSpotifySongDom(doc, `https://artists.spotify.com/c/artist/${A}/song/${T}/stats?time-filter=${range}`, { ...context, latestDate: range === '1year' ? null : context.latestDate, locale }));
        keep(from, readSpotifySongDom(doc, `https://artists.spotify.com/c/artist/${A}/home`, { ...context, locale }));
        for (const latestDate of [context.latestDate, null]) keep(from, readSpotifySongsTable(snapshotSongsTable(doc), `https://artists.spotify.com/c/artist/${A}/music/songs`, { ...context, latestDate, locale }));
        for (const url of ['https://www.imusician.pro/app/analytics/trends', 'https://www.imusician.pro/app/analytics/trends?store=spotify,deezer', 'https://www.imusician.pro/app/library']) {
          keep(from, readImusicianTrendsDom(doc, url, { today: context.today, locale }));
        }
      }
    }
  }
  return out;
}

type Language = keyof typeof CATALOGS;
const LANGUAGES = Object.keys(CATALOGS) as Language[];

/** Why `text` is not a message every catalog phrases completely; empty when it is. */
function problemsOf(text: unknown, keys: Set<string>): string[] {
  if (typeof text !== 'object' || text === null || typeof (text as Message).key !== 'string') return [`not a message: ${JSON.stringify(text)}`];
  const { key, params } = text as Message;
  keys.add(key);
  const problems: string[] = [];
  const english = resolveKey(key, params, 'en', (name) => Object.hasOwn(CATALOGS.en, name));
  for (const language of LANGUAGES) {
    const catalog = CATALOGS[language];
    const resolved = resolveKey(key, params, language, (name) => Object.hasOwn(catalog, name));
    const entry = catalog[resolved];
    if (!entry) {
      problems.push(`${language} has no "${resolved}"`);
      continue;
    }
    const names = placeholdersOf(entry.message);
    if (CATALOGS.en[english] && names.join() !== placeholdersOf(CATALOGS.en[english]!.message).join()) problems.push(`${language} "${resolved}" has placeholders ${names.join()}, English ${placeholdersOf(CATALOGS.en[english]!.message).join()}`);
    for (const name of names) if (!params || params[name] === undefined) problems.push(`"${key}" leaves {${name}} empty`);
  }
  const inner = (param: MessageParam): string[] => {
    if (typeof param !== 'object') return [];
    if ('text' in param) return problemsOf(param.text, keys);
    if ('list' in param) return param.list.flatMap(inner);
    return [];
  };
  return [...problems, ...Object.values(params ?? {}).flatMap(inner)];
}

describe('every reader text over the fixtures is a message in all five catalogs', () => {
  const texts = everyText();

  it('the sweep reaches the readers’ refusals, not only their successes', () => {
    const keys = new Set<string>();
    for (const { text } of texts) problemsOf(text, keys);
    // Enough different texts that a reader's English sentence could not hide (counted, 2026-12).
    expect(texts.length).toBeGreaterThan(1000);
    expect(keys.size).toBeGreaterThan(45);
    for (const key of ['readerAt', 'readerPointNotCount', 'readerRowExpected', 'readerHeadlineNumber', 'readerCellRefused', 'readerZeroDays', 'readerNotTrendsPage', 'readerFieldNotDay']) expect(keys).toContain(key);
  });

  it('each is a Message whose keys exist in en, de, fr, it and es with the same placeholders, all given', () => {
    const failures = new Map<string, string>();
    for (const { from, text } of texts) for (const problem of problemsOf(text, new Set())) if (!failures.has(problem)) failures.set(problem, from);
    expect([...failures].map(([problem, from]) => `${problem} (${from})`)).toEqual([]);
  });

  it('the check itself refuses English words, an unknown key and a missing placeholder', () => {
    expect(problemsOf('store unknown', new Set())).toEqual(['not a message: "store unknown"']);
    expect(problemsOf({ key: 'readerNoSuchKey' }, new Set())).toHaveLength(LANGUAGES.length);
    expect(problemsOf({ key: 'readerAt', params: { where: 'data' } }, new Set())).toContain('"readerAt" leaves {problem} empty');
    expect(problemsOf({ key: 'readerAt', params: { where: 'data', problem: { text: 'words' as unknown as Message } } }, new Set())).toEqual(['not a message: "words"']);
  });
});
