/**
 * Guarantees 1 and 3 in the real browser (Chromium, the built extension): the background
 * service worker is stopped through the DevTools protocol (ServiceWorker.stopAllWorkers) at
 * random moments while a large import is being written and while a dashboard's reading is
 * being sent. Every earlier observation stays as it was, each interrupted batch is stored
 * whole or not at all (never half), and a resent batch or reading is stored exactly once.
 *
 * The moments come from a seeded generator (CROSSCOUNT_CHAOS_SEED to replay a run; the seed
 * is printed), spread over the measured length of a write so that some stops land inside it.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { writeHistoryFile } from '../../core/history/write';
import type { History } from '../../core/model/history';
import type { Observation } from '../../core/model/schema';
import type { ReadingRecord } from '../../core/messaging/protocol';
import { test, expect } from './support/extension';
import { seededRandom } from '../unit/compare/synthetic';
import { SONG_1, songUrl, STORED_DAYS } from './journeys/spotify-fixture';

const SEED = Number(process.env.CROSSCOUNT_CHAOS_SEED ?? Date.now() % 1_000_000);
const ROUNDS = 4;
const SONG_URL = songUrl(SONG_1);
const random = seededRandom;

const key = (obs: Observation) => `${obs.track}|${obs.source}|${obs.store}|${obs.metric}|${obs.day}|${obs.observedAt}`;

/** `tracks` songs read daily for `days` days from 2012-01-01: one batch of the artist's history. */
function batch(label: string, isrcBase: number, tracks: number, days: number): History {
  const start = Date.UTC(2012, 0, 1);
  const history: History = { tracks: [], observations: [] };
  for (let t = 0; t < tracks; t++) {
    const id = `t-${label}-${t}`;
    history.tracks.push({ id, isrc: `CHA01${String(isrcBase + t).padStart(7, '0')}`, title: `${label} song ${t}`, artists: ['Lake Avenue'], spotifyTrackIds: [], distributorIds: {} });
    for (let d = 0; d < days; d++) {
      const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      history.observations.push({ track: id, source: 'imusician', store: 'spotify', metric: 'streams', day, value: 20 + ((d * 7 + t) % 31), observedAt: `${day}T23:00:00.000Z` });
    }
  }
  return history;
}

async function send<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ([type, payload]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  );
  const answer = reply as { ok: boolean; data: T; error?: string } | undefined;
  if (!answer?.ok) throw new Error(`${type}: ${answer?.error ?? 'no answer'}`);
  return answer.data;
}

/** Starts an import without waiting for it; `settled()` gives what became of the message. */
async function startImport(page: Page, text: string): Promise<{ settled(): Promise<string> }> {
  await page.evaluate((text) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    (window as unknown as { __import: Promise<string> }).__import = runtime.sendMessage({ type: 'ui:importHistory', payload: { fileName: 'batch.json', text } }).then(
      (reply) => JSON.stringify(reply ?? 'no answer'),
      (error: unknown) => `rejected: ${String(error)}`,
    );
  }, text);
  return { settled: () => page.evaluate(() => (window as unknown as { __import: Promise<string> }).__import) };
}

async function stopWorker(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
}

/** The stored observations of `part`'s tracks (matched by ISRC: stored track ids may differ). */
function storedOf(history: History, part: History): Observation[] {
  const isrcs = new Set(part.tracks.map((track) => track.isrc));
  const ids = new Set(history.tracks.filter((track) => isrcs.has(track.isrc)).map((track) => track.id));
  return history.observations.filter((obs) => ids.has(obs.track));
}

function expectIntact(after: History, before: History): void {
  const now = new Map(after.observations.map((obs) => [key(obs), obs.value]));
  const missing = before.observations.filter((obs) => now.get(key(obs)) !== obs.value);
  expect(missing, 'every earlier observation is still there with its value').toEqual([]);
  const tracks = new Set(after.tracks.map((track) => JSON.stringify(track)));
  expect(before.tracks.filter((track) => !tracks.has(JSON.stringify(track))), 'every earlier track is unchanged').toEqual([]);
}

