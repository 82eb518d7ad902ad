/**
 * Turns what a site's reader understood during one page visit into readings for the
 * background: batched (a page fires many responses at once), deterministic ids (a resent
 * reading is recognised and stored once), retried when the background does not answer (a
 * stopped service worker wakes on the next message), and flushed on in-page navigation.
 * When the background says reading is paused (its database fails) or never answers, the
 * reading is held, not dropped, and sent again later: the same id, so it is stored once.
 */
import type { ReadingInput, ReadingObservation, ResponseSeen, TrackRef } from '../core/messaging/reading';
import { MAX_BATCH_NAMES, MAX_BATCH_OBSERVATIONS, MAX_BATCH_TRACKS, MAX_READING_RESPONSES } from '../core/messaging/limits';
import type { DroppedCount } from '../core/messaging/rate-limit';

/** What every site's parser returns for one response or page part. */
export interface ReaderOutcome {
  kind: string;
  recognised: boolean;
  reason: string | null;
  note?: string | null;
  tracks: readonly TrackRef[];
  observations: readonly ReadingObservation[];
  /** The data response this outcome read (absent for the page's DOM). */
  response?: { template: string; status: number };
  /** How the reading compared with what the page itself shows, in words. */
  check?: string | null;
}

/** What one outcome yielded, in one line for the diagnostics. */
function describeYield(outcome: ReaderOutcome): string {
  if (!outcome.recognised) return `not understood: ${outcome.reason ?? 'unknown shape'}`.slice(0, 300);
  const parts = [`${outcome.observations.length} count${outcome.observations.length === 1 ? '' : 's'}`];
  if (outcome.note) parts.push(outcome.note);
  if (outcome.reason) parts.push(outcome.reason);
  return parts.join('; ').slice(0, 300);
}

interface ReadingSessionOptions {
  site: ReadingInput['site'];
  send(reading: ReadingInput): Promise<unknown>;
  now?: () => Date;
  /** Wait this long after the last outcome before sending (responses come in bursts). */
  settleMs?: number;
  /** Waits between attempts when the background does not answer. */
  retryDelaysMs?: readonly number[];
  onSent?(reading: ReadingInput, reply: unknown): void;
  onFailed?(reading: ReadingInput, error: unknown): void;
  /** True for a reply saying the background could not store it now (`paused`). */
  isPaused?(reply: unknown): boolean;
  /** Called when a reading is held for later (paused, or no answer after every retry). */
  onHeld?(reading: ReadingInput, why: unknown): void;
  /** How long held readings wait before they are sent again. */
  heldRetryMs?: number;
  /** At most this many readings are held (the oldest give way): a page visit's memory is bounded. */
  maxHeld?: number;
}

/** A reply saying the reading was not stored and should come again (cs:reading's `paused`). */
export function isPausedReply(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && (reply as { paused?: unknown }).paused === true;
}

interface Batch {
  path: string;
  recognised: Set<string>;
  unrecognised: Set<string>;
  tracks: Map<string, TrackRef>;
  observations: Map<string, ReadingObservation>;
  responses: ResponseSeen[];
  dropped: DroppedCount | null;
}

