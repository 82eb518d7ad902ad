// @vitest-environment happy-dom
/**
 * Weekly counts (issue 17: "a weekly series is compared per week"): a taught dashboard that
 * shows one count per week stores `streams_week` observations on the weeks' first days, kept
 * apart from daily series (in the history file, in a `weeks` list of their own, docs/contracts.md
 * §1 "Weeks"), compared per week with Spotify for Artists' 7 days summed, and shown in the
 * history page's week table with its reasons in the artist's language.
 *
 * Data: Spotify for Artists' daily streams from the synthetic generator
 * (test/unit/compare/synthetic.ts); the weekly counts are hypothetical, 90 % of each week's sum
 * (one week at half: an incident), in the shape of the weekly fixture
 * (test/fixtures/distributors/weekly-epoch-pairs.json).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { WeeksNote, WeekTable } from '../../../entrypoints/options/WeekTable';
import { mergeHistories, normaliseHistory } from '../../../core/history/merge';
import { parseHistoryFile } from '../../../core/history/parse';
import { parseHistoryLines } from '../../../core/history/parse-lines';
import { writeHistoryFile } from '../../../core/history/write';
import { addDays } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { Observation } from '../../../core/model/schema';
import { buildTrackView } from '../../../core/views/build';
import { weekRows } from '../../../core/views/weeks';
import { endOfPlan, syntheticHistory, type TrackPlan } from '../compare/synthetic';
import { speak } from '../i18n/catalogs';

afterEach(() => {
  cleanup();
  speak('en');
});

/** A Monday; six whole weeks of S4A days, none from a daily distributor. */
const START = '2025-03-03';
const PLAN: TrackPlan = { id: 't-1', isrc: 'CHXXX2400001', title: 'Harbour Lights', start: START, days: 42, mean: 400, distributors: [] };
const base = syntheticHistory([PLAN], 3);
const spotify = base.observations.filter((obs) => obs.source === 'spotify');
const sumOfWeek = (week: string) => spotify.filter((obs) => obs.day >= week && obs.day <= addDays(week, 6)).reduce((sum, obs) => sum + obs.value, 0);
const WEEKS = Array.from({ length: 6 }, (_, i) => addDays(START, 7 * i));
const INCIDENT = WEEKS[3]!;
/** Each week read 2 days after it ends; the incident week at half. */
const weekly: Observation[] = WEEKS.map((week) => ({
  track: 't-1',
  source: 'taught-distrokid',
  store: 'spotify',
  metric: 'streams_week',
  day: week,
  value: Math.round(sumOfWeek(week) * (week === INCIDENT ? 0.45 : 0.9)),
  observedAt: `${addDays(week, 8)}T09:00:00.000Z`,
}));
const history: History = { tracks: base.tracks, observations: [...spotify, ...weekly] };
const AS_OF = endOfPlan(PLAN, 4);

