// @vitest-environment happy-dom
/**
 * The panel's question on a dashboard the artist added (components/overlay/TeachPanel.tsx),
 * inside the overlay: candidates found by the recogniser in the invented DistroKid-like
 * responses of test/fixtures/distributors (hypothetical), in plain words beside what the page
 * shows; the answer names a store when the data names none; a recipe that no longer matches
 * says why; and once days are read, the usual comparison with the recipe named above it.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Overlay } from '../../../components/overlay/Overlay';
import { TeachPanel, type TeachOffer, type TeachPanelProps } from '../../../components/overlay/TeachPanel';
import { recognise } from '../../../core/recipes/recognise';
import { describeCandidate, describeNoMatch, describeRefusal } from '../../../core/recipes/describe';
import { comparePageEvidence } from '../../../core/taught-page-check';
import { taughtSiteFor, type TaughtSite } from '../../../core/taught-sites';
import { SPOTIFY_SITE } from '../../../core/sources/spotify/site';
import { buildOverlayView } from '../../../core/views/build';
import type { Observation } from '../../../core/model/schema';

afterEach(cleanup);

const API = 'https://distrokid.com/api/stats/tracks/88412/daily';
const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/distributors/${name}.json`, 'utf8')) as unknown;
const DISTROKID = (taughtSiteFor({ distributor: 'distrokid', address: '' }, '2026-03-08T09:00:00.000Z') as { site: TaughtSite }).site;

function offersOf(body: unknown, pageNumbers: number[]): TeachOffer[] {
  return recognise(API, body).candidates.map((candidate) => ({
    offer: { id: candidate.id, words: describeCandidate(candidate), store: candidate.store, cadence: candidate.cadence, points: [...candidate.points] },
    check: comparePageEvidence(candidate.points, { numbers: pageNumbers, labels: [] }),
  }));
}

function panel(teach: Partial<TeachPanelProps>, state: Parameters<typeof Overlay>[0]['state'] = { kind: 'loading' }, notice: string | null = null) {
  const props: TeachPanelProps = { offers: [], refusals: [], noMatch: null, status: { kind: 'asking' }, onConfirm: vi.fn(), onDecline: vi.fn(), onSaveSample: vi.fn(), ...teach };
  render(<Overlay state={state} site={DISTROKID} counterparts={[SPOTIFY_SITE]} collapsed={false} onToggle={() => {}} today="2026-03-09" question={<TeachPanel {...props} />} notice={notice} />);
  return props;
}

describe('the question', () => {
  it('shows each candidate in plain words beside what the page renders, and asks for the store the data does not name', () => {
    // The page's table shows two of Harbour Lights' days, and nothing of Low Tide.
    const props = panel({ offers: offersOf(fixture('daily-tracks'), [104, 121, 2026]) });
    const candidates = screen.getAllByTestId('teach-candidate');
    expect(candidates.map((each) => each.textContent)).toEqual([
      'Daily numbers for “Harbour Lights”, Tue, Mar 3–Sat, Mar 7: 104, 98, 121 … — store: not named? On the page: 2 of these 5 numbers.',
      'Daily numbers for “Low Tide”, Tue, Mar 3–Thu, Mar 5: 12, 9, 0 … — store: not named? Not shown on the page as such.',
    ]);
    expect(screen.getByText('Nothing is stored until you answer.')).toBeTruthy();
    const confirm = screen.getByTestId('teach-confirm') as HTMLButtonElement;
    // No store yet: the answer cannot be given.
    expect(confirm.disabled).toBe(true);
    fireEvent.click(confirm);
    expect(props.onConfirm).not.toHaveBeenCalled();

    fireEvent.click(candidates[1]!.querySelector('input')!);
    fireEvent.change(screen.getByTestId('teach-store'), { target: { value: 'spotify' } });
    fireEvent.click(screen.getByTestId('teach-confirm'));
    expect(props.onConfirm).toHaveBeenCalledWith(offersOf(fixture('daily-tracks'), [])[1]!.offer.id, 'spotify');
  });

  it('a store the data names is not asked for again', () => {
    const props = panel({ offers: offersOf(fixture('per-store-dotted'), []) });
    expect(screen.getAllByTestId('teach-candidate')[0]!.textContent).toContain('store: Spotify?');
    expect(screen.queryByTestId('teach-store')).toBeNull();
    fireEvent.click(screen.getByTestId('teach-confirm'));
    expect(props.onConfirm).toHaveBeenCalledWith(expect.stringMatching(/^c-/), null);
  });

  it('“None of these” stores nothing and offers the sample for a bug report', () => {
    const props = panel({ offers: offersOf(fixture('daily-tracks'), []), status: { kind: 'declined' } });
    expect(screen.queryByTestId('teach-candidate')).toBeNull();
    expect(screen.getByTestId('teach-panel').textContent).toContain('Nothing stored.');
    fireEvent.click(screen.getByText('Save a sample of this page'));
    expect(props.onSaveSample).toHaveBeenCalled();
  });

  it('with nothing to offer, says so and why the rest was refused', () => {
    const recognition = recognise(API, fixture('refusals'));
    panel({ refusals: recognition.refusals.map(describeRefusal) });
    expect(screen.getByTestId('teach-nothing').textContent).toContain('Nothing on this page looks like daily streams per song yet.');
    expect(screen.getByTestId('teach-panel').textContent).toContain('Money, not streams.');
  });

  it('a recipe that no longer matches says why; a failed answer says so', () => {
    panel({ noMatch: { name: 'DistroKid daily streams', words: describeNoMatch({ kind: 'no-match', reason: 'path-missing', where: 'data.tracks' }) } });
    expect(screen.getByTestId('teach-no-match').textContent).toBe(
      'The recipe “DistroKid daily streams” no longer matches this page: The numbers are no longer where the recipe looks: the page has changed. Nothing was stored.',
    );
    cleanup();
    panel({ offers: offersOf(fixture('daily-tracks'), []), status: { kind: 'failed', error: 'nothing stored: that series is not in this response' } });
    expect(screen.getByRole('alert').textContent).toBe('Not saved: nothing stored: that series is not in this response');
  });

  it('renders titles from the page as text, never as markup', () => {
    const body = fixture('daily-tracks') as { data: { tracks: Array<{ title: string }> } };
    body.data.tracks[0]!.title = '<img src=x onerror=alert(1)>';
    panel({ offers: offersOf(body, []) });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByTestId('teach-candidate')[0]!.textContent).toContain('“<img src=x onerror=alert(1)>”');
  });
});

describe('after the answer', () => {
  it('the days read with the recipe replace the question: compared with Spotify for Artists, the recipe named above', () => {
    const days = ['2026-03-03', '2026-03-04'];
    const observations: Observation[] = days.flatMap((day, index) => [
      { track: 't', source: 'spotify', store: 'spotify', metric: 'streams', day, value: 115 + index, observedAt: '2026-03-08T08:00:00.000Z' },
      { track: 't', source: 'taught-distrokid', store: 'spotify', metric: 'streams', day, value: [104, 98][index]!, observedAt: '2026-03-09T10:00:00.000Z' },
    ]);
    // The reading that stored them was the recipe's (its provenance record, core/model/provenance.ts).
    const provenance = [{ source: 'taught-distrokid', observedAt: '2026-03-09T10:00:00.000Z', recipe: 'r-0123456789abcdef', recipeName: 'DistroKid daily streams' }];
    const view = buildOverlayView({ tracks: [{ id: 't', isrc: 'QZABC2600001', title: 'Harbour Lights', artists: [], spotifyTrackIds: [], distributorIds: {} }], observations, provenance }, 't', { asOf: '2026-03-09T12:00:00.000Z', settleDays: 5, assumedListenerMinimum: null });
    panel({ offers: offersOf(fixture('daily-tracks'), []) }, { kind: 'ready', view: { ...view } }, 'Saved as “DistroKid daily streams”: Crosscount reads this page with it from now on.');
    expect(screen.queryByTestId('teach-panel')).toBeNull();
    expect(screen.getByTestId('overlay-notice').textContent).toBe('Saved as “DistroKid daily streams”: Crosscount reads this page with it from now on.');
    expect(screen.getByTestId('overlay-other-column').textContent).toBe('DistroKid');
    expect(screen.getAllByTestId('overlay-day').map((row) => row.querySelectorAll('td')[1]!.textContent)).toEqual([
      '98 (Read with: recipe ‘DistroKid daily streams’)',
      '104 (Read with: recipe ‘DistroKid daily streams’)',
    ]);
  });
});
