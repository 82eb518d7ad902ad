// @vitest-environment happy-dom
/** The panel on Spotify for Artists names the distributors a recording actually has data from. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { Overlay } from '../../../components/overlay/Overlay';
import { FirstStepsList } from '../../../components/EmptyState';
import { buildOverlayView } from '../../../core/views/build';
import type { History } from '../../../core/model/history';
import type { Observation } from '../../../core/model/schema';
import { SPOTIFY_SITE } from '../../../core/sources/spotify/site';
import { IMUSICIAN_SITE } from '../../../core/sources/imusician/site';

afterEach(cleanup);

const options = { asOf: '2026-04-10T12:00:00.000Z', settleDays: 5, assumedListenerMinimum: null };
const DAYS = ['2026-03-28', '2026-03-29', '2026-03-30'];

function history(distributors: ReadonlyArray<{ source: string; metric: Observation['metric'] }>): History {
  const observations: Observation[] = DAYS.map((day) => ({ track: 't', source: 'spotify', store: 'spotify', metric: 'streams', day, value: 200, observedAt: '2026-04-01T08:00:00.000Z' }));
  for (const { source, metric } of distributors) {
    if (metric === 'streams') for (const day of DAYS) observations.push({ track: 't', source, store: 'spotify', metric, day, value: 182, observedAt: '2026-04-05T08:00:00.000Z' });
    else observations.push({ track: 't', source, store: 'spotify', metric, day: '2026-02-28', value: 5400, observedAt: '2026-04-05T08:00:00.000Z' });
  }
  return { tracks: [{ id: 't', isrc: 'QZHN52600101', title: 'Harbour Lights', artists: [], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: {} }], observations };
}

function panel(data: History) {
  const view = buildOverlayView(data, 't', options);
  return render(<Overlay state={{ kind: 'ready', view }} site={SPOTIFY_SITE} counterparts={[IMUSICIAN_SITE]} collapsed={false} onToggle={() => {}} today="2026-04-10" />);
}

describe('the other dashboard named from the data', () => {
  it('daily counts from iMusician: the column says iMusician, no hint', () => {
    panel(history([{ source: 'imusician', metric: 'streams' }]));
    expect(screen.getByTestId('overlay-other-column').textContent).toBe('iMusician');
    expect(screen.queryByTestId('overlay-hint')).toBeNull();
  });

  it('only DistroKid reports: DistroKid is named with where its months are compared, never iMusician', () => {
    const { container } = panel(history([{ source: 'distrokid', metric: 'streams_month' }]));
    expect(screen.getByTestId('overlay-hint').textContent).toBe('DistroKid data for this song comes from monthly reports: the history page compares it month by month.');
    expect(container.textContent).not.toContain('iMusician');
  });

  it('daily trends and reports from two distributors: the column names the one with daily counts', () => {
    panel(history([{ source: 'imusician', metric: 'streams' }, { source: 'tunecore', metric: 'streams_month' }]));
    expect(screen.getByTestId('overlay-other-column').textContent).toBe('iMusician');
  });

  it('no distributor data: the next step, opening the trends page or importing a report', () => {
    panel(history([]));
    expect(screen.getByTestId('overlay-hint').textContent).toBe("No distributor data for this song yet: open this song's Trends page in iMusician, or import your distributor's report (DistroKid, TuneCore, CD Baby, Believe, Amuse, iMusician) on the history page.");
  });

});

describe('the first steps name every way in, not one distributor', () => {
  it('iMusician’s Trends page, or any other distributor’s sales report', () => {
    render(<FirstStepsList />);
    const second = screen.getAllByRole('listitem')[1]!.textContent!;
    expect(second).toContain('With iMusician, open its Trends page');
    expect(second).toContain('With another distributor (DistroKid, TuneCore, CD Baby, Believe, Amuse), import its sales report on the history page');
  });
});
