/**
 * Writing a history file (docs/contracts.md §1). The history is normalised first (mergeHistories of one
 * input), so equal histories give byte-equal files. One track or observation per line keeps a
 * 2-million-observation file readable in a text editor and friendly to line-based diffs.
 */
import type { History } from '../model/history';
import type { MoneyRecord } from '../model/money';
import type { ProvenanceRecord } from '../model/provenance';
import { WEEK_METRIC, type Observation, type Track } from '../model/schema';
import { HISTORY_FORMAT, HISTORY_VERSION } from './history-file';
import { normaliseHistory } from './merge';

export function writeHistoryFile(history: History, exportedAt: Date): string {
  return [...historyFileChunks(history, exportedAt)].join('');
}

/** The history file as text chunks of a few thousand lines each (a file of any size streams). */
export function* historyFileChunks(history: History, exportedAt: Date, linesPerChunk = 4096): Generator<string> {
  const { tracks, observations, money, provenance } = normaliseHistory(history);
  yield [
    '{',
    `  "format": ${JSON.stringify(HISTORY_FORMAT)},`,
    `  "version": ${HISTORY_VERSION},`,
    `  "exportedAt": ${JSON.stringify(exportedAt.toISOString())},`,
    '',
  ].join('\n');
  yield* listChunks('tracks', tracks, trackJson, ',', linesPerChunk);
  // `weeks`, `money` and `provenance` only when there is some: a history without them is written exactly as before.
  const hasMoney = money !== undefined && money.length > 0;
  const hasProvenance = provenance !== undefined && provenance.length > 0;
  // Weekly counts in a list of their own (docs/contracts.md §1 "Weeks"): readers that do not know the metric are unaffected.
  const weeks = observations.filter((obs) => obs.metric === WEEK_METRIC);
  const counts = weeks.length > 0 ? observations.filter((obs) => obs.metric !== WEEK_METRIC) : observations;
  yield* listChunks('observations', counts, observationJson, weeks.length > 0 || hasMoney || hasProvenance ? ',' : '', linesPerChunk);
  if (weeks.length > 0) yield* listChunks('weeks', weeks, observationJson, hasMoney || hasProvenance ? ',' : '', linesPerChunk);
  if (hasMoney) yield* listChunks('money', money, moneyJson, hasProvenance ? ',' : '', linesPerChunk);
  if (hasProvenance) yield* listChunks('provenance', provenance, provenanceJson, '', linesPerChunk);
  yield '}\n';
}

function* listChunks<T>(name: string, items: readonly T[], toJson: (item: T) => string, after: string, linesPerChunk: number): Generator<string> {
  if (items.length === 0) {
    yield `  "${name}": []${after}\n`;
    return;
  }
  let lines: string[] = [`  "${name}": [`];
  for (let i = 0; i < items.length; i++) {
    lines.push(`    ${toJson(items[i]!)}${i < items.length - 1 ? ',' : ''}`);
    if (lines.length >= linesPerChunk) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  lines.push(`  ]${after}`);
  yield lines.join('\n') + '\n';
}

// Fixed key order, as in docs/contracts.md §1, whatever order the objects were built in.
function trackJson(track: Track): string {
  return JSON.stringify({
    id: track.id,
    isrc: track.isrc,
    title: track.title,
    artists: track.artists,
    spotifyTrackIds: track.spotifyTrackIds,
    distributorIds: track.distributorIds,
  });
}

function observationJson(obs: Observation): string {
  return JSON.stringify({
    track: obs.track,
    source: obs.source,
    store: obs.store,
    metric: obs.metric,
    day: obs.day,
    value: obs.value,
    observedAt: obs.observedAt,
  });
}

function moneyJson(record: MoneyRecord): string {
  return JSON.stringify({
    track: record.track,
    source: record.source,
    store: record.store,
    month: record.month,
    statement: record.statement,
    currency: record.currency,
    amount: record.amount,
    streams: record.streams,
    observedAt: record.observedAt,
  });
}

function provenanceJson(record: ProvenanceRecord): string {
  return JSON.stringify({
    source: record.source,
    observedAt: record.observedAt,
    recipe: record.recipe,
    recipeName: record.recipeName,
    confirmedAt: record.confirmedAt,
    origin: record.origin,
  });
}
