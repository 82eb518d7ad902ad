/**
 * Turns what a site's reader understood during one page visit into readings for the
 * background: batched (a page fires many responses at once), deterministic ids (a resent
 * reading is recognised and stored once), retried when the background does not answer (a
 * stopped service worker wakes on the next message), and flushed on in-page navigation.
 */
import type { ReadingInput, ReadingObservation, TrackRef } from '../core/messaging/reading';

/** What every site's parser returns for one response or page part. */
export interface ReaderOutcome {
  kind: string;
  recognised: boolean;
  reason: string | null;
  note?: string | null;
  tracks: readonly TrackRef[];
  observations: readonly ReadingObservation[];
}

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
}

interface Batch {
  path: string;
  recognised: Set<string>;
  unrecognised: Set<string>;
  tracks: Map<string, TrackRef>;
  observations: Map<string, ReadingObservation>;
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

  function emptyBatch(path: string): Batch {
    return { path, recognised: new Set(), unrecognised: new Set(), tracks: new Map(), observations: new Map() };
  }

  function add(outcome: ReaderOutcome, path: string): void {
    if (stopped) return;
    if (batch && batch.path !== path) void flush();
    batch ??= emptyBatch(path);
    if (outcome.recognised) batch.recognised.add(outcome.note ? `${outcome.kind} (${outcome.note})` : outcome.kind);
    if (!outcome.recognised || outcome.reason) batch.unrecognised.add(`${outcome.kind}: ${outcome.reason ?? 'not recognised'}`);
    for (const track of outcome.tracks) batch.tracks.set(track.ref, track);
    // The latest response wins for the same point (a page can ask twice).
    for (const obs of outcome.observations) batch.observations.set(`${obs.ref}|${obs.store}|${obs.metric}|${obs.day}`, obs);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), settleMs);
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
      reason: observations.length > 0 ? null : [...done.unrecognised][0]?.slice(0, 500) ?? (recognised.length > 0 ? 'recognised, but nothing to store' : 'nothing recognised'),
      recognised: trim(recognised),
      unrecognised: trim([...done.unrecognised]),
      tracks: [...done.tracks.values()],
      observations,
    };
  }

  async function deliver(reading: ReadingInput): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await options.send(reading);
        options.onSent?.(reading, reply);
        return;
      } catch (error) {
        const delay = retryDelays[attempt];
        if (delay === undefined || stopped) {
          options.onFailed?.(reading, error);
          return;
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
    await deliver(toReading(done));
  }

  return {
    add,
    flush,
    /** Stops sending (the content script's context was invalidated). */
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

export type ReadingSession = ReturnType<typeof createReadingSession>;
