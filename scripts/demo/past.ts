/**
 * What Crosscount would have read on the artist's earlier visits over the past year, as a
 * history file: S4A's counts read the next morning, iMusician's read as its trends came in
 * (a late day first shown as 0), and iMusician's monthly sales report for older months.
 */
import { addDays, addMonths, dayRange, lastDayOfMonth, monthOf, type Day } from '../../core/model/day';
import type { History } from '../../core/model/history';
import type { Observation, Track } from '../../core/model/schema';
import { DEMO_RECORDINGS, imusicianStreams, lastImusicianDay, s4aStreams, type DemoRecording } from './catalog';

const at = (day: Day, time: string) => `${day}T${time}.000Z`;

function trackOf(recording: DemoRecording): Track {
  return {
    id: `demo-${recording.imusicianId}`,
    isrc: recording.isrc,
    title: recording.title,
    artists: ['Lake Avenue'],
    spotifyTrackIds: [recording.spotifyTrackId],
    distributorIds: { imusician: recording.imusicianId },
  };
}

export function pastHistory(today: Day): History {
  const tracks = DEMO_RECORDINGS.map(trackOf);
  const observations: Observation[] = [];
  const firstDay = addDays(today, -365);
  for (const recording of DEMO_RECORDINGS) {
    const track = `demo-${recording.imusicianId}`;
    // S4A: up to 30 days ago (the live visits read the last four weeks themselves).
    for (const day of dayRange(firstDay, addDays(today, -29))) {
      observations.push({ track, source: 'spotify', store: 'spotify', metric: 'streams', day, value: s4aStreams(recording, day, today), observedAt: at(addDays(day, 1), '08:00:00') });
    }
    // iMusician trends: each day read when it arrived, five days later.
    for (const day of dayRange(firstDay, lastImusicianDay(today))) {
      const daysAgo = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
      const value = imusicianStreams(recording, day, today);
      if (daysAgo === recording.lateDaysAgo) {
        observations.push({ track, source: 'imusician', store: recording.store, metric: 'streams', day, value: 0, observedAt: at(addDays(day, 2), '19:00:00') });
        observations.push({ track, source: 'imusician', store: recording.store, metric: 'streams', day, value, observedAt: at(addDays(day, 7), '19:00:00') });
      } else {
        observations.push({ track, source: 'imusician', store: recording.store, metric: 'streams', day, value, observedAt: at(addDays(day, 5), '19:00:00') });
      }
    }
    // The sales report (monthly, about four months behind) for the older months.
    for (let month = monthOf(addDays(firstDay, 31)); month <= addMonths(monthOf(today), -4); month = addMonths(month, 1)) {
      const days = dayRange(`${month}-01`, lastDayOfMonth(month));
      const total = days.reduce((sum, day) => sum + Math.round(s4aStreams(recording, day, today) * 0.93), 0);
      observations.push({ track, source: 'imusician', store: 'spotify', metric: 'streams_month', day: lastDayOfMonth(month), value: total, observedAt: at(today, '07:00:00') });
    }
  }
  return { tracks, observations };
}