export function createReadingSession(options: ReadingSessionOptions) {
  const now = options.now ?? (() => new Date());
  const settleMs = options.settleMs ?? 400;
  const retryDelays = options.retryDelaysMs ?? [500, 2000, 8000];
  const visitId = `${now().getTime().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  let sequence = 0;
  let batch: Batch | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const isPaused = options.isPaused ?? isPausedReply;
  const heldRetryMs = options.heldRetryMs ?? 30_000;
  const maxHeld = options.maxHeld ?? 50;
  /** Readings not stored yet, by id (a reading held twice is one reading). */
  const held = new Map<string, ReadingInput>();
  let heldTimer: ReturnType<typeof setTimeout> | null = null;

  function emptyBatch(path: string): Batch {
    return { path, recognised: new Set(), unrecognised: new Set(), tracks: new Map(), observations: new Map(), responses: [], dropped: null };
  }

  const addName = (names: Set<string>, name: string) => {
    if (names.size < MAX_BATCH_NAMES) names.add(name);
  };

  /**
   * The batch for `path`, started afresh when it is full (MAX_BATCH_OBSERVATIONS or
   * MAX_BATCH_TRACKS): the full one is sent at once, so a page that keeps posting never
   * grows one batch without bound and no reading exceeds the reading schema's caps.
   */
  function batchWithRoom(path: string, observations: number, tracks: number): Batch {
    if (batch && batch.path !== path) void flush();
    if (batch && (batch.observations.size + observations > MAX_BATCH_OBSERVATIONS || batch.tracks.size + tracks > MAX_BATCH_TRACKS)) void flush();
    batch ??= emptyBatch(path);
    return batch;
  }

  function settle(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), settleMs);
  }

  function add(outcome: ReaderOutcome, path: string): void {
    if (stopped) return;
    const tracks = outcome.tracks.slice(0, MAX_BATCH_TRACKS);
    let current = batchWithRoom(path, Math.min(outcome.observations.length, MAX_BATCH_OBSERVATIONS), tracks.length);
    if (outcome.recognised) addName(current.recognised, outcome.note ? `${outcome.kind} (${outcome.note})` : outcome.kind);
    if (!outcome.recognised || outcome.reason) addName(current.unrecognised, `${outcome.kind}: ${outcome.reason ?? 'not recognised'}`);
    if (outcome.response && current.responses.length < MAX_READING_RESPONSES) {
      current.responses.push({ template: outcome.response.template.slice(0, 200), status: outcome.response.status, kind: outcome.kind.slice(0, 100), yielded: describeYield(outcome), check: outcome.check?.slice(0, 300) ?? null });
    }
    for (const track of tracks) current.tracks.set(track.ref, track);
    // The latest response wins for the same point (a page can ask twice). An outcome larger
    // than a batch goes out in several, each with the outcome's tracks.
    for (const obs of outcome.observations) {
      const key = `${obs.ref}|${obs.store}|${obs.metric}|${obs.day}`;
      if (!current.observations.has(key) && current.observations.size >= MAX_BATCH_OBSERVATIONS) {
        void flush();
        current = batchWithRoom(path, 0, tracks.length);
        for (const track of tracks) current.tracks.set(track.ref, track);
      }
      current.observations.set(key, obs);
    }
    settle();
  }

  /** Counts page messages dropped over the channel's limits; the next reading says so (diagnostics). */
  function noteDropped(dropped: DroppedCount, path: string): void {
    if (stopped) return;
    const current = batchWithRoom(path, 0, 0);
    current.dropped = { messages: (current.dropped?.messages ?? 0) + dropped.messages, characters: (current.dropped?.characters ?? 0) + dropped.characters };
    settle();
  }

  function toReading(done: Batch): ReadingInput {
    sequence += 1;
    const observations = [...done.observations.values()];
    const recognised = [...done.recognised];
    const trim = (values: string[]) => values.slice(0, 200).map((value) => value.slice(0, 200));
    return {
      id: `${options.site}:${visitId}:${sequence}`,
      site: options.site,
      path: done.path.slice(0, 500),
      readAt: now().toISOString(),
      status: observations.length > 0 || recognised.length > 0 ? 'recognised' : 'unrecognised',
      reason: observations.length > 0 ? null : [...done.unrecognised][0]?.slice(0, 500) ?? (recognised.length > 0 ? 'recognised, but nothing to store' : done.dropped ? 'page messages over the page channel limit were dropped' : 'nothing recognised'),
      recognised: trim(recognised),
      unrecognised: trim([...done.unrecognised]),
      tracks: [...done.tracks.values()],
      observations,
      responses: done.responses,
      dropped: done.dropped,
    };
  }

  function hold(reading: ReadingInput, why: unknown): void {
    if (stopped) return;
    held.delete(reading.id);
    held.set(reading.id, reading);
    while (held.size > maxHeld) held.delete(held.keys().next().value!);
    options.onHeld?.(reading, why);
    heldTimer ??= setTimeout(() => {
      heldTimer = null;
      void resendHeld();
    }, heldRetryMs);
  }

  /** Sends the held readings again, oldest first; those still not stored are held again. */
  let resending = false;
  async function resendHeld(): Promise<void> {
    if (resending) return;
    resending = true;
    try {
      // Each reading stays held until the background has it, so `heldCount` never says 0 while
      // one is still on its way; one that fails again is held again by deliver().
      for (const reading of [...held.values()]) {
        if (stopped) return;
        if (await deliver(reading)) held.delete(reading.id);
      }
    } finally {
      resending = false;
    }
  }

  /** True when the background stored (or deliberately refused) the reading. */
  async function deliver(reading: ReadingInput): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await options.send(reading);
        if (isPaused(reply)) {
          hold(reading, reply);
          return false;
        }
        options.onSent?.(reading, reply);
        return true;
      } catch (error) {
        const delay = retryDelays[attempt];
        if (delay === undefined || stopped) {
          options.onFailed?.(reading, error);
          hold(reading, error);
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const done = batch;
    batch = null;
    if (!done) return;
    // The background answered: whatever was held may go through now too.
    if ((await deliver(toReading(done))) && held.size > 0) {
      if (heldTimer) clearTimeout(heldTimer);
      heldTimer = null;
      await resendHeld();
    }
  }

  return {
    add,
    noteDropped,
    flush,
    /** Stops sending (the content script's context was invalidated). */
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (heldTimer) clearTimeout(heldTimer);
      held.clear();
    },
    /** How many readings wait to be sent again. */
    heldCount(): number {
      return held.size;
    },
  };
}
