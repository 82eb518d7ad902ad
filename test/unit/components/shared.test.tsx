// @vitest-environment happy-dom
/** The shared components on real comparisons: the day table, the eligibility bar, the tabs. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { DayTable, revisionSummary } from '../../../components/DayTable';
import { EligibilityBar } from '../../../components/EligibilityBar';
import { Tabs } from '../../../components/Tabs';
import { reasonText } from '../../../components/ReasonChip';
import { buildTrackView } from '../../../core/views/build';
import { demo, NOW } from '../ui/helpers';

afterEach(cleanup);

const view = buildTrackView(demo(), 't-harbour', { asOf: NOW.toISOString(), settleDays: 5, assumedListenerMinimum: null })!;

describe('DayTable', () => {
  it('shows the most recent day first, pending days marked, and every reason as a chip with its message', () => {
    render(<DayTable rows={view.days} locale="en-GB" />);
    const rows = within(screen.getByTestId('day-table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(view.days.length);
    const days = rows.map((row) => row.getAttribute('data-day'));
    expect(days).toEqual([...days].sort().reverse());
    expect(rows[0]!.className).toContain('cc-row--pending');
    expect(rows[0]!.textContent).toContain('pending');
    const anomaly = view.days.find((row) => row.reasons.some((reason) => reason.code === 'ANOMALY'))!;
    const anomalyRow = rows.find((row) => row.getAttribute('data-day') === anomaly.day)!;
    const chip = within(anomalyRow).getByLabelText(/^Anomaly: /);
    // The full sentence, from the reason's key and figures (docs/i18n.md).
    expect(chip.getAttribute('title')).toBe(reasonText(anomaly.reasons.find((reason) => reason.code === 'ANOMALY')!));
    expect(chip.getAttribute('title')).toMatch(/^iMusician shows \d+% of Spotify's count .*far outside its usual/);
    expect(chip.tabIndex).toBe(0);
  });

  it('formats numbers in the artist locale and leaves out the revisions in the compact form', () => {
    const row = { ...view.days.find((day) => day.status === 'settled' && day.diff !== null && day.diff < 0)!, spotify: 12345, distributor: 11000, diff: -1345, ratio: 0.891 };
    render(<DayTable rows={[row]} locale="de-DE" compact />);
    const table = screen.getByTestId('day-table');
    expect(table.textContent).toContain('12.345');
    expect(table.textContent).toContain('-1.345');
    expect(table.textContent).toContain('89\u00a0%');
    expect(within(table).queryByText('Revisions')).toBeNull();
  });

  it('summarises revisions per side, first read first', () => {
    expect(
      revisionSummary(
        [
          { source: 'imusician', value: 0, observedAt: '2026-04-10T08:00:00.000Z' },
          { source: 'spotify', value: 41, observedAt: '2026-04-10T20:00:00.000Z' },
          { source: 'imusician', value: 1234, observedAt: '2026-04-14T08:00:00.000Z' },
        ],
        'en-US',
      ),
    ).toEqual(['iMusician 0 → 1,234']);
  });
});

describe('EligibilityBar', () => {
  it('exposes progress and its sentence to assistive technology', () => {
    render(<EligibilityBar eligibility={{ trailing12mStreams: 812, eligible: false, projectedEligibleDay: '2026-04-29' }} today="2026-04-20" locale="en-US" />);
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('812');
    expect(bar.getAttribute('aria-valuetext')).toBe('812 of 1,000 streams in the last 12 months · about 9 days to go at this pace (Wed, Apr 29)');
    expect(screen.getByText(/812 of 1,000 streams/)).toBeTruthy();
  });

  it('caps the bar at the threshold for eligible recordings', () => {
    const { container } = render(<EligibilityBar eligibility={{ trailing12mStreams: 15_444, eligible: true, projectedEligibleDay: null }} today="2026-04-20" locale="en-US" barOnly />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1000');
    expect((container.querySelector('.cc-progress__fill') as HTMLElement).style.width).toBe('100.0%');
    expect(container.querySelector('.cc-elig__text')).toBeNull();
  });
});

describe('Tabs', () => {
  function Harness() {
    const [selected, setSelected] = useState<'a' | 'b' | 'c'>('a');
    return (
      <Tabs
        idPrefix="t"
        label="Details"
        tabs={[
          { id: 'a', label: 'Days' },
          { id: 'b', label: 'Months' },
          { id: 'c', label: 'Evidence' },
        ]}
        selected={selected}
        onSelect={setSelected}
      >
        <p>panel {selected}</p>
      </Tabs>
    );
  }

  it('moves with the arrow keys, Home and End, and only the selected tab is in the tab order', () => {
    render(<Harness />);
    const days = screen.getByRole('tab', { name: 'Days' });
    expect(days.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Months' }).tabIndex).toBe(-1);
    fireEvent.keyDown(days, { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').textContent).toBe('panel b');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Months' }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(screen.getByRole('tabpanel').textContent).toBe('panel c');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').textContent).toBe('panel a');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(screen.getByRole('tabpanel').textContent).toBe('panel c');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(screen.getByRole('tabpanel').textContent).toBe('panel a');
  });
});
