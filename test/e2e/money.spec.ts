/**
 * Money in the built extension, what only Playwright can drive (Chromium): a sales report and
 * Spotify for Artists' history chosen with the file picker on the history page, and export →
 * import through the download keeps the money (test/fixtures/money). The popup's statement
 * line, the Money tab's flags and the evidence report run in both browsers: the `money`
 * journey (test/e2e/journeys/money.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download } from '@playwright/test';
import { test, expect } from './support/extension';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/money', name);

test('sales reports chosen with the file picker show on the Money tab, and the money survives export → import', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await page.getByTestId('import-input').setInputFiles([fixture('s4a-history.json'), fixture('imusician-statement.csv')]);
  await page.getByTestId('import-preview').getByRole('button', { name: /Add these 2 files/ }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  await page.getByTestId('track-list').getByRole('button', { name: /Harbour Lights/ }).click();
  await page.getByRole('tab', { name: 'Money' }).click();
  await expect(page.getByTestId('money-panel').locator('tr[data-month="2024-01"] [data-code="REVENUE_WITHOUT_STREAMS"]')).toBeVisible();

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
