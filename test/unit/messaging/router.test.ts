/**
 * The background's gate (reliability.md 8 and 9): who may send what, and what a malformed,
 * oversized or forged message does (nothing stored, a message back).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_READING_OBSERVATIONS } from '../../../core/messaging/reading';
import { classifySender, routeMessage, type Sender, type SenderInfo } from '../../../core/messaging/router';
import type { Store } from '../../../core/store';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { freshStore, s4aReading } from '../store/fixtures';

const EXTENSION_ID = 'kbfnbcaeplbcioakkpcpgfkobkghlhen';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

const classify = (sender: SenderInfo) => classifySender(sender, EXTENSION_ID, ORIGIN);
const s4aTab: SenderInfo = { id: EXTENSION_ID, url: 'https://artists.spotify.com/c/artist/0OdUWJ0sBjDrqHygGUXeCF/music/songs', tab: { id: 17, incognito: false }, frameId: 0 };
const historyPage: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}history.html`, frameId: 0 };

let store: Store | undefined;
afterEach(() => store?.close());

async function setup() {
  store = await freshStore();
  const opened = store;
  const handlers = createHandlers(async () => opened);
  const send = (message: unknown, sender: SenderInfo) => routeMessage(message, classify(sender), handlers);
  return { store: opened, send };
}

/** A wire message as a content script would send it (JSON-cloned, so no class instances). */
const readingMessage = (reading = s4aReading()) => JSON.parse(JSON.stringify({ type: 'cs:reading', payload: reading })) as { type: string; payload: Record<string, unknown> & { observations: Record<string, unknown>[] } };

async function nothingStored(s: Store) {
  expect(await s.getHistory()).toEqual({ tracks: [], observations: [] });
  expect(await s.listReadings(10)).toEqual([]);
}

describe('classifySender', () => {
  it.each<[string, SenderInfo, Sender | null]>([
    ['a content script on S4A', s4aTab, { kind: 'content', site: expect.objectContaining({ id: 'spotify' }) as never, tabId: 17, incognito: false }],
    ['a content script on iMusician in a private window', { ...s4aTab, url: 'https://www.imusician.pro/en/statistics/trends', tab: { id: 3, incognito: true } }, { kind: 'content', site: expect.objectContaining({ id: 'imusician' }) as never, tabId: 3, incognito: true }],
    ['our history page', historyPage, { kind: 'extension' }],
    ['a tab on evil.example', { ...s4aTab, url: 'https://evil.example/artists.spotify.com' }, null],
    ['a look-alike host', { ...s4aTab, url: 'https://artists.spotify.com.evil.example/' }, null],
    ['S4A over plain http', { ...s4aTab, url: 'http://artists.spotify.com/' }, null],
    ['another extension', { ...s4aTab, id: 'aaaabbbbccccddddeeeeffffgggghhhh' }, null],
    ['another extension’s page', { id: 'aaaabbbbccccddddeeeeffffgggghhhh', url: 'chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/x.html' }, null],
    ['a dashboard URL with no tab', { id: EXTENSION_ID, url: s4aTab.url }, null],
    ['no URL at all', { id: EXTENSION_ID }, null],
  ])('%s', (_, sender, expected) => {
    expect(classify(sender)).toEqual(expected);
  });
});

