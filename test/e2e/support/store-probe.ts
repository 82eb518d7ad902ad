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
