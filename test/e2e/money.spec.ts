/**
 * Money in the built extension: import a sales report and Spotify for Artists' history on the
 * history page, open the Money tab, see the flagged month, put it into an evidence report, and
 * export → import keeps the money (test/fixtures/money).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download } from '@playwright/test';
import { test, expect } from './support/extension';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/money', name);

test('a flagged statement month goes from the Money tab into an evidence report, and the money survives export → import', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await page.getByTestId('import-input').setInputFiles([fixture('s4a-history.json'), fixture('imusician-statement.csv')]);
  await page.getByTestId('import-preview').getByRole('button', { name: /Add these 2 files/ }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  await page.getByTestId('track-list').getByRole('button', { name: /Harbour Lights/ }).click();
  await page.getByRole('tab', { name: 'Money' }).click();
  const panel = page.getByTestId('money-panel');
  await expect(panel.getByTestId('money-unpaid')).toContainText('700 Spotify streams earned nothing');
  await expect(panel.getByTestId('money-chart')).toContainText('Revenue and rate per store (EUR)');
  const january = panel.locator('tr[data-month="2024-01"]');
  await expect(january.locator('[data-code="REVENUE_WITHOUT_STREAMS"]')).toHaveClass(/cc-chip--unexplained/);
  await expect(january.locator('[data-code="REVENUE_BEFORE_RELEASE"]')).toBeVisible();
  await expect(panel.locator('tr[data-month="2024-02"] [data-code="BELOW_THRESHOLD"]')).toHaveClass(/cc-chip--expected/);

  await january.getByRole('button', { name: 'Add to evidence report' }).click();
  await expect(page.getByRole('tab', { name: 'Evidence' })).toHaveAttribute('aria-selected', 'true');
  const preview = page.getByTestId('evidence-preview');
  await expect(preview).toContainText('## Sales reports');
  await expect(preview).toContainText('| 2024-01 | iMusician | Spotify | 0 | 0.5 EUR | — | 0 | no |');
  await expect(preview).toContainText('Before release (unexplained)');

  // The export keeps the money; deleting and importing it brings the same Money tab back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON', exact: true }).click()]);
  const exported = readFileSync(await (download as Download).path(), 'utf8');
  const file = JSON.parse(exported) as { money?: { month: string; amount: string }[] };
  expect(file.money?.find((record) => record.month === '2024-05')?.amount).toBe('1.74');
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('import-input').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.getByTestId('import-preview').getByRole('button', { name: /Add this file/ }).click();
  await page.getByTestId('track-list').getByRole('button', { name: /Harbour Lights/ }).click();
  await page.getByRole('tab', { name: 'Money' }).click();
  await expect(page.getByTestId('money-panel').locator('tr[data-month="2024-05"]')).toContainText('€1.74');
});