async function openCdp(context: BrowserContext, page: Page): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return cdp;
}

test.describe.configure({ timeout: 180_000 });

/**
 * Installed in the running worker: the `n`-th observation write of the next import keeps its
 * transaction open (a chain of reads) and says so, so the test stops the worker with the
 * batch certainly half-written and uncommitted. A restarted worker runs the plain code again.
 */
function holdImportAtWrite(n: number): void {
  const scope = globalThis as unknown as { __heldAt?: number; __writes?: number };
  scope.__writes = 0;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const request = put.apply(this, args);
    if (this.name === 'observations' && scope.__heldAt === undefined && ++scope.__writes! === n) {
      scope.__heldAt = n;
      const spin = () => {
        this.count().onsuccess = spin;
      };
      spin();
    }
    return request;
  } as IDBObjectStore['put'];
}

test('stopping the service worker mid-import keeps history and stores each batch whole or not at all', async ({ context, openExtensionPage }) => {
  const next = random(SEED);
  console.log(`worker-stop seed: ${SEED} (CROSSCOUNT_CHAOS_SEED=${SEED} replays it)`);
  const page = await openExtensionPage('options.html');
  const cdp = await openCdp(context, page);
  const now = new Date('2026-04-20T10:00:00.000Z');

  // What the artist had before: stored normally.
  await send(page, 'ui:importHistory', { fileName: 'earlier.json', text: writeHistoryFile(batch('earlier', 1, 2, 365), now) });
  // The length of one large write (warm), to aim the random stops inside it.
  const size = { tracks: 24, days: 400 };
  const calibration = batch('calibration', 100, size.tracks, size.days);
  const started = Date.now();
  await send(page, 'ui:importHistory', { fileName: 'calibration.json', text: writeHistoryFile(calibration, now) });
  const writeMs = Date.now() - started;
  console.log(`one import of ${calibration.observations.length} observations takes ${writeMs} ms`);

  let earlier = await send<History>(page, 'ui:getHistory', {});
  const outcomes: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const part = batch(`round${round}`, 1000 * round, size.tracks, size.days);
    const text = writeHistoryFile(part, now);
    // Odd rounds: held inside the write at a random record, then stopped (certainly mid-batch).
    // Even rounds: stopped at a random moment of the measured write time (wherever it lands).
    const held = round % 2 === 1;
    let moment: string;
    if (held) {
      await send(page, 'ui:status', {});
      const worker = context.serviceWorkers().at(-1)!;
      const write = 1 + Math.floor(next() * 100);
      await worker.evaluate(holdImportAtWrite, write);
      const importing = await startImport(page, text);
      await expect.poll(() => worker.evaluate(() => (globalThis as unknown as { __heldAt?: number }).__heldAt ?? null), { timeout: 30_000 }).toBe(write);
      await stopWorker(cdp);
      await importing.settled();
      moment = `held at record write ${write}`;
    } else {
      const delay = Math.round(next() * writeMs);
      const importing = await startImport(page, text);
      await page.waitForTimeout(delay);
      await stopWorker(cdp);
      const answer = await importing.settled();
      moment = `stopped after ${delay} ms (the import ${answer.startsWith('{"ok":true') ? 'had answered' : 'had not answered'})`;
    }

    // The next message starts a new worker.
    const after = await send<History>(page, 'ui:getHistory', {});
    expectIntact(after, earlier);
    const stored = storedOf(after, part).length;
    outcomes.push(`round ${round}: ${moment} → ${stored === 0 ? 'absent' : stored === part.observations.length ? 'whole' : `HALF (${stored})`}`);
    expect([0, part.observations.length], `round ${round}: the batch is whole or absent`).toContain(stored);
    if (held) expect(stored, `round ${round}: a batch cut off inside its transaction is absent`).toBe(0);

    // Sent again, it is stored once: whole, each observation once.
    const resent = await send<{ observationsAdded: number; observationsUnchanged: number }>(page, 'ui:importHistory', { fileName: 'batch.json', text });
    expect(resent).toEqual(expect.objectContaining({ observationsAdded: part.observations.length - stored, observationsUnchanged: stored }));
    const whole = await send<History>(page, 'ui:getHistory', {});
    expect(storedOf(whole, part)).toHaveLength(part.observations.length);
    expect(whole.observations.length).toBe(earlier.observations.length + part.observations.length);
    earlier = whole;
  }
  console.log(outcomes.join('\n'));
});