describe('routeMessage', () => {
  it('stores a reading from S4A and answers with the counts', async () => {
    const { store: s, send } = await setup();
    expect(await send(readingMessage(), s4aTab)).toEqual({ ok: true, data: { readingId: s4aReading().id, added: 87, unchanged: 0, stored: true, note: null } });
    expect((await s.getHistory()).observations).toHaveLength(87);
  });

  it.each<[string, SenderInfo]>([
    ['a tab on evil.example', { ...s4aTab, url: 'https://evil.example/' }],
    ['another extension', { ...s4aTab, id: 'aaaabbbbccccddddeeeeffffgggghhhh' }],
    ['a page with no tab', { id: EXTENSION_ID, url: s4aTab.url }],
  ])('refuses a reading from %s and stores nothing', async (_, sender) => {
    const { store: s, send } = await setup();
    expect(await send(readingMessage(), sender)).toEqual({ ok: false, error: 'sender not allowed' });
    await nothingStored(s);
  });

  it('refuses a reading from an extension page: readings come from dashboards only', async () => {
    const { store: s, send } = await setup();
    const reply = await send(readingMessage(), historyPage);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^cs:reading is not accepted from an? extension page$/);
    await nothingStored(s);
  });

  it.each([
    ['ui:deleteAll', { confirm: 'delete everything' }],
    ['ui:importHistory', { fileName: 'h.json', text: '{}' }],
    ['ui:setSettings', { readInPrivateWindows: true }],
    ['ui:getHistory', {}],
  ])('refuses %s from a content script', async (type, payload) => {
    const { store: s, send } = await setup();
    await s.ingestReading(s4aReading(), { refused: null });
    const reply = await send({ type, payload }, s4aTab);
    expect(reply).toEqual({ ok: false, error: `${type} is not accepted from a web page` });
    expect((await s.getHistory()).observations).toHaveLength(87);
    expect((await s.getSettings()).readInPrivateWindows).toBe(false);
  });

  it.each<[string, (m: ReturnType<typeof readingMessage>) => void, string]>([
    ['a negative value', (m) => (m.payload.observations[5]!.value = -3), 'cs:reading: observations[5].value:'],
    ['a fractional value', (m) => (m.payload.observations[5]!.value = 2.5), 'cs:reading: observations[5].value:'],
    ['a value as text', (m) => (m.payload.observations[5]!.value = '153'), 'cs:reading: observations[5].value:'],
    ['an impossible day', (m) => (m.payload.observations[9]!.day = '2025-02-30'), 'cs:reading: observations[9].day: "2025-02-30" is not a calendar day'],
    // A site that is a source id but not the sender's is refused by the reading policy (recorded, nothing stored).
    ['a site that is not a source id', (m) => (m.payload.site = 'Evil Site!'), 'cs:reading: site:'],
    ['an unknown metric', (m) => (m.payload.observations[0]!.metric = 'royalties'), 'cs:reading: observations[0].metric:'],
    ['a missing id', (m) => delete m.payload.id, 'cs:reading: id:'],
    ['a too long path', (m) => (m.payload.path = `/${'a'.repeat(600)}`), 'cs:reading: path:'],
    ['a time without zone', (m) => (m.payload.readAt = '2025-04-01T08:00:00'), 'cs:reading: readAt:'],
    [
      `more than ${MAX_READING_OBSERVATIONS} observations`,
      (m) => (m.payload.observations = Array.from({ length: MAX_READING_OBSERVATIONS + 1 }, () => m.payload.observations[0]!)),
      'cs:reading: observations:',
    ],
    ['an observation naming no track of the reading', (m) => (m.payload.observations[3]!.ref = 'r-other'), 'observations[3].ref: "r-other" names no track in the reading'],
  ])('refuses a reading with %s, with a message, storing nothing', async (_, corrupt, error) => {
    const { store: s, send } = await setup();
    const message = readingMessage();
    corrupt(message);
    const reply = await send(message, s4aTab);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toContain(error);
    await nothingStored(s);
  });

  it.each([
    ['an unknown type', { type: 'cs:deleteEverything', payload: {} }, 'unknown message type "cs:deleteEverything"'],
    ['a prototype key as type', { type: '__proto__', payload: {} }, 'unknown message type "__proto__"'],
    ['an inherited name as type', { type: 'toString', payload: {} }, 'unknown message type "toString"'],
    ['no type', { payload: {} }, 'not a Crosscount message'],
    ['a string', 'cs:reading', 'not a Crosscount message'],
    ['null', null, 'not a Crosscount message'],
  ])('refuses %s', async (_, message, error) => {
    const { store: s, send } = await setup();
    expect(await send(message, s4aTab)).toEqual({ ok: false, error });
    await nothingStored(s);
  });

  it('refuses deleteAll without the confirmation phrase, deleting nothing', async () => {
    const { store: s, send } = await setup();
    await s.ingestReading(s4aReading(), { refused: null });
    const reply = await send({ type: 'ui:deleteAll', payload: { confirm: 'yes' } }, historyPage);
    expect(reply.ok).toBe(false);
    expect((await s.getHistory()).observations).toHaveLength(87);
    expect(await send({ type: 'ui:deleteAll', payload: { confirm: 'delete everything' } }, historyPage)).toEqual({ ok: true, data: { deleted: true } });
    expect((await s.getHistory()).observations).toHaveLength(0);
  });

  it('keeps a polluting payload from reaching any prototype', async () => {
    const { send } = await setup();
    const message = JSON.parse(`{"type":"ui:setSettings","payload":{"__proto__":{"polluted":true},"settleDays":6}}`);
    const reply = await send(message, historyPage);
    expect(reply).toMatchObject({ ok: true, data: { settleDays: 6 } });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
