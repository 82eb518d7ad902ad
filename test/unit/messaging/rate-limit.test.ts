/**
 * Page channel limits (test/reliability/README.md): per tab, the page channel admits at most
 * PAGE_CHANNEL_LIMITS (20 messages a second, bursts of 60; 32 M characters a minute), drops and
 * counts the rest before parsing them; the content script's pending batch is capped; the
 * background answers at most TAB_MESSAGE_LIMIT per tab. Time is driven by hand: no waiting.
 */
import { inEnglish } from '../said';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChannelLimiter, createTabLimiter, PAGE_CHANNEL_LIMITS, TAB_MESSAGE_LIMIT, TokenBucket } from '../../../core/messaging/rate-limit';
import { MAX_BATCH_NAMES, MAX_BATCH_OBSERVATIONS, MAX_BATCH_TRACKS } from '../../../core/messaging/limits';
import { MAX_READING_OBSERVATIONS, MAX_READING_TRACKS, readingSchema, type ReadingInput } from '../../../core/messaging/reading';
import { routeMessage, type Handlers, type Sender } from '../../../core/messaging/router';
import { SITES } from '../../../core/sites';
import { checkPageMessage, isChannelProblem } from '../../../lib/page-channel';
import { MAX_RESPONSE_CHARS } from '../../../lib/page-observer';
import { createReadingSession, type ReaderOutcome } from '../../../lib/reading-session';
import { message } from '../../../core/i18n/typed';

describe('TokenBucket', () => {
  it('gives a burst of `capacity`, then `perSecond`; refuses without taking; a clock going back refills nothing', () => {
    const bucket = new TokenBucket({ capacity: 3, perSecond: 2 }, 0);
    expect(inEnglish([1, 2, 3, 4].map(() => bucket.take(1, 0)))).toEqual([true, true, true, false]);
    expect(bucket.take(1, 499)).toBe(false); // 0.998 tokens
    expect(bucket.take(1, 500)).toBe(true);
    expect(bucket.take(5, 10_000)).toBe(false); // never more than the capacity
    expect(bucket.take(3, 10_000)).toBe(true);
    expect(bucket.take(1, 5_000)).toBe(false);
  });
});

describe('the page channel limiter', () => {
  it('admits a burst of 60 messages, then 20 a second, and counts every message it drops', () => {
    let now = 0;
    const limiter = createChannelLimiter(() => now);
    const admitted = Array.from({ length: 1000 }, () => limiter.admit(100)).filter(Boolean).length;
    expect(admitted).toBe(PAGE_CHANNEL_LIMITS.messages.capacity);
    expect(inEnglish(limiter.takeDropped())).toEqual({ messages: 940, characters: 94_000 });
    expect(limiter.takeDropped()).toBeNull();
    now = 1000;
    expect(Array.from({ length: 100 }, () => limiter.admit(100)).filter(Boolean).length).toBe(PAGE_CHANNEL_LIMITS.messages.perSecond);
  });

  it('admits at most 32 M characters a minute: eight messages at the size cap, then drops; a refused message does not use up the rate', () => {
    let now = 0;
    const limiter = createChannelLimiter(() => now);
    const results = Array.from({ length: 12 }, () => limiter.admit(MAX_RESPONSE_CHARS));
    expect(results.filter(Boolean)).toHaveLength(8);
    // 100 ms later: 52 + 2 message tokens, the four volume refusals took none.
    now = 100;
    expect(Array.from({ length: 54 }, () => limiter.admit(10)).every(Boolean)).toBe(true);
    expect(limiter.admit(10)).toBe(false);
    expect(inEnglish(limiter.takeDropped())).toEqual({ messages: 5, characters: 4 * MAX_RESPONSE_CHARS + 10 });
    now = 60_100;
    expect(limiter.admit(MAX_RESPONSE_CHARS)).toBe(true);
    expect(limiter.takeDropped()).toBeNull();
  });
});

describe('checkPageMessage with the limiter', () => {
  const win = {};
  const good = { channel: 'crosscount:spotify:v1', url: 'https://generic.wg.spotify.com/song-stats-view/v1/artist/a/recording/t/stats', status: 200, body: '{"streams":{}}', truncated: false };
  const event = (data: unknown) => ({ source: win, origin: 'https://artists.spotify.com', data });

  it('drops a flood before parsing it; other windows and channels do not count', () => {
    const limiter = createChannelLimiter(() => 0);
    const expected = { window: win, origin: 'https://artists.spotify.com', channel: 'crosscount:spotify:v1', dataHosts: ['generic.wg.spotify.com'], limiter };
    for (let i = 0; i < 500; i++) expect(checkPageMessage({ ...event(good), source: {} }, expected)).toBeNull();
    for (let i = 0; i < 500; i++) expect(checkPageMessage(event({ ...good, channel: 'other' }), expected)).toBeNull();
    const parse = vi.spyOn(JSON, 'parse');
    const results = Array.from({ length: 200 }, () => checkPageMessage(event(good), expected)!);
    const limited = results.filter((result) => isChannelProblem(result) && result.limited);
    expect(results.length - limited.length).toBe(60);
    expect(parse).toHaveBeenCalledTimes(60);
    parse.mockRestore();
    expect(inEnglish(limited[0])).toEqual({ url: null, problem: 'over the page channel limit, dropped', limited: true });
    expect(inEnglish(limiter.takeDropped())).toEqual({ messages: 140, characters: 140 * (good.body.length + good.url.length) });
  });
});

