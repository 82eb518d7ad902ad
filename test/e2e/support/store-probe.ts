/**
 * Reads what the extension stored, through its own message protocol from one of its pages
 * (the same way the history page does), so tests check the store and not the screen only.
 */
import type { Page } from '@playwright/test';
import type { History } from '../../../core/model/history';

export async function storedHistory(extensionPage: Page): Promise<History> {
  return extensionPage.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    const reply = (await runtime.sendMessage({ type: 'ui:getHistory', payload: {} })) as { ok: boolean; data: unknown; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as History;
  });
}

/** Observations of one metric for the track with this Spotify id, as day → value. */
export function dailyValues(history: History, spotifyTrackId: string, metric = 'streams'): Record<string, number> {
  const track = history.tracks.find((candidate) => candidate.spotifyTrackIds.includes(spotifyTrackId));
  if (!track) return {};
  const values: Record<string, number> = {};
  for (const obs of history.observations) {
    if (obs.track === track.id && obs.metric === metric && obs.source === 'spotify') values[obs.day] = obs.value;
  }
  return values;
}

/** One stored day of a dashboard the artist taught: its value and the recipe that read it (null: built-in knowledge). */
export interface TaughtDay {
  value: number;
  store: string;
  recipe: string | null;
}

/**
 * The latest stored revision of each day a source (an added dashboard's id, `taught-…`) holds
 * for the recording with this ISRC, with the recipe its reading's provenance names.
 */
export function taughtDays(history: History, source: string, isrc: string, metric = 'streams'): Record<string, TaughtDay> {
  const track = history.tracks.find((candidate) => candidate.isrc === isrc);
  if (!track) return {};
  const recipeOf = new Map((history.provenance ?? []).filter((record) => record.source === source).map((record) => [record.observedAt, record.recipe]));
  const latest: Record<string, TaughtDay & { observedAt: string }> = {};
  for (const obs of history.observations) {
    if (obs.track !== track.id || obs.source !== source || obs.metric !== metric) continue;
    const seen = latest[obs.day];
    if (seen && seen.observedAt >= obs.observedAt) continue;
    latest[obs.day] = { value: obs.value, store: obs.store, recipe: recipeOf.get(obs.observedAt) ?? null, observedAt: obs.observedAt };
  }
  return Object.fromEntries(Object.entries(latest).map(([day, { value, store, recipe }]) => [day, { value, store, recipe }]));
}
