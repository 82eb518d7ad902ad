// @vitest-environment happy-dom
/**
 * Weekly counts in the panel beside a dashboard (issue 17: "a weekly series is compared per
 * week"): the overlay's view names the dashboards with weekly counts and carries their recent
 * weeks, newest first; the panel shows each week beside Spotify for Artists' 7 days summed,
 * with the difference, the reason and, for a week not settled yet, when it arrives.
 *
 * Data: ./weekly-history.ts (synthetic Spotify for Artists and iMusician days, a hypothetical
 * taught DistroKid dashboard's weekly counts with one incident week).
 */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Overlay } from '../../../components/overlay/Overlay';
import { addDays } from '../../../core/model/day';
import { IMUSICIAN_SITE } from '../../../core/sources/imusician/site';
import { SPOTIFY_SITE } from '../../../core/sources/spotify/site';
import { buildOverlayView, OVERLAY_WEEK_LIMIT } from '../../../core/views/build';
import type { OverlayView } from '../../../core/views/types';
import { AS_OF, INCIDENT, WEEKS, weeklyHistory } from './weekly-history';
import { speak } from '../i18n/catalogs';

afterEach(() => {
  cleanup();
  speak('en');
});

const options = (asOf: string) => ({ asOf, settleDays: 5, assumedListenerMinimum: null });
const histories = (withDaily: boolean) => weeklyHistory(withDaily);

describe('the overlay view with weekly counts', () => {
  it('a weekly-only dashboard: named as weekly, not daily; the recent weeks newest first, the last one pending', () => {
    const view = buildOverlayView(histories(false), 't-1', options(AS_OF));
    expect(view.dailyDistributorSources).toEqual([]);
    expect(view.weeklyDistributorSources).toEqual(['taught-distrokid']);
    expect(view.weeklyDistributorNames).toEqual(['DistroKid']);
    expect(view.weeks.map((row) => row.week)).toEqual(WEEKS.slice(-OVERLAY_WEEK_LIMIT).reverse());
    expect(view.weeks[0]).toMatchObject({ status: 'pending', spotifyDays: 7 });
    expect(view.weeks[0]!.reasons[0]).toMatchObject({ code: 'REPORTING_DELAY', key: 'weekReasonDelay' });
    const incident = view.weeks.find((row) => row.week === INCIDENT)!;
    expect(incident.reasons[0]).toMatchObject({ code: 'ANOMALY', level: 'unexplained' });
    expect(incident.diff).toBe(incident.distributor! - incident.spotify!);
    expect(view.days.every((day) => day.distributorSource !== 'taught-distrokid')).toBe(true);
  });

  it('daily iMusician trends and weekly DistroKid counts: the days stay iMusician’s, the weeks DistroKid’s', () => {
    const view = buildOverlayView(histories(true), 't-1', options(AS_OF));
    expect(view.dailyDistributorSources).toEqual(['imusician']);
    expect(view.weeklyDistributorSources).toEqual(['taught-distrokid']);
    expect(new Set(view.days.map((day) => day.distributorSource))).toEqual(new Set(['imusician']));
    expect(view.weeks.every((row) => row.distributorSource === 'taught-distrokid')).toBe(true);
  });

  it('no weekly counts: no weeks (and no week row is built for the songs list’s badges)', () => {
    const daily = histories(true);
    const view = buildOverlayView({ ...daily, observations: daily.observations.filter((obs) => obs.metric !== 'streams_week') }, 't-1', options(AS_OF));
    expect(view.weeks).toEqual([]);
    expect(view.weeklyDistributorSources).toEqual([]);
    expect(buildOverlayView(daily, 't-1', options(AS_OF), 0, undefined, 0).weeks).toEqual([]);
  });

  it('a week read after asOf is not known yet', () => {
    const early = buildOverlayView(histories(false), 't-1', options(`${addDays(WEEKS[2]!, 8)}T12:00:00.000Z`));
    expect(early.weeks.map((row) => row.week)).toEqual([WEEKS[2], WEEKS[1], WEEKS[0]]);
  });
});

function panel(view: OverlayView, locale = 'en') {
  return render(<Overlay state={{ kind: 'ready', view }} site={SPOTIFY_SITE} counterparts={[IMUSICIAN_SITE]} collapsed={false} onToggle={() => {}} onEvidence={() => {}} today={AS_OF.slice(0, 10)} locale={locale} />);
}

describe('the panel’s weeks', () => {
  it('a weekly-only dashboard: the hint says weekly (never "monthly reports"), and each week is a row with both counts', () => {
    panel(buildOverlayView(histories(false), 't-1', options(AS_OF)));
    expect(screen.getByTestId('overlay-hint').textContent).toBe("DistroKid counts this song's streams per week: each week is compared with Spotify for Artists' 7 days summed.");
    const table = screen.getByTestId('overlay-weeks');
    expect(within(table).getByText("Per week (Spotify: the week's 7 days summed)")).toBeTruthy();
    expect(screen.getByTestId('overlay-week-column').textContent).toBe('DistroKid');
    const rows = within(table).getAllByTestId('overlay-week');
    expect(rows.map((row) => row.getAttribute('data-week'))).toEqual(WEEKS.slice(-OVERLAY_WEEK_LIMIT).reverse());
    expect(rows[0]!.className).toBe('cc-row--pending');
    expect(rows[0]!.textContent).toMatch(/arrives in about \d+ days?/);
    const incident = rows.find((row) => row.getAttribute('data-week') === INCIDENT)!;
    expect(within(incident).getByLabelText(/^Anomaly/)).toBeTruthy();
    expect(within(incident).getByTestId('overlay-evidence')).toBeTruthy();
    // No day table: a week's count is never shown as a day's.
    expect(screen.queryAllByTestId('overlay-day')).toEqual([]);
  });

  it('daily and weekly: the day column names iMusician, the weeks DistroKid, and no hint', () => {
    panel(buildOverlayView(histories(true), 't-1', options(AS_OF)));
    expect(screen.getByTestId('overlay-other-column').textContent).toBe('iMusician');
    expect(screen.getByTestId('overlay-week-column').textContent).toBe('DistroKid');
    expect(screen.queryByTestId('overlay-hint')).toBeNull();
  });

  it('in the artist’s language: German words and numbers', () => {
    speak('de', 'de-DE');
    panel(buildOverlayView(histories(false), 't-1', options(AS_OF)), 'de-DE');
    expect(screen.getByTestId('overlay-hint').textContent).toBe('DistroKid zählt die Streams dieses Songs pro Woche: Jede Woche wird mit der Summe der 7 Tage bei Spotify for Artists verglichen.');
    const table = screen.getByTestId('overlay-weeks');
    expect(within(table).getByText('Woche')).toBeTruthy();
    expect(within(table).getAllByTestId('overlay-week-count')[1]!.textContent).toMatch(/^\d\.\d{3}$/);
  });
});
