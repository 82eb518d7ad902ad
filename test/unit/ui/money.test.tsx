// @vitest-environment happy-dom
/**
 * Money on the screens, over the real background and store: the Money tab (table, chart per
 * currency, flags as chips, a month into the evidence report), the popup's statement line and
 * the overlay's month line. Data: test/fixtures/money (S4A history + an iMusician statement).
 */
import { cleanup, configure, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Overlay } from '../../../components/overlay/Overlay';
import { parseHistoryFile } from '../../../core/history/parse';
import { mergeHistories } from '../../../core/history/merge';
import type { History } from '../../../core/model/history';
import { readReport } from '../../../core/sources/reports';
import { buildOverlayView } from '../../../core/views/build';
import { HistoryApp } from '../../../entrypoints/options/HistoryApp';
import { PopupApp } from '../../../entrypoints/popup/PopupApp';
import { formatMoney } from '../../../components/format';
import { moneyFlagText } from '../../../components/money-words';
import { MONEY_FIXTURE_DIR } from '../../fixtures/money/make-money-fixtures';
import { speak } from '../i18n/catalogs';
import { now, realBackground } from './helpers';
import { SPOTIFY_SITE } from '../../../core/sources/spotify/site';
import { IMUSICIAN_SITE } from '../../../core/sources/imusician/site';

// uPlot needs a real canvas (the track chart); not what these tests look at.
vi.mock('uplot', () => ({ default: Object.assign(class { setSize() {} destroy() {} }, { tzDate: (date: Date) => date }) }));

configure({ asyncUtilTimeout: 5000 });
afterEach(cleanup);

function moneyHistory(): History {
  const s4a = parseHistoryFile(readFileSync(join(MONEY_FIXTURE_DIR, 's4a-history.json'), 'utf8'));
  const report = readReport(new Uint8Array(readFileSync(join(MONEY_FIXTURE_DIR, 'imusician-statement.csv'))), 'imusician-statement.csv', { importedAt: '2025-01-10T08:00:00.000Z' });
  return mergeHistories(s4a, report);
}

const storage = { estimate: async () => ({ usage: 1, quota: 100 }), persisted: async () => false, persist: async () => true };

