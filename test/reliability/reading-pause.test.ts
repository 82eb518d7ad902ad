/**
 * Guarantees 3 and 14 on the page's side: a reading the background could not store (it
 * answered `paused`, or never answered) is held, not dropped, and sent again — the very same
 * reading, same id — later, or as soon as another reading goes through. Held readings are
 * bounded and end with the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReadingSession, isPausedReply, type ReaderOutcome } from '../../lib/reading-session';
import type { ReadingInput } from '../../core/messaging/reading';

const track = { ref: '4uLU6hMCjMI75M1A2tKUQC', isrc: null, title: 'Harbour Lights', artists: [], spotifyTrackId: '4uLU6hMCjMI75M1A2tKUQC', distributorId: null };
const stats = (day: string, value: number): ReaderOutcome => ({
  kind: 'song-stats',
  recognised: true,
  reason: null,
  tracks: [track],
  observations: [{ ref: track.ref, store: 'spotify', metric: 'streams', day, value }],
});
const PAUSED = { readingId: 'x', added: 0, unchanged: 0, stored: false, paused: true, note: 'reading paused, nothing stored: no space' };
const STORED = { readingId: 'x', added: 1, unchanged: 0, stored: true, note: null };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function background() {
  const state = { paused: true, down: false };
  const received: ReadingInput[] = [];
  const stored = new Map<string, ReadingInput>();
  const send = async (reading: ReadingInput) => {
    received.push(reading);
    if (state.down) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (state.paused) return PAUSED;
    stored.set(reading.id, reading);
    return STORED;
  };
  return { state, received, stored, send };
}

describe('held readings', () => {
  it('recognises the paused answer', () => {
    expect(isPausedReply(PAUSED)).toBe(true);
    expect(isPausedReply(STORED)).toBe(false);
    expect(isPausedReply(undefined)).toBe(false);
    expect(isPausedReply({ paused: 'yes' })).toBe(false);
  });

  it('a paused reading is held and sent again (same reading) until stored', async () => {
    const bg = background();
    const held = vi.fn();
    const session = createReadingSession({ site: 'spotify', send: bg.send, heldRetryMs: 1000, onHeld: held });
    session.add(stats('2026-03-28', 250), '/song/1');
    await session.flush();
    expect(session.heldCount()).toBe(1);
    expect(held).toHaveBeenCalledWith(bg.received[0], PAUSED);
    await vi.advanceTimersByTimeAsync(3500);
    expect(bg.received).toHaveLength(4);
    expect(bg.stored.size).toBe(0);

    bg.state.paused = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(session.heldCount()).toBe(0);
    expect([...bg.stored.values()]).toEqual([bg.received[0]]);
    // Every attempt was the very same reading.
    expect(new Set(bg.received.map((reading) => JSON.stringify(reading))).size).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(bg.received).toHaveLength(5);
  });

  it('a reading the background never answered is held too, after the quick retries', async () => {
    const bg = background();
    bg.state.down = true;
    const failed = vi.fn();
    const session = createReadingSession({ site: 'spotify', send: bg.send, retryDelaysMs: [100], heldRetryMs: 1000, onFailed: failed });
    session.add(stats('2026-03-28', 250), '/song/1');
    const flushing = session.flush();
    await vi.advanceTimersByTimeAsync(200);
    await flushing;
    expect(failed).toHaveBeenCalledOnce();
    expect(session.heldCount()).toBe(1);
    bg.state.down = false;
    bg.state.paused = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(bg.stored.size).toBe(1);
    expect(session.heldCount()).toBe(0);
  });

  it('held readings go as soon as a new one is stored, oldest first', async () => {
    const bg = background();
    const session = createReadingSession({ site: 'spotify', send: bg.send, heldRetryMs: 60_000 });
    session.add(stats('2026-03-28', 250), '/song/1');
    await session.flush();
    session.add(stats('2026-03-28', 33), '/song/2');
    await session.flush();
    expect(session.heldCount()).toBe(2);
    bg.state.paused = false;
    session.add(stats('2026-03-28', 7), '/song/3');
    await session.flush();
    expect(session.heldCount()).toBe(0);
    expect([...bg.stored.values()].map((reading) => reading.path)).toEqual(['/song/3', '/song/1', '/song/2']);
  });

  it('holds at most maxHeld readings, the newest, and drops them all when the page goes', async () => {
    const bg = background();
    const session = createReadingSession({ site: 'spotify', send: bg.send, heldRetryMs: 60_000, maxHeld: 3 });
    for (let page = 1; page <= 5; page++) {
      session.add(stats('2026-03-28', page), `/song/${page}`);
      await session.flush();
    }
    expect(session.heldCount()).toBe(3);
    bg.state.paused = false;
    session.stop();
    expect(session.heldCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(bg.stored.size).toBe(0);
  });
});
