/**
 * Child of far-dates.test.ts: random histories with days at both ends of the calendar (1970
 * and year 9999, reports for 9999-12) through every command and every view, at `--as-of`
 * values far in the future and the past. Prints one JSON line: the cases that failed (a throw
 * or an "unexpected failure"). A loop that never ends is caught by the parent's timeout.
 */
import fc from 'fast-check';
import { main } from '../../../cli/main';
import { writeHistoryFile } from '../../../core/history/write';
import type { History } from '../../../core/model/history';
import { lastDayOfMonth, monthOf } from '../../../core/model/day';
import type { Metric, Observation, Track } from '../../../core/model/schema';
import { buildOverlayView, buildOverview, buildTrackView } from '../../../core/views/build';
import { memoryIO } from '../../unit/cli/memory-io';
import { reportPeak } from './report';

// One era per history: a span from 1970 to 9999 is bounded too, but 2.9 million days of
// columns per series is the comparison's cost to answer, not a loop question.
const ERAS = [
  ['1970-01-01', '1970-01-02', '1970-02-28', '1970-12-31'],
  ['2024-02-29', '2025-03-15', '2025-12-31'],
  ['9999-01-31', '9999-11-30', '9999-12-01', '9999-12-30', '9999-12-31'],
];
const METRICS: Metric[] = ['streams', 'listeners', 'streams_28d', 'streams_12m', 'streams_month'];
/** Per era: an --as-of centuries away from the data is bounded as well, but costs the eligibility columns seconds. */
const AS_OF = [
  ['1970-01-01', '1970-01-01T00:00', '1970-12-31'],
  ['2025-04-01', '2025-04-01T10:00', '2026-01-01'],
  ['9999-12-31', '9999-12-31T23:59:59.999Z', '9999-12-31T23:59'],
];
const TRACKS: Track[] = [
  { id: 't-1', isrc: 'CHA012400001', title: 'Glacier Lights', artists: ['Nora Vell'], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: { imusician: '804113' } },
  { id: 't-2', isrc: 'CHA012400001', title: 'Glacier Lights', artists: ['Nora Vell'], spotifyTrackIds: ['1Xy2Zw3Vu4Ts5Rq6Po7Nm8'], distributorIds: {} },
];

const historyArbitrary: fc.Arbitrary<History> = fc
  .constantFrom(...ERAS)
  .chain((days) => fc.array(
    fc.record({
      track: fc.constantFrom('t-1', 't-2'),
      source: fc.constantFrom('spotify', 'imusician', 'distrokid'),
      metric: fc.constantFrom(...METRICS),
      day: fc.constantFrom(...days),
      value: fc.nat({ max: 5000 }),
      readLater: fc.constantFrom(0, 1, 2),
    }),
    { minLength: 1, maxLength: 25 },
  ))
  .map((drafts) => {
    const observations: Observation[] = drafts.map((draft) => {
      const day = draft.metric === 'streams_month' ? lastDayOfMonth(monthOf(draft.day)) : draft.day;
      // Read at the end of its day, or of the calendar: never before the day it counts.
      const observedAt = draft.readLater === 2 || day === '9999-12-31' ? '9999-12-31T23:59:59.999Z' : `${draft.readLater === 1 ? lastDayOfMonth(monthOf(day)) : day}T23:00:00.000Z`;
      return { track: draft.track, source: draft.source, store: draft.source === 'distrokid' ? 'all' : 'spotify', metric: draft.metric, day, value: draft.value, observedAt };
    });
    return { tracks: TRACKS, observations };
  });

function eraOf(history: History): number {
  return ERAS.findIndex((days) => days.includes(history.observations[0]!.day) || days.some((day) => day.slice(0, 7) === history.observations[0]!.day.slice(0, 7)));
}

const failures: string[] = [];
const seed = Number(process.argv[2] ?? 1);
const runs = Number(process.argv[3] ?? 40);

await fc.assert(
  fc.asyncProperty(historyArbitrary.chain((history) => fc.tuple(fc.constant(history), fc.constantFrom(...AS_OF[eraOf(history)]!))), async ([history, asOf]) => {
    const text = writeHistoryFile(history, new Date('2026-01-01T00:00:00.000Z'));
    const commands = [
      ['compare', 'h.json', '--as-of', asOf, '--json'],
      ['compare', 'h.json', '--as-of', asOf],
      ['eligibility', 'h.json', '--as-of', asOf, '--json'],
      ['eligibility', 'h.json', '--as-of', asOf],
      ['evidence', 'h.json', '--isrc', 'CHA012400001'],
      ['export', 'h.json', '--format', 'csv', '--out', 'h.csv'],
    ];
    for (const argv of commands) {
      const run = memoryIO({ 'h.json': text });
      const status = await main(argv, run.io);
      // eligibility takes a day (docs/contracts.md): a time is a usage error, said in one line.
      const expected = argv[0] === 'eligibility' && asOf.includes('T') ? 2 : 0;
      if (status !== expected || /unexpected failure/.test(run.stderr())) failures.push(`${argv.join(' ')} → ${status}: ${run.stderr().trim()}`);
    }
    const instant = asOf.length === 10 ? `${asOf}T23:59:59.999Z` : asOf.endsWith('Z') ? asOf : `${asOf}:00.000Z`;
    const options = { asOf: new Date(instant).toISOString(), settleDays: 5, assumedListenerMinimum: null };
    try {
      buildOverview(history, options, {});
      for (const track of TRACKS) {
        buildTrackView(history, track.id, options);
        buildOverlayView(history, track.id, options);
      }
    } catch (error) {
      failures.push(`views at ${asOf}: ${(error as Error).message}`);
    }
    return true;
  }),
  { seed, numRuns: runs },
);

process.stdout.write(`${JSON.stringify({ failures: failures.slice(0, 20), count: failures.length })}\n`);
reportPeak();