describe("the content script's pending batch", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const track = { ref: '4uLU6hMCjMI75M1A2tKUQC', isrc: null, title: 'Harbour Lights', artists: [], spotifyTrackId: '4uLU6hMCjMI75M1A2tKUQC', distributorId: null };
  const days = (from: number, count: number): ReaderOutcome => ({
    kind: 'song-stats',
    recognised: true,
    reason: null,
    tracks: [track],
    observations: Array.from({ length: count }, (_, i) => ({ ref: track.ref, store: 'spotify', metric: 'streams' as const, day: new Date(Date.UTC(1990, 0, 1 + from + i)).toISOString().slice(0, 10), value: from + i })),
  });

  it('the caps fit the reading schema', () => {
    expect(MAX_BATCH_OBSERVATIONS).toBeLessThanOrEqual(MAX_READING_OBSERVATIONS);
    expect(MAX_BATCH_TRACKS).toBeLessThanOrEqual(MAX_READING_TRACKS);
  });

  it('is sent early when full: a page posting 45,000 counts gets three valid readings with every count, none over the cap', async () => {
    const sent: ReadingInput[] = [];
    const session = createReadingSession({ site: 'spotify', send: async (reading) => void sent.push(reading) });
    for (let i = 0; i < 9; i++) session.add(days(i * 5000, 5000), '/c/artist/a/song/t/stats');
    await vi.advanceTimersByTimeAsync(1000);
    expect(inEnglish(sent.map((reading) => reading.observations!.length))).toEqual([20_000, 20_000, 5000]);
    for (const reading of sent) expect(readingSchema.safeParse(reading).success).toBe(true);
    expect(new Set(sent.flatMap((reading) => reading.observations!.map((obs) => obs.day))).size).toBe(45_000);
    expect(new Set(sent.map((reading) => reading.id)).size).toBe(3);
  });

  it('one outcome larger than a batch goes out in several, each with its tracks', async () => {
    const sent: ReadingInput[] = [];
    const session = createReadingSession({ site: 'spotify', send: async (reading) => void sent.push(reading) });
    session.add(days(0, 50_000), '/p');
    await vi.advanceTimersByTimeAsync(1000);
    expect(inEnglish(sent.map((reading) => reading.observations!.length))).toEqual([20_000, 20_000, 10_000]);
    for (const reading of sent) expect(inEnglish(reading.tracks)).toEqual([track]);
  });

  it('keeps at most 200 shape names', async () => {
    const sent: ReadingInput[] = [];
    const session = createReadingSession({ site: 'spotify', send: async (reading) => void sent.push(reading) });
    for (let i = 0; i < 5000; i++) session.add({ kind: `shape-${i}`, recognised: false, reason: message('yieldUnknownShape'), tracks: [], observations: [] }, '/p');
    await session.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.unrecognised).toHaveLength(MAX_BATCH_NAMES);
  });

  it('reports dropped messages with the next reading, in one place, then starts counting again', async () => {
    const sent: ReadingInput[] = [];
    const session = createReadingSession({ site: 'spotify', send: async (reading) => void sent.push(reading) });
    session.noteDropped({ messages: 900, characters: 1_800_000 }, '/p');
    session.noteDropped({ messages: 40, characters: 80_000 }, '/p');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
    expect(inEnglish(readingSchema.parse(sent[0]))).toMatchObject({ status: 'unrecognised', reason: 'page messages over the page channel limit were dropped', dropped: { messages: 940, characters: 1_880_000 }, observations: [] });
    session.add(days(0, 3), '/p');
    await session.flush();
    expect(sent[1]!.dropped).toBeNull();
  });
});

describe('the background: per-tab message limit', () => {
  const site = SITES.find((candidate) => candidate.id === 'spotify')!;
  const tab = (tabId: number): Sender => ({ kind: 'content', site, tabId, incognito: false });
  const handlers = { 'cs:setOverlayCollapsed': async () => ({ collapsed: true }), 'ui:getSettings': async () => ({}) } as unknown as Handlers;

  it('answers 100 messages of a tab at once (the page channel’s 60 handed over to be read, and 40), then 30 a second; other tabs and extension pages are not held back', async () => {
    let now = 0;
    const tabLimiter = createTabLimiter(() => now);
    const send = (sender: Sender) => routeMessage(sender.kind === 'content' ? { type: 'cs:setOverlayCollapsed', payload: { collapsed: true } } : { type: 'ui:getSettings', payload: {} }, sender, handlers, { tabLimiter });
    const replies = await Promise.all(Array.from({ length: 160 }, () => send(tab(7))));
    expect(replies.filter((reply) => reply.ok)).toHaveLength(TAB_MESSAGE_LIMIT.capacity);
    expect(inEnglish(replies.find((reply) => !reply.ok))).toEqual({ ok: false, error: 'too many messages from this tab (over 30 a second): sent again later' });
    expect(tabLimiter.refusedCount()).toBe(60);
    expect(inEnglish(TAB_MESSAGE_LIMIT)).toEqual({ capacity: PAGE_CHANNEL_LIMITS.messages.capacity + 40, perSecond: PAGE_CHANNEL_LIMITS.messages.perSecond + 10 });
    expect((await send(tab(8))).ok).toBe(true);
    for (let i = 0; i < 100; i++) expect((await send({ kind: 'extension' })).ok).toBe(true);
    now = 1000;
    expect((await Promise.all(Array.from({ length: 50 }, () => send(tab(7))))).filter((reply) => reply.ok)).toHaveLength(30);
  });

  it('remembers a bounded number of tabs', () => {
    const tabLimiter = createTabLimiter(() => 0);
    for (let id = 0; id < 10_000; id++) expect(tabLimiter.admit(id)).toBe(true);
    // Tab 0 was forgotten (least recently seen): it starts with a full bucket again.
    for (let i = 0; i < TAB_MESSAGE_LIMIT.capacity; i++) expect(tabLimiter.admit(0)).toBe(true);
  });
});