describe('weekly counts in the history file', () => {
  it('are written in a weeks list of their own and read back losslessly (whole file and line by line)', () => {
    const text = writeHistoryFile(history, new Date(AS_OF));
    expect(text).toMatch(/\n {2}\],\n {2}"weeks": \[\n {4}\{"track":"t-1","source":"taught-distrokid","store":"spotify","metric":"streams_week","day":"2025-03-03"/);
    const observationsPart = text.slice(text.indexOf('"observations"'), text.indexOf('"weeks"'));
    expect(observationsPart).not.toContain('streams_week');
    const read = parseHistoryFile(text);
    expect(normaliseHistory(read)).toEqual(normaliseHistory(history));
    expect(parseHistoryLines(new TextEncoder().encode(text))).toEqual(read);
    expect(writeHistoryFile(read, new Date(AS_OF))).toBe(text);
  });

  it('a reader that ignores the weeks list reads the daily observations unchanged', () => {
    const file = JSON.parse(writeHistoryFile(history, new Date(AS_OF))) as Record<string, unknown>;
    delete file.weeks;
    expect(normaliseHistory(parseHistoryFile(JSON.stringify(file)))).toEqual(normaliseHistory({ ...history, observations: spotify }));
  });

  it('a weekly count never collapses into a daily count of the same day and value', () => {
    const week = weekly[0]!;
    const sameDay: Observation = { ...week, metric: 'streams' };
    const merged = mergeHistories({ ...history, observations: [week] }, { ...history, observations: [sameDay] });
    expect(merged.observations.map((obs) => obs.metric).sort()).toEqual(['streams', 'streams_week']);
  });

  it('refuses a weekly count in the observations list, and anything else in the weeks list', () => {
    const file = (observations: unknown[], weeks?: unknown[]) =>
      JSON.stringify({ format: 'crosscount-history', version: 1, exportedAt: AS_OF, tracks: base.tracks, observations, ...(weeks ? { weeks } : {}) });
    expect(() => parseHistoryFile(file([weekly[0]]))).toThrow('observations[0].metric: streams_week counts belong in the weeks list');
    expect(() => parseHistoryFile(file([], [spotify[0]]))).toThrow('weeks[0].metric: "streams" is not streams_week: the weeks list holds weekly counts only');
    expect(() => parseHistoryFile(file([], [{ ...weekly[0], day: addDays(AS_OF.slice(0, 10), 3) }]))).toThrow(/^weeks\[0\]\.day: the day .* is after/);
  });
});

describe('weekly counts compared per week', () => {
  const rows = weekRows(history.observations, { asOf: AS_OF, settleDays: 5 });

  it('beside Spotify for Artists’ 7 days summed, with the usual weekly share and the incident unexplained', () => {
    expect(rows.map((row) => row.week)).toEqual(WEEKS);
    for (const row of rows) {
      expect(row.spotify).toBe(sumOfWeek(row.week));
      expect(row.spotifyDays).toBe(7);
      expect(row.distributorSource).toBe('taught-distrokid');
    }
    const byWeek = new Map(rows.map((row) => [row.week, row]));
    expect(byWeek.get(INCIDENT)!.reasons[0]).toMatchObject({ code: 'ANOMALY', level: 'unexplained', key: 'weekReasonAnomaly' });
    expect(byWeek.get(INCIDENT)!.reasons[0]!.message).toMatch(/^DistroKid shows [\d,]+ against Spotify for Artists' [\d,]+ for these 7 days/);
    expect(byWeek.get(WEEKS[1]!)!.reasons[0]).toMatchObject({ code: 'FILTERED_PLAYS', level: 'expected' });
    // The last week ended 4 days before asOf: within the 5-day window, still pending.
    expect(byWeek.get(WEEKS[5]!)!.status).toBe('pending');
  });

  it('only what was read by asOf counts; a week S4A does not cover whole cannot be compared', () => {
    const early = weekRows(history.observations, { asOf: `${addDays(WEEKS[2]!, 8)}T12:00:00.000Z`, settleDays: 5 });
    expect(early.map((row) => row.week)).toEqual(WEEKS.slice(0, 3));
    const gap = weekRows(
      history.observations.filter((obs) => obs.day !== addDays(WEEKS[1]!, 2) || obs.metric !== 'streams'),
      { asOf: AS_OF, settleDays: 5 },
    ).find((row) => row.week === WEEKS[1])!;
    expect(gap).toMatchObject({ spotifyDays: 6, status: 'missing' });
    expect(gap.reasons[0]).toMatchObject({ code: 'MISSING_SOURCE', key: 'weekReasonMissing', params: { days: 6 } });
  });

  it('the track view carries them and no daily row is made of them', () => {
    const view = buildTrackView(history, 't-1', { asOf: AS_OF, settleDays: 5, assumedListenerMinimum: null })!;
    expect(view.weeks).toEqual(rows);
    expect(view.days.every((row) => row.distributorSource !== 'taught-distrokid')).toBe(true);
  });
});

describe('the week table', () => {
  it('shows each week, most recent first, with its reason in the artist’s language', () => {
    speak('de', 'de-DE');
    render(<WeekTable weeks={weekRows(history.observations, { asOf: AS_OF, settleDays: 5 })} locale="de-DE" />);
    const table = screen.getByTestId('week-table');
    expect(within(table).getByText('Wochenzahlen, Woche für Woche verglichen')).toBeTruthy();
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows.map((row) => row.getAttribute('data-week'))).toEqual([...WEEKS].reverse());
    const incident = bodyRows.find((row) => row.getAttribute('data-week') === INCIDENT)!;
    expect(incident.textContent).toContain('DistroKid');
    const chip = within(incident).getByLabelText(/^Auffällig/);
    expect(chip.getAttribute('title')).toMatch(/^DistroKid zeigt [\d.]+ gegenüber [\d.]+ bei Spotify for Artists für diese 7 Tage/);
  });
});

describe('under the chart', () => {
  it('says the weeks are not drawn as days, and leads to the week table', () => {
    let shown = 0;
    render(<WeeksNote weeks={weekRows(history.observations, { asOf: AS_OF, settleDays: 5 })} onShow={() => shown++} />);
    const note = screen.getByTestId('chart-weeks-note');
    expect(note.textContent).toContain("DistroKid counts per week: a week's count is not drawn as a day's.");
    fireEvent.click(within(note).getByRole('button', { name: 'Show the weeks' }));
    expect(shown).toBe(1);
  });
});
