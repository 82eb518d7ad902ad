// @vitest-environment happy-dom
/**
 * Where each distributor day's value came from (issue 17 "Provenance"), from the stored records
 * through the views to the day table, the overlay and the evidence report: built-in knowledge
 * (iMusician), a recipe the artist confirmed (a taught DistroKid dashboard), or an imported file
 * (a taught source's value no recipe record names).
 *
 * The history is synthetic (test/unit/compare/synthetic.ts) with a second distributor on a
 * taught dashboard; the recipe records are what the store writes for a recipe reading.
 */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DayTable } from '../../../components/DayTable';
import { formatMessage } from '../../../components/i18n';
import { Overlay } from '../../../components/overlay/Overlay';
import { sourceName } from '../../../core/compare/format';
import { IMUSICIAN_SITE } from '../../../core/sources/imusician/site';
import { SPOTIFY_SITE } from '../../../core/sources/spotify/site';
import { evidenceReport } from '../../../core/evidence/index';
import { addDays } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { ProvenanceRecord } from '../../../core/model/provenance';
import { buildOverlayView, buildTrackView } from '../../../core/views/build';
import { endOfPlan, syntheticHistory, type TrackPlan } from '../compare/synthetic';
import { speak } from '../i18n/catalogs';

afterEach(() => {
  cleanup();
  speak('en');
});

const START = '2025-03-03';
const PLAN: TrackPlan = { id: 't-1', isrc: 'CHXXX2400001', title: 'Harbour Lights', start: START, days: 21, mean: 500, distributors: [{ ratio: 0.9 }, { source: 'taught-distrokid', ratio: 0.85 }] };
const AS_OF = endOfPlan(PLAN, 6);
const base = syntheticHistory([PLAN], 7);
/** The taught dashboard's readings: the first 14 days' by the recipe, the last 7 from a file without provenance. */
const FILE_FROM = addDays(START, 14);
const recipeRecords: ProvenanceRecord[] = [
  ...new Set(base.observations.filter((obs) => obs.source === 'taught-distrokid' && obs.day < FILE_FROM).map((obs) => obs.observedAt)),
].map((observedAt) => ({ source: 'taught-distrokid', observedAt, recipe: 'r-dk7Daily2025', recipeName: 'DistroKid daily', confirmedAt: '2025-03-01T09:30:00.000Z', origin: 'taught' }));
const history: History = { ...base, provenance: recipeRecords };
const options = { asOf: AS_OF, settleDays: 5, assumedListenerMinimum: null };
const view = buildTrackView(history, 't-1', options)!;

describe('provenance through the views', () => {
  it('each distributor day says which way its value was read', () => {
    const of = (day: string, source: string) => view.dayProvenance.find((entry) => entry.day === day && entry.source === source)?.provenance;
    expect(of(addDays(START, 3), 'imusician')).toEqual({ kind: 'built-in' });
    expect(of(addDays(START, 3), 'taught-distrokid')).toEqual({ kind: 'recipe', recipe: 'r-dk7Daily2025', recipeName: 'DistroKid daily', confirmedAt: '2025-03-01T09:30:00.000Z', origin: 'taught' });
    expect(of(addDays(START, 15), 'taught-distrokid')).toEqual({ kind: 'file' });
    // One entry per row with a distributor value, and the records of the track's readings only.
    expect(view.dayProvenance).toHaveLength(view.days.filter((row) => row.distributor !== null).length);
    expect(view.provenance).toEqual(recipeRecords);
  });

  it('the overlay view carries the shown days only', () => {
    const overlay = buildOverlayView(history, 't-1', options, 4);
    expect(overlay.days.length).toBeGreaterThan(0);
    expect(overlay.dayProvenance.map((entry) => `${entry.day}|${entry.source}`).sort()).toEqual(overlay.days.filter((row) => row.distributor !== null).map((row) => `${row.day}|${row.distributorSource}`).sort());
  });

  it('a taught dashboard is named by its distributor', () => {
    expect(sourceName('taught-distrokid')).toBe('DistroKid');
    expect(sourceName('taught-my-distro')).toBe('My Distro');
  });
});

