import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mergeHistories } from '../../../core/history/merge';
import { parseHistoryFile } from '../../../core/history/parse';
import { writeHistoryFile } from '../../../core/history/write';
import type { ImportResult } from '../../../core/messaging/protocol';
import { readReport } from '../../../core/sources/reports';
import type { Journey } from './types';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/money', name));

/**
 * Money in the built extension (issue 18), in both browsers: Spotify for Artists' history and an
 * iMusician sales statement (test/fixtures/money, shapes from make-money-fixtures.ts) go in; the
 * popup shows the last statement (the overview the background computes), the Money tab shows
 * the flagged month, and it goes into an evidence report with its sales lines. Choosing files
 * with the browser's file picker and the download are in money.spec.ts (Chromium: Playwright).
 */
export const money: Journey = {
  title: 'money: the popup’s statement line, a flagged month on the Money tab into an evidence report',
  async run(driver) {
    const report = readReport(new Uint8Array(fixture('imusician-statement.csv')), 'imusician-statement.csv', { importedAt: '2025-01-10T08:00:00.000Z' });
    const history = mergeHistories(parseHistoryFile(fixture('s4a-history.json').toString('utf8')), report);
    const imported = await driver.sendMessage<ImportResult>('ui:importHistory', { fileName: 'money.json', text: writeHistoryFile(history, new Date('2025-01-10T08:00:00.000Z')) });
    expect(imported.ok).toBe(true);
    expect((await driver.storedHistory()).money?.find((record) => record.month === '2024-05')?.amount).toBe('1.74');

    // Statement 2024-09: 0.50 + 0 + 0 + 1.44 + 1.74 + 1.74 + 0.28 (the download left out).
    const popup = await driver.openExtensionPage('popup.html');
    expect(await popup.waitFor({ testId: 'recording-money' }, { timeoutMs: 15_000 })).toBe('€5.70 in the last statement · 700 streams unpaid under the threshold');
    await popup.close();

    const page = await driver.openExtensionPage('options.html#track=imusician%3ACHA1B2400001');
    await page.waitFor({ testId: 'track-panel', text: 'Harbour Lights' }, { timeoutMs: 15_000 });
    await page.click('track-tab-money');
    expect(await page.waitFor({ testId: 'money-unpaid' })).toContain('700 Spotify streams earned nothing');
    expect(await page.waitFor({ testId: 'money-chart' })).toContain('Revenue and rate per store (EUR)');
    expect(await page.count({ selector: 'tr[data-month="2024-01"] [data-code="REVENUE_WITHOUT_STREAMS"].cc-chip--unexplained' })).toBe(1);
    expect(await page.count({ selector: 'tr[data-month="2024-01"] [data-code="REVENUE_BEFORE_RELEASE"].cc-chip--unexplained' })).toBe(1);
    expect(await page.count({ selector: 'tr[data-month="2024-02"] [data-code="BELOW_THRESHOLD"].cc-chip--expected' })).toBe(1);

    await page.click('money-evidence-2024-01');
    const preview = await page.waitFor({ testId: 'evidence-preview', text: '## Sales reports' });
    expect(preview).toContain('| 2024-01 | iMusician | Spotify | 0 | 0.5 EUR | — | 0 | No |');
    // The history page phrases the report in the artist's locale: amounts in its currency form.
    expect(preview).toContain('- Before release (unexplained): €0.50 paid for January 2024');
  },
};
