/**
 * The demo artist: four recordings with a year of realistic, deterministic numbers, chosen so
 * every part of Crosscount has something to show (see the README's demo section):
 * - "Harbour Lights": steady, earning, iMusician at 91 % (filtered plays), one incident day
 *   (an anomaly), one day first reported as 0 that rose later (a late revision);
 * - "Paper Boats": quiet, a little under 1,000 streams in 12 months and picking up: close to
 *   the threshold, with a projected day;
 * - "Night Drive (Live)": a handful of streams a day: too few to conclude anything;
 * - "Café Tonight (feat. Mira)": iMusician's view adds up all stores, so it is above Spotify.
 */
import { addDays, daysBetween, type Day } from '../../core/model/day';

export const DEMO_ARTIST = '3kXmZp7QvR2nLw9YtB4sHd';

export interface DemoRecording {
  isrc: string;
  title: string;
  spotifyTrackId: string;
  imusicianId: string;
  /** Mean S4A streams a day, and how much that grew over the year (1 = flat). */
  mean: number;
  growth: number;
  /** iMusician's share of S4A's count (above 1: all stores together). */
  ratio: number;
  store: 'spotify' | 'all';
  /** Days before today: an incident (factor on iMusician's value), a day first shown as 0. */
  incidentDaysAgo?: number;
  lateDaysAgo?: number;
}

export const DEMO_RECORDINGS: readonly DemoRecording[] = [
  { isrc: 'CHA012400001', title: 'Harbour Lights', spotifyTrackId: '4uLU6hMCjMI75M1A2tKUQC', imusicianId: '4711', mean: 210, growth: 1.3, ratio: 0.91, store: 'spotify', incidentDaysAgo: 9, lateDaysAgo: 11 },
  { isrc: 'CHA012400002', title: 'Paper Boats', spotifyTrackId: '1301WleyT98MSxVHPZCA6M', imusicianId: '4712', mean: 2.3, growth: 2.5, ratio: 0.9, store: 'spotify' },
  { isrc: 'CHA012400003', title: 'Night Drive (Live)', spotifyTrackId: '0VjIjW4GlUZAMYd2vXMi3b', imusicianId: '4713', mean: 1.2, growth: 1, ratio: 0.85, store: 'spotify' },
  { isrc: 'CHA012400004', title: 'Café Tonight (feat. Mira)', spotifyTrackId: '7ouMYWpwJ422jRcDASZB7P', imusicianId: '4714', mean: 48, growth: 1.1, ratio: 1.38, store: 'all' },
];

/** A deterministic number in [0, 1) for a recording and a day (FNV-1a of both). */
function noise(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % 100_000) / 100_000;
}

/** Spotify for Artists' count for a day: weekday rhythm, slow growth, counting noise. */
export function s4aStreams(recording: DemoRecording, day: Day, today: Day): number {
  const age = daysBetween(day, today);
  if (age > 400) return 0;
  const trend = recording.growth ** ((400 - age) / 400) / recording.growth ** 0.5;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const rhythm = weekday === 5 || weekday === 6 ? 1.25 : weekday === 1 ? 0.9 : 1;
  const mean = recording.mean * trend * rhythm;
  const spread = Math.sqrt(mean) * (noise(`${recording.isrc}${day}s`) - 0.5) * 2;
  return Math.max(0, Math.round(mean + spread));
}

/** iMusician's settled count for a day. */
export function imusicianStreams(recording: DemoRecording, day: Day, today: Day): number {
  const s4a = s4aStreams(recording, day, today);
  const incident = recording.incidentDaysAgo !== undefined && daysBetween(day, today) === recording.incidentDaysAgo ? 0.38 : 1;
  const jitter = 1 + (noise(`${recording.isrc}${day}i`) - 0.5) * 0.03;
  return Math.max(0, Math.round(s4a * recording.ratio * incident * jitter));
}

/** iMusician trends run about five days behind: the last days are not there yet. */
export const IMUSICIAN_DELAY_DAYS = 4;

export function lastImusicianDay(today: Day): Day {
  return addDays(today, -IMUSICIAN_DELAY_DAYS);
}