describe('the day table', () => {
  const rowOf = (day: string, source: string) => screen.getAllByRole('row').find((row) => row.getAttribute('data-day') === day && row.textContent!.includes(sourceName(source)))!;

  it('shows where each value came from in a "Read by" column', () => {
    render(<DayTable rows={view.days} locale="en-GB" provenance={view.dayProvenance} />);
    expect(within(screen.getByTestId('day-table')).getByRole('columnheader', { name: 'Read by' })).toBeTruthy();
    expect(rowOf(addDays(START, 3), 'imusician').textContent).toContain('built-in: iMusician');
    expect(rowOf(addDays(START, 3), 'taught-distrokid').textContent).toContain('recipe ‘DistroKid daily’');
    expect(rowOf(addDays(START, 15), 'taught-distrokid').textContent).toContain('imported file');
  });

  it('without provenance, the table has no such column', () => {
    render(<DayTable rows={view.days} locale="en-GB" />);
    expect(within(screen.getByTestId('day-table')).queryByRole('columnheader', { name: 'Read by' })).toBeNull();
  });

  it('compact: the count carries it as hover text and hidden text, in the artist’s language', () => {
    speak('de', 'de-DE');
    const rows = view.days.filter((row) => row.day === addDays(START, 3));
    render(<DayTable rows={rows} locale="de-DE" compact provenance={view.dayProvenance} />);
    const cells = screen.getAllByTitle(/^Gelesen mit: /);
    expect(cells.map((cell) => cell.getAttribute('title')).sort()).toEqual(['Gelesen mit: Rezept „DistroKid daily“', 'Gelesen mit: integriert: iMusician']);
    expect(cells[0]!.querySelector('.cc-visually-hidden')!.textContent).toContain('Gelesen mit:');
  });

  it('the overlay says it on each day’s distributor count', () => {
    const overlay = buildOverlayView(history, 't-1', options, 30);
    render(<Overlay state={{ kind: 'ready', view: overlay }} site={SPOTIFY_SITE} counterparts={[IMUSICIAN_SITE]} collapsed={false} onToggle={() => undefined} today={AS_OF.slice(0, 10)} />);
    const titles = screen.getAllByTestId('overlay-distributor-count').map((cell) => cell.getAttribute('title'));
    expect(titles).toContain('Read with: recipe ‘DistroKid daily’');
    expect(titles).toContain('Read with: built-in: iMusician');
    expect(titles).toContain('Read with: imported file');
  });
});

describe('the evidence report', () => {
  const days = [addDays(START, 3), addDays(START, 15)];

  it('names, per distributor, the built-in knowledge, the recipe (name, origin, confirmation) and the file', () => {
    const report = evidenceReport(history, { isrc: 'CHXXX2400001', asOf: AS_OF, days });
    const section = (name: string) => report.slice(report.indexOf(`## ${name}`)).split('\n## ')[0]!;
    expect(section('iMusician')).toContain("- Read from iMusician's dashboard by Crosscount's built-in knowledge of it.");
    expect(section('iMusician')).not.toContain('recipe');
    expect(section('DistroKid')).toContain("- Read from DistroKid's dashboard by the recipe `DistroKid daily` (taught by the artist, confirmed ");
    expect(section('DistroKid')).toContain("- DistroKid's counts come from an imported file.");
    expect(section('DistroKid')).not.toContain('built-in');
  });

  it('a record without confirmation says so; only the recipes of the quoted days are named', () => {
    const undated: History = { ...history, provenance: recipeRecords.map(({ confirmedAt: _c, origin: _o, ...rest }) => rest) };
    const report = evidenceReport(undated, { isrc: 'CHXXX2400001', asOf: AS_OF, days: [addDays(START, 3)] });
    expect(report).toContain('by the recipe `DistroKid daily` (confirmation not recorded).');
    expect(report).not.toContain('imported file');
  });

  it('in the artist’s language', () => {
    speak('fr', 'fr-FR');
    const report = evidenceReport(history, { isrc: 'CHXXX2400001', asOf: AS_OF, days, say: formatMessage });
    expect(report).toContain('avec la recette `DistroKid daily` (créée par l’artiste, confirmée le ');
  });
});
