/**
 * Reading sessions batch what a page visit understood into readings with deterministic ids,
 * resend the same reading when the background does not answer, and flush on navigation.
 */
import { inEnglish } from '../said';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReadingSession, type ReaderOutcome } from '../../../lib/reading-session';
import { readingSchema, type ReadingInput } from '../../../core/messaging/reading';
import { message } from '../../../core/i18n/typed';

const track = { ref: '4uLU6hMCjMI75M1A2tKUQC', isrc: null, title: 'Harbour Lights', artists: [], spotifyTrackId: '4uLU6hMCjMI75M1A2tKUQC', distributorId: null };
const day = (d: string, value: number) => ({ ref: track.ref, store: 'spotify', metric: 'streams' as const, day: d, value });
const stats = (values: [string, number][]): ReaderOutcome => ({ kind: 'song-stats', recognised: true, reason: null, tracks: [track], observations: values.map(([d, v]) => day(d, v)) });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createReadingSession', () => {
  it('names the recipe that read a batch, and never mixes two recipes (or a recipe and built-in knowledge) in one reading', async () => {
    const sent: ReadingInput[] = [];
    const session = createReadingSession({ site: 'taught-distrokid', send: async (reading) => void sent.push(reading) });
    const path = '/stats';
    const daily = { id: 'r-abcdef12', name: 'DistroKid daily' };
    session.add({ ...stats([['2026-03-03', 104]]), kind: 'recipe-series', recipe: daily }, path);
    session.add({ kind: 'candidates', recognised: false, reason: message('readerCandidatesWaiting', { count: 1 }), tracks: [], observations: [] }, path);
    session.add({ ...stats([['2026-03-04', 98]]), kind: 'recipe-series', recipe: daily }, path);
    session.add({ ...stats([['2026-03-05', 12]]), kind: 'recipe-series', recipe: { id: 'r-zyxwvu98', name: 'Apple weekly' } }, path);
    session.add(stats([['2026-03-06', 7]]), path);
    await session.flush();
    const readings = sent.map((reading) => readingSchema.parse(reading));
    expect(readings.map((reading) => [reading.recipe?.id ?? null, reading.observations.map((obs) => obs.day)])).toEqual([
      ['r-abcdef12', ['2026-03-03', '2026-03-04']],
      ['r-zyxwvu98', ['2026-03-05']],
      [null, ['2026-03-06']],
    ]);
    // A reading that stored nothing names no recipe.
    session.add({ kind: 'recipe-no-match', recognised: false, reason: message('readerRecipeNoLonger', { name: 'DistroKid daily', reason: 'path-missing' }), tracks: [], observations: [], recipe: daily }, path);
    await session.flush();
    expect(readingSchema.parse(sent.at(-1)).recipe).toBeNull();
  });

  it('sends one reading for a burst of responses, later values winning for the same day', async () => {
    const sent: ReadingInput[] = [];
    const session = createReadingSession({ site: 'spotify', send: async (reading) => void sent.push(reading), now: () => new Date('2026-04-01T10:00:00.000Z') });
    session.add(stats([['2026-03-28', 250], ['2026-03-29', 261]]), '/c/artist/a/song/t/stats');
    session.add({ kind: 'latest-date', recognised: true, reason: null, tracks: [], observations: [] }, '/c/artist/a/song/t/stats');
    session.add(stats([['2026-03-29', 262]]), '/c/artist/a/song/t/stats');
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toHaveLength(1);
    const reading = readingSchema.parse(sent[0]);
    expect(inEnglish(reading)).toMatchObject({ site: 'spotify', status: 'recognised', reason: null, recognised: ['song-stats', 'latest-date'], readAt: '2026-04-01T10:00:00.000Z' });
    expect(inEnglish(reading.observations.map((obs) => [obs.day, obs.value]))).toEqual([['2026-03-28', 250], ['2026-03-29', 262]]);
  });

  it('lists each data response of the visit with its path template, status, yield and page check', async () => {
    const sent: ReadingInput[] = [];
    const session = createReadingSession({ site: 'spotify', send: async (reading) => void sent.push(reading) });
    const path = '/c/en/artist/a/song/t/stats';
    session.add({ kind: 'latest-date', recognised: true, reason: null, note: message('readerNoData', { why: { text: message('readerHttpRateLimit', { status: '429' }) } }), tracks: [], observations: [], response: { template: '{service}/v1/meta/latest-date', status: 429 } }, path);
    session.add({ ...stats([['2026-03-28', 250]]), response: { template: 'song-stats-view/v1/artist/{a}/recording/{t}/stats', status: 200 }, check: message('checkChartAgree', { metric: { text: message('checkMetricStreams') }, count: 1 }) }, path);
    session.add({ kind: 'dom-song-page', recognised: false, reason: message('readerNoChartLabels'), tracks: [], observations: [] }, path);
    await session.flush();
    const reading = readingSchema.parse(sent[0]);
    expect(inEnglish(reading.responses)).toEqual([
      { template: '{service}/v1/meta/latest-date', status: 429, kind: 'latest-date', yielded: '0 counts; the page had no data (HTTP 429 rate limit)', check: null },
      { template: 'song-stats-view/v1/artist/{a}/recording/{t}/stats', status: 200, kind: 'song-stats', yielded: '1 count', check: "checked against the page's chart (streams): 1 of 1 day agrees" },
    ]);
  });

  it('says why nothing was read', async () => {
    const sent: ReadingInput[] = [];
    const session = createReadingSession({ site: 'spotify', send: async (reading) => void sent.push(reading) });
    session.add({ kind: 'unknown-path', recognised: false, reason: message('readerNotSpotifyPath'), tracks: [], observations: [] }, '/c/artist/a/home');
    await session.flush();
    expect(inEnglish(sent[0])).toMatchObject({ status: 'unrecognised', reason: 'unknown-path: not a Spotify for Artists data path the reader knows', observations: [] });
  });

  it('flushes the old page when the path changes, with distinct ids', async () => {
    const sent: ReadingInput[] = [];
    const session = createReadingSession({ site: 'spotify', send: async (reading) => void sent.push(reading) });
    session.add(stats([['2026-03-28', 250]]), '/song/1');
    session.add(stats([['2026-03-28', 33]]), '/song/2');
    await session.flush();
    expect(inEnglish(sent.map((reading) => reading.path))).toEqual(['/song/1', '/song/2']);
    expect(new Set(sent.map((reading) => reading.id)).size).toBe(2);
  });

  it('resends the very same reading (same id) until the background answers', async () => {
    const attempts: ReadingInput[] = [];
    let failures = 2;
    const session = createReadingSession({
      site: 'spotify',
      retryDelaysMs: [100, 100, 100],
      send: async (reading) => {
        attempts.push(reading);
        if (failures-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    });
    session.add(stats([['2026-03-28', 250]]), '/song/1');
    const flushing = session.flush();
    await vi.advanceTimersByTimeAsync(1000);
    await flushing;
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((reading) => reading.id)).size).toBe(1);
    expect(inEnglish(attempts[2])).toEqual(attempts[0]);
  });

  it('gives up after the last retry and reports it', async () => {
    const failed = vi.fn();
    const session = createReadingSession({ site: 'spotify', retryDelaysMs: [10], send: async () => Promise.reject(new Error('gone')), onFailed: failed });
    session.add(stats([['2026-03-28', 250]]), '/song/1');
    const flushing = session.flush();
    await vi.advanceTimersByTimeAsync(100);
    await flushing;
    expect(failed).toHaveBeenCalledOnce();
  });
});
