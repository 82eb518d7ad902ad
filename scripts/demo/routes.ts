/**
 * Serves the demo dashboards at their real hosts: the same fixture pages the end-to-end tests
 * use, with the demo artist's numbers computed for today. Nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
import { addDays, dayRange, isDay, type Day } from '../../core/model/day';
import { fixtureHeaders } from '../../test/fixtures/pages/index';
import { DEMO_RECORDINGS, imusicianStreams, lastImusicianDay, s4aStreams } from './catalog';

const PAGES = resolve(import.meta.dirname, '../../test/fixtures/pages');

type Answer = { status: number; contentType: string; body: string };

const json = (value: unknown): Answer => ({ status: 200, contentType: 'application/json', body: JSON.stringify(value) });
const page = (file: string): Answer => ({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(resolve(PAGES, file), 'utf8') });

function range(url: URL, fromKey: string, toKey: string, today: Day): Day[] {
  const from = url.searchParams.get(fromKey) ?? '';
  const to = url.searchParams.get(toKey) ?? '';
  return isDay(from) && isDay(to) && from <= to ? dayRange(from, to < today ? to : today) : [];
}

export function demoAnswer(raw: string, today: Day): Answer | null {
  const url = new URL(raw);
  if (url.host === 'artists.spotify.com' && url.pathname.startsWith('/c/artist/')) return page('spotify/app.html');
  if (url.host === 'www.imusician.pro' && url.pathname === '/app/analytics/trends') return page('imusician/trends.html');
  if (url.host === 'generic.wg.spotify.com') {
    if (url.pathname.endsWith('/meta/latest-date')) return json({ latestDate: addDays(today, -1) });
    if (url.pathname.includes('/catalog-view/')) return json({ songs: DEMO_RECORDINGS.map((r) => ({ id: r.spotifyTrackId, trackName: r.title })) });
    const stats = url.pathname.match(/\/recording\/([0-9A-Za-z]{22})\/stats$/);
    const recording = stats && DEMO_RECORDINGS.find((r) => r.spotifyTrackId === stats[1]);
    if (recording) {
      const days = range(url, 'fromDate', 'toDate', today);
      const streams = days.map((day) => ({ x: day, y: String(s4aStreams(recording, day, today)) }));
      const listeners = days.map((day) => ({ x: day, y: String(Math.max(0, Math.round(s4aStreams(recording, day, today) * 0.64))) }));
      const total = (points: { y: string }[]) => String(points.reduce((sum, point) => sum + Number(point.y), 0));
      return json({ streams: { current_period_timeseries: streams, current_period_agg: total(streams) }, listeners: { current_period_timeseries: listeners, current_period_agg: total(listeners) } });
    }
  }
  if (url.host === 'www.imusician.pro') {
    const trends = url.pathname.match(/^\/api\/v1\/analytics\/trends\/tracks\/(\d+)$/);
    const recording = trends && DEMO_RECORDINGS.find((r) => r.imusicianId === trends[1]);
    if (recording) {
      const last = lastImusicianDay(today);
      const days = range(url, 'from', 'to', today).filter((day) => day <= last);
      return json({
        track: { id: Number(recording.imusicianId), isrc: recording.isrc, title: recording.title, artist: 'Lake Avenue' },
        daily: days.map((day) => ({ date: day, streams: imusicianStreams(recording, day, today) })),
      });
    }
  }
  return null;
}

export async function routeDemoSites(context: BrowserContext, today: Day): Promise<void> {
  const handle = async (route: Route) => {
    const url = route.request().url();
    const answer = route.request().method() === 'OPTIONS' ? { status: 204, contentType: 'text/plain', body: '' } : demoAnswer(url, today);
    await route.fulfill({ ...(answer ?? { status: 404, contentType: 'text/plain', body: 'not in the demo' }), headers: fixtureHeaders(url) });
  };
  for (const pattern of ['https://artists.spotify.com/**', 'https://generic.wg.spotify.com/**', 'https://www.imusician.pro/**']) await context.route(pattern, handle);
}