describe('the Money tab', () => {
  it('shows each month and store with revenue, rate, Spotify for Artists and flags, and puts a flagged month into the evidence report', async () => {
    const background = await realBackground();
    await background.store.importHistory(moneyHistory());
    render(<HistoryApp send={background.send} locale="en-GB" now={now} initialTrackId="imusician:CHA1B2400001" storage={storage} />);
    await screen.findByTestId('track-panel', {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('tab', { name: 'Money' }));

    const panel = screen.getByTestId('money-panel');
    expect(within(panel).getByTestId('money-unpaid').textContent).toContain('700 Spotify streams earned nothing: the recording was under 1,000 in those months.');
    expect(within(panel).getAllByTestId('money-chart').map((chart) => chart.querySelector('figcaption')!.textContent)).toEqual(['Revenue and rate per store (EUR)']);
    const rows = within(panel).getAllByTestId('money-row');
    expect(rows.map((row) => row.dataset.month)).toEqual(['2024-06', '2024-06', '2024-05', '2024-04', '2024-03', '2024-02', '2024-01']);
    const may = rows[2]!;
    // 1.50 + 0.255 − 0.015, the correction kept.
    expect(may.textContent).toContain('€1.74');
    expect(may.textContent).toContain('580');
    const january = rows[6]!;
    expect(within(january).getByLabelText(/^Paid, 0 streams: €0.50 paid for 0 streams in January 2024/)).toBeTruthy();
    expect(within(january).getByLabelText(/^Before release: /).className).toContain('cc-chip--unexplained');
    expect(within(rows[5]!).getByLabelText(/^Below threshold: 300 Spotify streams in February 2024 earned no recording royalty/).className).toContain('cc-chip--expected');

    fireEvent.click(within(january).getByRole('button', { name: 'Add to evidence report' }));
    expect(screen.getByRole('tab', { name: 'Evidence' }).getAttribute('aria-selected')).toBe('true');
    expect((screen.getByRole('checkbox', { name: /Jan 2024/ }) as HTMLInputElement).checked).toBe(true);
    const preview = screen.getByTestId('evidence-preview').textContent!;
    expect(preview).toContain('# Stream counts: `Harbour Lights` (ISRC CHA1B2400001)');
    expect(preview).toContain('## Sales reports');
    expect(preview).toContain('| 2024-01 | iMusician | Spotify | 0 | 0.5 EUR | — | 0 | No |');
    expect(preview).toContain('- Before release (unexplained): ');
  });

  it('says so when no report is in, with the unpaid streams as a fact', async () => {
    const background = await realBackground();
    await background.store.importHistory(parseHistoryFile(readFileSync(join(MONEY_FIXTURE_DIR, 's4a-history.json'), 'utf8')));
    render(<HistoryApp send={background.send} locale="en-GB" now={now} initialTrackId="t-harbour" storage={storage} />);
    await screen.findByTestId('track-panel', {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('tab', { name: 'Money' }));
    expect(screen.getByTestId('money-panel').textContent).toContain('No sales report for this recording yet');
  });
});

describe('money elsewhere', () => {
  it('the popup shows the last statement and the unpaid streams per recording', async () => {
    const background = await realBackground();
    await background.store.importHistory(moneyHistory());
    render(<PopupApp send={background.send} locale="en-GB" now={now} openHistory={() => {}} historyHref={(id) => `#${id}`} />);
    const line = await screen.findByTestId('recording-money');
    // Statement 2024-09: 0.50 + 0 + 0 + 1.44 + 1.74 + 1.74 + 0.28 (the download left out).
    expect(line.textContent).toBe('€5.70 in the last statement · 700 streams unpaid under the threshold');
  });

  it('the overlay lists the statement flags worth a look, with their month', () => {
    const history = moneyHistory();
    // One recording: the S4A track and the report's merged on the ISRC.
    expect(history.tracks).toHaveLength(1);
    const view = buildOverlayView(history, history.tracks[0]!.id, { asOf: now().toISOString(), settleDays: 5, assumedListenerMinimum: null });
    render(<Overlay state={{ kind: 'ready', view }} site={SPOTIFY_SITE} counterparts={[IMUSICIAN_SITE]} collapsed={false} onToggle={() => {}} today="2026-04-20" locale="en-GB" />);
    const line = screen.getByTestId('overlay-money');
    expect(within(line).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Statement for January 2024: !Paid, 0 streams',
      'Statement for January 2024: !Before release',
      'Statement for January 2024: ◔Paid while not eligible',
    ]);
  });

  it('formats money in the locale with the report currency, every digit kept', () => {
    expect(formatMoney({ amount: '4.12', currency: 'EUR' }, 'en-GB')).toBe('€4.12');
    expect(formatMoney({ amount: '4.12', currency: 'EUR' }, 'de-DE')).toBe('4,12\u00a0€');
    expect(formatMoney({ amount: '0.0031072', currency: 'USD' }, 'en-US')).toBe('$0.0031072');
    expect(formatMoney({ amount: '-0.5', currency: 'EUR' }, 'fr-FR')).toBe('-0,50\u00a0€');
  });
});

describe('money in the artist’s language', () => {
  it('German: the Money tab, its chips and sentences, the evidence report made from it, the popup line and the overlay', async () => {
    speak('de', 'de-DE');
    const background = await realBackground();
    await background.store.importHistory(moneyHistory());
    render(<HistoryApp send={background.send} locale="de-DE" now={now} initialTrackId="imusician:CHA1B2400001" storage={storage} />);
    await screen.findByTestId('track-panel', {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('tab', { name: 'Einnahmen' }));
    const panel = screen.getByTestId('money-panel');
    expect(within(panel).getByTestId('money-unpaid').textContent).toContain('700 Spotify-Streams brachten nichts ein: Die Aufnahme lag in diesen Monaten unter 1.000.');
    const january = within(panel).getAllByTestId('money-row').find((row) => row.dataset.month === '2024-01')!;
    expect(within(january).getByLabelText(/^Bezahlt, 0 Streams: 0,50\s€ bezahlt für 0 Streams im Januar 2024\./)).toBeTruthy();
    expect(within(panel).getByRole('columnheader', { name: 'Pro Stream' })).toBeTruthy();
    fireEvent.click(within(january).getByRole('button', { name: 'Zum Nachweis hinzufügen' }));
    const preview = screen.getByTestId('evidence-preview').textContent!;
    // The whole report made from the history page is in the artist's language, not only its money part.
    expect(preview).toContain('# Streamzahlen: `Harbour Lights` (ISRC CHA1B2400001)');
    expect(preview).toContain('- Künstler*in: `Luma Field`');
    expect(preview).toContain('Zahlen so, wie sie in den eigenen Dashboards');
    expect(preview).toContain('## Verkaufsberichte');
    expect(preview).toContain('| Monat | Bericht | Store | Streams laut Bericht | Einnahmen | Pro Stream | Spotify for Artists | Vergütet |');
    expect(preview).toContain('| 2024-01 | iMusician | Spotify | 0 | 0.5 EUR | — | 0 | Nein |');
    expect(preview).toContain('- Vor Release (ungeklärt): ');
    expect(preview).not.toMatch(/Worth asking|Paid, 0 streams|Sales reports/);
    cleanup();

    render(<PopupApp send={background.send} locale="de-DE" now={now} openHistory={() => {}} historyHref={(id) => `#${id}`} />);
    expect((await screen.findByTestId('recording-money')).textContent).toBe('5,70\u00a0€ in der letzten Abrechnung · 700 Streams unter der Schwelle unbezahlt');
    cleanup();

    const history = moneyHistory();
    const view = buildOverlayView(history, history.tracks[0]!.id, { asOf: now().toISOString(), settleDays: 5, assumedListenerMinimum: null });
    render(<Overlay state={{ kind: 'ready', view }} site={SPOTIFY_SITE} counterparts={[IMUSICIAN_SITE]} collapsed={false} onToggle={() => {}} today="2026-04-20" locale="de-DE" />);
    const items = within(screen.getByTestId('overlay-money')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Abrechnung für Januar 2024: !Bezahlt, 0 Streams', 'Abrechnung für Januar 2024: !Vor Release', 'Abrechnung für Januar 2024: ◔Bezahlt unter der Schwelle']);
    expect(items[0]!.querySelector('.cc-chip')!.getAttribute('title')).toBe('0,50\u00a0€ bezahlt für 0 Streams im Januar 2024. Frag am besten deinen Vertrieb danach.');
  });

  it('every flag’s sentence is filled in every language, with the locale’s money form', () => {
    const history = moneyHistory();
    const view = buildOverlayView(history, history.tracks[0]!.id, { asOf: now().toISOString(), settleDays: 5, assumedListenerMinimum: null });
    const flag = view.moneyFlags.find((each) => each.flag.code === 'REVENUE_WITHOUT_STREAMS')!.flag;
    const expected = { en: '€0.50', de: '0,50\u00a0€', fr: '0,50\u00a0€', it: '0,50\u00a0€', es: '0,50\u00a0€' } as const;
    for (const language of ['en', 'de', 'fr', 'it', 'es'] as const) {
      speak(language);
      const text = moneyFlagText(flag);
      expect(text, language).toContain(expected[language]);
      expect(text, language).not.toMatch(/\{|0\.5 EUR/);
    }
  });
});