/**
 * Installed in the running worker: the first write of a reading's record (the last write of
 * its transaction, after its observations) keeps that transaction open (a chain of reads) and
 * says so, so the test stops the worker with the batch certainly half-written, uncommitted.
 * A restarted worker runs the plain code again.
 */
function holdNextReading(): void {
  const scope = globalThis as unknown as { __held?: string; __holdInstalled?: boolean };
  if (scope.__holdInstalled) return;
  scope.__holdInstalled = true;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const request = put.apply(this, args);
    if (this.name === 'readings' && scope.__held === undefined) {
      scope.__held = String((args[0] as { id: string }).id);
      const spin = () => {
        this.count().onsuccess = spin;
      };
      spin();
    }
    return request;
  } as IDBObjectStore['put'];
}

test('a reading cut off mid-write by a stopped worker is stored whole when resent, exactly once', async ({ context, openExtensionPage }) => {
  const probe = await openExtensionPage('options.html');
  const cdp = await openCdp(context, probe);
  const dashboard = await context.newPage();
  const lines: string[] = [];
  const readingsLog = async () => (await send<{ readings: ReadingRecord[] }>(probe, 'ui:getReadings', { limit: 1000 })).readings;
  for (let visit = 1; visit <= 3; visit++) {
    // A running worker (the status message starts one), with the hold installed in it.
    await send(probe, 'ui:status', {});
    const worker = context.serviceWorkers().at(-1)!;
    await worker.evaluate(holdNextReading);
    const started = Date.now();
    await dashboard.goto(SONG_URL);
    const held = await expect
      .poll(() => worker.evaluate(() => (globalThis as unknown as { __held?: string }).__held ?? null), { message: `visit ${visit}: the reading reaches the store`, timeout: 15_000 })
      .not.toBeNull()
      .then(() => worker.evaluate(() => (globalThis as unknown as { __held: string }).__held));
    await stopWorker(cdp);
    // The content script's message failed with the worker; it sends the same reading again.
    await expect
      .poll(async () => (await readingsLog()).filter((record) => record.id === held).length, { message: `visit ${visit}: ${held} is stored when resent`, timeout: 20_000 })
      .toBe(1);
    lines.push(`visit ${visit}: ${held} held mid-write, worker stopped; stored once ${Date.now() - started} ms after the visit began`);
  }
  console.log(lines.join('\n'));
  const readings = await readingsLog();
  const ids = readings.map((reading) => reading.id);
  expect(new Set(ids).size).toBe(ids.length);
  // The song's days are all there, each value once: the first visit's resend added them, the
  // later visits (same values) added nothing.
  const history = await send<History>(probe, 'ui:getHistory', {});
  const track = history.tracks.find((candidate) => candidate.spotifyTrackIds.includes(SONG_1))!;
  const daily = history.observations.filter((obs) => obs.track === track.id && obs.metric === 'streams' && obs.source === 'spotify');
  expect(new Set(daily.map((obs) => obs.day)).size).toBe(STORED_DAYS);
  expect(daily).toHaveLength(STORED_DAYS);
  const spotifyObservations = history.observations.filter((obs) => obs.source === 'spotify').length;
  expect(readings.reduce((sum, record) => sum + record.addedCount, 0)).toBe(spotifyObservations);
});
