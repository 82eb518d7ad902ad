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
import { clipMessage, type Message } from '../core/i18n/message';
import { message } from '../core/i18n/typed';

/** What every site's parser returns for one response or page part. */
export interface ReaderOutcome {
  kind: string;
  recognised: boolean;
  /** Why not recognised, or what was refused: a message (docs/i18n.md), never words. */
  reason: Message | null;
  note?: Message | null;
  tracks: readonly TrackRef[];
  observations: readonly ReadingObservation[];
  /** The data response this outcome read (absent for the page's DOM). */
  response?: { template: string; status: number };
  /** How the reading compared with what the page itself shows. */
  check?: Message | null;
  /** The recipe that read it (an added dashboard, core/recipes); absent for built-in knowledge. */
  recipe?: { id: string; name: string } | null;
}


/** What one outcome yielded, in one line for the diagnostics: "27 counts; the page had no data (HTTP 429)", "not understood: …". */
export function describeYield(outcome: ReaderOutcome): Message {
  if (!outcome.recognised) return clipMessage(message('yieldNotUnderstood', { reason: { text: outcome.reason ?? message('yieldUnknownShape') } }), 300);
  const notes = [outcome.note, outcome.reason].filter((text): text is Message => Boolean(text)).map((text) => ({ text }));
  const count = outcome.observations.length;
  return clipMessage(notes.length > 0 ? message('yieldCountsWith', { count, notes: { list: notes } }) : message('yieldCounts', { count }), 300);
}

/** A text's identity, so one reason seen twice in a visit is listed once. */
const textKey = (text: string | Message) => (typeof text === 'string' ? text : JSON.stringify(text));

export interface ReadingSessionOptions {
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
  /** Shape ids (the readers' own names, data) or a shape with its note. */
  recognised: Map<string, string | Message>;
  unrecognised: Map<string, Message>;
  tracks: Map<string, TrackRef>;
  observations: Map<string, ReadingObservation>;
  responses: ResponseSeen[];
  dropped: DroppedCount | null;
  /** One reading names one recipe: an outcome of another recipe starts a new batch. */
  recipe: { id: string; name: string } | null;
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
    return { path, recognised: new Map(), unrecognised: new Map(), tracks: new Map(), observations: new Map(), responses: [], dropped: null, recipe: null };
  }

  const addName = <T extends string | Message>(names: Map<string, T>, name: T) => {
    if (names.size < MAX_BATCH_NAMES) names.set(textKey(name), name);
  };

  /**
   * The batch for `path`, started afresh when it is full (MAX_BATCH_OBSERVATIONS or
   * MAX_BATCH_TRACKS): the full one is sent at once, so a page that keeps posting never
   * grows one batch without bound and no reading exceeds the reading schema's caps.
   */
  function batchWithRoom(path: string, observations: number, tracks: number, recipe: Batch['recipe'] = null): Batch {
    if (batch && batch.path !== path) void flush();
    if (batch && (batch.observations.size + observations > MAX_BATCH_OBSERVATIONS || batch.tracks.size + tracks > MAX_BATCH_TRACKS)) void flush();
    // Observations a recipe read carry it as their provenance: one reading, one recipe (or none).
    if (batch && observations > 0 && batch.observations.size > 0 && batch.recipe?.id !== recipe?.id) void flush();
    batch ??= emptyBatch(path);
    if (observations > 0 && batch.observations.size === 0) batch.recipe = recipe;
    return batch;
  }

  function settle(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), settleMs);
  }

  function add(outcome: ReaderOutcome, path: string): void {
    if (stopped) return;
    const tracks = outcome.tracks.slice(0, MAX_BATCH_TRACKS);
    const recipe = outcome.recipe ?? null;
    let current = batchWithRoom(path, Math.min(outcome.observations.length, MAX_BATCH_OBSERVATIONS), tracks.length, recipe);
    // Shape names ("song-timeline", "dom-trends-table") are the readers' own ids, kept as they are.
    if (outcome.recognised) addName(current.recognised, outcome.note ? message('diagShapeWithNote', { kind: outcome.kind, note: { text: outcome.note } }) : outcome.kind);
    if (!outcome.recognised || outcome.reason) addName(current.unrecognised, message('diagShapeWithReason', { kind: outcome.kind, reason: { text: outcome.reason ?? message('diagNotRecognisedShort') } }));
    if (outcome.response && current.responses.length < MAX_READING_RESPONSES) {
      const check = outcome.check ? clipMessage(outcome.check, 300) : null;
      current.responses.push({ template: outcome.response.template.slice(0, 200), status: outcome.response.status, kind: outcome.kind.slice(0, 100), yielded: describeYield(outcome), check });
    }
    for (const track of tracks) current.tracks.set(track.ref, track);
    // The latest response wins for the same point (a page can ask twice). An outcome larger
    // than a batch goes out in several, each with the outcome's tracks.
    for (const obs of outcome.observations) {
      const key = `${obs.ref}|${obs.store}|${obs.metric}|${obs.day}`;
      if (!current.observations.has(key) && current.observations.size >= MAX_BATCH_OBSERVATIONS) {
        void flush();
        current = batchWithRoom(path, 1, tracks.length, recipe);
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
    const recognised = [...done.recognised.values()];
    const trim = (values: Array<string | Message>) => values.slice(0, 200).map((value) => (typeof value === 'string' ? value.slice(0, 200) : clipMessage(value, 200)));
    const firstProblem = done.unrecognised.values().next().value;
    return {
      id: `${options.site}:${visitId}:${sequence}`,
      site: options.site,
      path: done.path.slice(0, 500),
      readAt: now().toISOString(),
      status: observations.length > 0 || recognised.length > 0 ? 'recognised' : 'unrecognised',
      reason:
        observations.length > 0
          ? null
          : firstProblem
            ? clipMessage(firstProblem, 500)
            : recognised.length > 0
              ? message('readingNothingToStore')
              : done.dropped
                ? message('readingMessagesDropped')
                : message('readingNothingRecognised'),
      recognised: trim(recognised),
      unrecognised: trim([...done.unrecognised.values()]),
      tracks: [...done.tracks.values()],
      observations,
      responses: done.responses,
      dropped: done.dropped,
      recipe: observations.length > 0 ? done.recipe : null,
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
