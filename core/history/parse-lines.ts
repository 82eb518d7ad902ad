/**
 * Reading a history file in the layout writeHistoryFile gives it (one track, observation,
 * money or provenance record per line) line by line, straight from its bytes: neither the whole text nor the
 * whole JSON tree of a 2-million-observation file ever exists, only the history itself.
 *
 * Every line passes the same checks as in ./parse.ts, in the same order. Anything this reader
 * does not expect (another layout, bad JSON, a bad value, bytes that are not UTF-8) makes it
 * give up and return null: the caller then reads the file whole with parseHistoryFile, which
 * accepts every layout and names the first problem exactly as always.
 */
import type { History } from '../model/history';
import type { Observation, Track } from '../model/schema';
import { MAX_HISTORY_BYTES, MAX_HISTORY_OBSERVATIONS } from './history-file';
import { checkHeader, parseMoney, parseObservation, parseProvenance, parseTracks, TextPool } from './parse';

const CHUNK_BYTES = 1 << 20;

function* chunksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, Math.min(bytes.length, at + CHUNK_BYTES));
}

/** The file's lines, decoded chunk by chunk (throws on bytes that are not UTF-8, or past MAX_HISTORY_BYTES). */
function* linesOf(chunks: Iterable<Uint8Array>): Generator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let pending = '';
  let total = 0;
  for (const chunk of chunks) {
    total += chunk.length;
    if (total > MAX_HISTORY_BYTES) throw new NotThisLayout();
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      yield pending.slice(start, end);
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield pending;
}

class NotThisLayout extends Error {}

/** A list item line: `    {…},` (or without the comma when `last`). */
function item(line: string): unknown {
  if (!line.startsWith('    {')) throw new NotThisLayout();
  const text = line.endsWith(',') ? line.slice(4, -1) : line.slice(4);
  return JSON.parse(text);
}

export function parseHistoryLines(bytes: Uint8Array): History | null {
  if (bytes.length > MAX_HISTORY_BYTES) return null;
  return parseHistoryLineChunks(chunksOf(bytes));
}

/**
 * The same, from the file's bytes in chunks as they are read (the CLI reads a history file
 * this way: the whole file's bytes never exist either). Null as above: the caller then reads
 * the file whole.
 */
export function parseHistoryLineChunks(chunks: Iterable<Uint8Array>): History | null {
  const lines = linesOf(chunks);
  try {
    return read(lines);
  } catch {
    return null;
  } finally {
    // Closes the chunks' source too (a file being read) when the reader gave up half-way.
    lines.return(undefined);
  }
}

function read(lines: Generator<string>): History {
  const next = (): string => {
    const line = lines.next();
    if (line.done) throw new NotThisLayout();
    return line.value;
  };
  if (next() !== '{') throw new NotThisLayout();
  const header: Record<string, unknown> = {};
  for (const key of ['format', 'version', 'exportedAt']) {
    const line = next();
    const prefix = `  "${key}": `;
    if (!line.startsWith(prefix) || !line.endsWith(',')) throw new NotThisLayout();
    header[key] = JSON.parse(line.slice(prefix.length, -1));
  }
  checkHeader(header);

  // A list: `  "name": [` … `  ]` followed by `after`, or `  "name": []` + `after` on one line.
  function* list(name: string, opened?: string): Generator<unknown, string> {
    const open = opened ?? next();
    if (open.startsWith(`  "${name}": []`)) return open.slice(`  "${name}": []`.length);
    if (open !== `  "${name}": [`) throw new NotThisLayout();
    for (;;) {
      const line = next();
      if (line.startsWith('  ]')) return line.slice(3);
      yield item(line);
    }
  }
  function all(name: string, opened?: string): { items: unknown[]; after: string } {
    const items: unknown[] = [];
    const iterator = list(name, opened);
    for (let step = iterator.next(); ; step = iterator.next()) {
      if (step.done) return { items, after: step.value };
      items.push(step.value);
    }
  }

  const rawTracks = all('tracks');
  if (rawTracks.after !== ',') throw new NotThisLayout();
  const tracks: Track[] = parseTracks(rawTracks.items);
  const trackIds = new Set(tracks.map((track) => track.id));

  const observations: Observation[] = [];
  const shared = new TextPool();
  const iterator = list('observations');
  let afterObservations: string;
  for (let step = iterator.next(); ; step = iterator.next()) {
    if (step.done) {
      afterObservations = step.value;
      break;
    }
    if (observations.length >= MAX_HISTORY_OBSERVATIONS) throw new NotThisLayout();
    observations.push(parseObservation(step.value, observations.length, trackIds, shared));
  }
  const history: History = { tracks, observations };
  // The optional lists, in the order writeHistoryFile writes them: weeks, money, then provenance.
  let after = afterObservations;
  let open = after === ',' ? next() : null;
  if (open !== null && open.startsWith('  "weeks": ')) {
    const weeks = list('weeks', open);
    for (let step = weeks.next(), index = 0; ; step = weeks.next(), index++) {
      if (step.done) {
        after = step.value;
        break;
      }
      if (observations.length >= MAX_HISTORY_OBSERVATIONS) throw new NotThisLayout();
      observations.push(parseObservation(step.value, index, trackIds, shared, 'weeks'));
    }
    open = after === ',' ? next() : null;
  }
  if (open !== null && open.startsWith('  "money": ')) {
    const rawMoney = all('money', open);
    history.money = parseMoney(rawMoney.items, trackIds);
    after = rawMoney.after;
    open = after === ',' ? next() : null;
  }
  if (open !== null && open.startsWith('  "provenance": ')) {
    const rawProvenance = all('provenance', open);
    history.provenance = parseProvenance(rawProvenance.items);
    after = rawProvenance.after;
    open = null;
  }
  if (open !== null || after !== '') throw new NotThisLayout();
  if (next() !== '}') throw new NotThisLayout();
  for (let rest = lines.next(); !rest.done; rest = lines.next()) if (rest.value.trim() !== '') throw new NotThisLayout();
  return history;
}
