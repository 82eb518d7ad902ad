// @vitest-environment happy-dom
/** The popup's states with real views: loading, error, empty, data; and its windowed list. */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Overview, RecordingSummary } from '../../../core/views/types';
import type { Send } from '../../../components/send';
import { PopupApp } from '../../../entrypoints/popup/PopupApp';
import { HEADING_HEIGHT, ROW_HEIGHT } from '../../../entrypoints/popup/RecordingList';
import { demoOverview, failingSend, now, pendingSend, realBackground } from './helpers';

// The real core compares a year of data in these tests: a slow, shared machine needs time.
configure({ asyncUtilTimeout: 5000 });

afterEach(cleanup);

const historyHref = (trackId: string) => `chrome-extension://test/options.html#track=${trackId}`;
const overviewSend = (overview: Overview) => ((type: string) => (type === 'ui:overview' ? Promise.resolve(overview) : Promise.reject(new Error(`unexpected ${type}`)))) as unknown as Send;

function renderPopup(send: Send, openHistory = vi.fn()) {
  render(<PopupApp send={send} locale="en-GB" now={now} openHistory={openHistory} historyHref={historyHref} />);
  return { openHistory };
}

describe('PopupApp', () => {
  it('reserves the list while loading and says so', () => {
    renderPopup(pendingSend);
    expect(screen.getByTestId('popup-summary').textContent).toBe('Loading your recordings…');
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(document.querySelectorAll('.pp-skeleton')).toHaveLength(4);
    expect(screen.getByRole('button', { name: 'Open history page' })).toBeTruthy();
  });

  it('says what failed, that nothing changed, and what to do', async () => {
    renderPopup(failingSend('Opening the Crosscount database: the browser’s database is not available'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the browser’s database is not available');
    expect(alert.textContent).toContain('Nothing was changed');
    expect(alert.textContent).toContain('Diagnostics');
  });

  it('tells a new artist which two pages to visit (real background, empty store)', async () => {
    const { send } = await realBackground();
    renderPopup(send);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent).toContain('Spotify for Artists');
    expect(empty.textContent).toContain('Trends');
    expect(screen.getByTestId('last-read').textContent).toContain('not read yet');
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('No recordings yet.'));
  });

  it('lists the recordings closest to 1,000 first, earning ones grouped below, with their words', async () => {
    const { openHistory } = renderPopup(overviewSend(demoOverview()));
    const rows = await screen.findAllByTestId('recording');
    expect(rows.map((row) => row.querySelector('h3')!.textContent)).toEqual(['Paper Boats', 'Late Train (Acoustic)', 'Night Bus, Zürich', 'Late Train (Acoustic Version)', 'Harbour Lights']);
    const paper = rows[0]!;
    expect(paper.textContent).toMatch(/\d{3} \/ 1,000/);
    expect(paper.textContent).toMatch(/Not yet — \d+ to go/);
    expect(within(paper).getByRole('progressbar').getAttribute('aria-valuemax')).toBe('1000');
    expect(within(paper).getByRole('link').getAttribute('href')).toBe(historyHref('t-paper'));
    const harbour = rows[4]!;
    expect(harbour.textContent).toContain('Earning');
    expect(harbour.textContent).toContain('2 unexplained days');
    expect(harbour.textContent).toMatch(/streams so far this month/);
    expect(screen.getByRole('heading', { name: 'Earning royalties this month (1)' })).toBeTruthy();
    expect(screen.getByTestId('popup-summary').textContent).toBe('5 recordings · 1 earning');
    expect(screen.getByTestId('last-read').textContent).toMatch(/Spotify for Artistsread 2 hr\.? agoiMusiciannot read yet/);
    screen.getByRole('button', { name: 'Open history page' }).click();
    expect(openHistory).toHaveBeenCalledOnce();
  });

  it('renders only the rows in view for 1,000 recordings', async () => {
    const base = demoOverview().recordings[0]!;
    const recordings: RecordingSummary[] = Array.from({ length: 1000 }, (_, index) => ({
      ...base,
      key: `k${index}`,
      title: `Song ${index}`,
      trackIds: [`t${index}`],
      eligibility: { ...base.eligibility, trailing12mStreams: index * 3, eligible: index * 3 >= 1000 },
    }));
    renderPopup(overviewSend({ ...demoOverview(), recordings }));
    const rows = await screen.findAllByTestId('recording');
    expect(rows.length).toBeLessThan(15);
    // The first row is the recording closest to 1,000 (999 streams), and the list is full height.
    expect(rows[0]!.textContent).toContain('Song 333');
    const inner = document.querySelector('.pp-list__inner') as HTMLElement;
    expect(inner.style.height).toBe(`${2 * HEADING_HEIGHT + 1000 * ROW_HEIGHT}px`);
  });
});
