// @vitest-environment happy-dom
/**
 * The history page's states over the real background (handlers and store, in memory): loading,
 * error, empty, data; import with a preview and a bad file; the day table, months, eligibility
 * and evidence; linking; settings; diagnostics; deleting everything.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeHistoryFile } from '../../../core/history/write';
import { HistoryApp } from '../../../entrypoints/options/HistoryApp';
import type { StorageInfo } from '../../../entrypoints/options/DiagnosticsSection';
import type { Send } from '../../../components/send';
import { demo, failingSend, NOW, now, pendingSend, realBackground } from './helpers';
import { readingSchema } from '../../../core/messaging/reading';

// uPlot needs a real canvas; here the chart's options are only recorded.
const plots = vi.hoisted(() => [] as { series: { label?: string }[] }[]);
vi.mock('uplot', () => ({
  default: Object.assign(
    class {
      constructor(options: { series: { label?: string }[] }) {
        plots.push(options);
      }
      setSize() {}
      destroy() {}
    },
    { tzDate: (date: Date) => date },
  ),
}));

// The real core compares a year of data in these tests: a slow, shared machine needs time.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  plots.length = 0;
});

const storage: StorageInfo = { estimate: async () => ({ usage: 1_700_000, quota: 84_000_000_000 }), persisted: async () => false, persist: async () => true };

function renderPage(send: Send, initialTrackId: string | null = null) {
  return render(<HistoryApp send={send} locale="en-GB" now={now} initialTrackId={initialTrackId} storage={storage} />);
}

async function withDemo(initialTrackId: string | null = null) {
  const background = await realBackground();
  await background.store.importHistory(demo());
  renderPage(background.send, initialTrackId);
  // A year of five recordings is compared for real: allow a slow machine its time.
  await screen.findByTestId('track-panel', {}, { timeout: 5000 });
  return background;
}

const fixtureFile = (path: string, name = path.split('/').pop()!) => new File([readFileSync(resolve(import.meta.dirname, '../../fixtures', path))], name);

describe('HistoryApp states', () => {
  it('shows that it is loading, with the space reserved', () => {
    renderPage(pendingSend);
    expect(screen.getByText('Loading your recordings…').closest('[aria-busy="true"]')).toBeTruthy();
  });

  it('says what failed, that nothing changed, and what to do', async () => {
    renderPage(failingSend('Reading the history: the database is closed'));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]!.textContent).toContain('Your recordings could not be loaded.');
    expect(alerts[0]!.textContent).toContain('the database is closed');
    expect(alerts[0]!.textContent).toContain('Nothing was changed.');
  });

  it('tells a new artist what to do when nothing is stored', async () => {
    const { send } = await realBackground();
    renderPage(send);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent).toContain('Import files');
    expect(empty.textContent).toContain('Trends');
    expect(await screen.findByText('No Spotify for Artists song has been read yet.')).toBeTruthy();
    expect(within(await screen.findByTestId('readings')).getAllByText('No visit read yet.')).toHaveLength(2);
  });
});

describe('HistoryApp with a year of data', () => {
  it('lists the recordings, searches them, and shows the chosen one with its chart, table and reasons', async () => {
    await withDemo('t-harbour');
    const list = screen.getByTestId('track-list');
    expect(within(list).getAllByRole('button')).toHaveLength(5);
    fireEvent.input(screen.getByLabelText('Search recordings'), { target: { value: 'late' } });
    expect(within(list).getAllByRole('button')).toHaveLength(2);
    expect(screen.getByText('2 of 5 recordings')).toBeTruthy();

    expect(screen.getByRole('heading', { level: 2, name: 'Harbour Lights' })).toBeTruthy();
    expect(screen.getByText(/On a normal day iMusician \(Spotify\) shows about 9\d% of Spotify for Artists' count/)).toBeTruthy();
    await waitFor(() => expect(plots).toHaveLength(1));
    expect(plots[0]!.series.map((series) => series.label)).toEqual(['Day', 'Spotify for Artists', 'iMusician', 'Anomaly', 'Revised']);
    expect(screen.getByTestId('chart').textContent).toContain('2 anomalies marked');
    const table = screen.getByTestId('day-table');
    expect(within(table).getAllByLabelText(/^Anomaly: .*likely a reporting error/)).toHaveLength(2);
    expect(within(table).getAllByText('pending', { exact: false }).length).toBeGreaterThan(0);
  });

  it('shows months, eligibility month by month, and prepares the evidence for the anomalies', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) }, configurable: true });
    await withDemo('t-harbour');
    fireEvent.click(screen.getByRole('tab', { name: 'Months' }));
    expect(screen.getByText(/No monthly figures: import a distributor's sales report/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Eligibility' }));
    const eligibility = screen.getByTestId('eligibility-table');
    expect(within(eligibility).getAllByRole('row').length).toBeGreaterThan(12);
    expect(within(eligibility).getAllByText('Earning').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('tab', { name: 'Evidence' }));
    expect(screen.getByText(/Days to include \(2 chosen\)/)).toBeTruthy();
    const preview = screen.getByTestId('evidence-preview');
    expect(preview.textContent).toContain('# Stream counts: `Harbour Lights` (ISRC CHA012400001)');
    expect(preview.textContent?.match(/^### /gm)).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await waitFor(() => expect(copied).toEqual([preview.textContent]));
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toContain('The report was copied'));
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByText('Choose at least one day to prepare a report.')).toBeTruthy();
  });

  it('asks for an ISRC before an evidence report', async () => {
    await withDemo('t-latetrain-s4a');
    fireEvent.click(screen.getByRole('tab', { name: 'Evidence' }));
    expect(screen.getByTestId('evidence-no-isrc').textContent).toContain('Link tracks');
  });

  it('links a Spotify for Artists song to the recording the artist picks', async () => {
    const { store } = await withDemo();
    const unlinked = await screen.findByTestId('unlinked-tracks');
    fireEvent.change(within(unlinked).getByLabelText(/Late Train \(Acoustic\)/), { target: { value: 'CHA012400003' } });
    fireEvent.click(within(unlinked).getByRole('button', { name: 'Link' }));
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toContain('“Late Train (Acoustic)” is now linked to CHA012400003.'));
    const linked = (await store.listTracks()).find((track) => track.isrc === 'CHA012400003')!;
    expect(linked.spotifyTrackIds).toEqual(['7ouMYWpwJ422jRcDASZB7P']);
    await waitFor(() => expect(screen.getByText('Every Spotify for Artists song is linked to a recording.')).toBeTruthy());
    // The page shows the linked recording, now with both sides.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: linked.title })).toBeTruthy());
  });

  it('saves the settings and refuses a bad value without saving', async () => {
    const { store } = await withDemo();
    const settle = await screen.findByLabelText('Settle window (days)');
    expect(screen.getByLabelText('Read dashboards in private windows')).toHaveProperty('checked', false);
    fireEvent.input(settle, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findAllByRole('alert')).some((alert) => alert.textContent === 'The settle window is a whole number of days from 1 to 60. Nothing was saved.')).toBe(true);
    expect((await store.getSettings()).settleDays).toBe(5);
    fireEvent.input(settle, { target: { value: '8' } });
    fireEvent.input(screen.getByLabelText('Assumed listener minimum'), { target: { value: '300' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Settings saved.'));
    expect(await store.getSettings()).toMatchObject({ settleDays: 8, assumedListenerMinimum: 300, readInPrivateWindows: false });
  });

  it('shows storage use and asks the browser to keep the data', async () => {
    await withDemo();
    const usage = await screen.findByTestId('storage');
    expect(usage.textContent).toContain('Crosscount uses 1.7 MB of the 84 GB this browser allows.');
    expect(usage.textContent).toContain('may clear it');
    fireEvent.click(screen.getByRole('button', { name: 'Ask the browser to keep it' }));
    await waitFor(() => expect(screen.getByTestId('storage').textContent).toContain('Kept for sure'));
  });

  it('says in the diagnostics how many page messages were dropped over the limits', async () => {
    const background = await realBackground();
    await background.store.importHistory(demo());
    const flooded = readingSchema.parse({ id: 'spotify:flood:1', site: 'spotify', path: '/c/artist/a/music/songs', readAt: NOW.toISOString(), status: 'unrecognised', reason: 'page messages over the page channel limit were dropped', dropped: { messages: 940, characters: 1_880_000 } });
    await background.store.ingestReading(flooded, { refused: null });
    renderPage(background.send);
    const line = await screen.findByTestId('visit-dropped', {}, { timeout: 5000 });
    expect(line.textContent).toBe(' · 940 page messages over the limit were dropped (1.9 MB): a page may send at most 20 a second and 32 MB a minute');
  });

  it('deletes everything only after the confirmation', async () => {
    const { store } = await withDemo();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    expect(screen.getByTestId('delete-confirm').textContent).toContain('Export your history first');
    expect((await store.getHistory()).tracks).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    // The page first finishes the year it was computing; a loaded, shared machine needs time.
    await screen.findByTestId('empty-state', {}, { timeout: 15_000 });
    expect(await store.getHistory()).toEqual({ tracks: [], observations: [] });
    expect(screen.getByTestId('announcer').textContent).toBe('Everything was deleted.');
  });
});

describe('HistoryApp import', () => {
  it('previews several files with a bad one, then adds the good ones', async () => {
    const { send, store } = await realBackground();
    renderPage(send);
    await screen.findByTestId('empty-state');
    const demoFile = new File([writeHistoryFile(demo(), NOW)], 'demo-history.json');
    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [demoFile, fixtureFile('reports/imusician-sales.csv'), fixtureFile('reports/imusician-sales-broken.csv')] } });
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByRole('row', { name: /demo-history\.json/ }).textContent).toContain('Crosscount history file');
    expect(within(preview).getByRole('row', { name: /imusician-sales\.csv/ }).textContent).toContain('iMusician');
    const errors = screen.getByTestId('import-errors');
    expect(errors.textContent).toContain('imusician-sales-broken.csv: row 3, column M (Quantity): "12.5" is not a whole number of streams');
    expect(errors.textContent).toContain('nothing from it will be added');
    expect((await store.getHistory()).tracks).toHaveLength(0);

    fireEvent.click(within(preview).getByRole('button', { name: 'Add these 2 files' }));
    const done = await screen.findByTestId('import-done');
    expect(done.textContent).toContain('Imported 2 files: 7 new recordings');
    await screen.findByTestId('track-panel');
    expect(within(screen.getByTestId('track-list')).getAllByRole('button')).toHaveLength(7);
  });

  it('says nothing was changed when no file can be read', async () => {
    const { send, calls } = await realBackground();
    renderPage(send);
    await screen.findByTestId('empty-state');
    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [fixtureFile('reports/unknown.csv')] } });
    const preview = await screen.findByTestId('import-preview');
    expect(preview.textContent).toContain('Nothing was changed.');
    expect(within(preview).queryByRole('button', { name: /^Add/ })).toBeNull();
    expect(calls).not.toContain('ui:importHistory');
  });

  it('cancels a file still being read: nothing is stored, and the next choice reads normally', async () => {
    const { send, store, calls } = await realBackground();
    renderPage(send);
    await screen.findByTestId('empty-state');
    // A file whose bytes never arrive (a slow disk, a huge file): the import stays in "reading".
    class StuckFile extends File {
      override slice(): Blob {
        return { arrayBuffer: () => new Promise<ArrayBuffer>(() => undefined) } as Blob;
      }
    }
    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [new StuckFile(['{}'], 'huge-history.json')] } });
    const reading = await screen.findByTestId('import-reading');
    expect(within(reading).getByTestId('import-progress-text').textContent).toContain('huge-history.json');
    fireEvent.click(within(reading).getByTestId('import-stop'));
    expect(screen.queryByTestId('import-reading')).toBeNull();
    expect(screen.getByTestId('announcer').textContent).toBe('Import cancelled. Nothing was stored.');
    expect(calls).not.toContain('ui:importHistory');
    expect((await store.getHistory()).tracks).toHaveLength(0);

    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [fixtureFile('history/s4a-readings.json')] } });
    fireEvent.click(within(await screen.findByTestId('import-preview')).getByRole('button', { name: 'Add this file' }));
    await screen.findByTestId('import-done');
    expect((await store.getHistory()).tracks.length).toBeGreaterThan(0);
  });

  it('reports a refused import and that nothing was changed', async () => {
    const { send } = await realBackground();
    const refusing = ((type: string, payload: unknown) => (type === 'ui:importHistory' ? Promise.reject(new Error('Importing the history file: the disk is full')) : send(type as never, payload as never))) as Send;
    renderPage(refusing);
    await screen.findByTestId('empty-state');
    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [fixtureFile('history/s4a-readings.json')] } });
    fireEvent.click(within(await screen.findByTestId('import-preview')).getByRole('button', { name: 'Add this file' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the disk is full');
    expect(alert.textContent).toContain('Nothing was changed');
  });
});
