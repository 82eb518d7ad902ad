/**
 * The popup in the built extension: the empty state for a new artist, then the recordings of
 * an imported year (closest to 1,000 first, earning ones grouped below), and the way to the
 * history page.
 */
import { writeHistoryFile } from '../../core/history/write';
import { demoHistory } from '../fixtures/ui/demo-history';
import { test, expect } from './support/extension';

test('tells a new artist what to do, then lists the recordings by closeness to 1,000', async ({ context, openExtensionPage }) => {
  const empty = await openExtensionPage('popup.html');
  await expect(empty.getByTestId('empty-state')).toContainText('No recordings yet');
  await expect(empty.getByTestId('empty-state')).toContainText('Spotify for Artists');
  await expect(empty.getByTestId('empty-state')).toContainText('Trends');
  await expect(empty.getByTestId('last-read')).toContainText('not read yet');
  await empty.close();

  const now = new Date();
  const text = writeHistoryFile(demoHistory(now.toISOString().slice(0, 10), now), now);
  const history = await openExtensionPage('options.html');
  await history.getByTestId('import-input').setInputFiles({ name: 'demo-history.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await history.getByRole('button', { name: 'Add this file' }).click();
  await expect(history.getByTestId('import-done')).toBeVisible();
  // Closed, so that the popup's button opens a new history page (an open one is only focused).
  await history.close();

  const popup = await openExtensionPage('popup.html');
  const rows = popup.getByTestId('recording');
  await expect(rows.first()).toContainText('Paper Boats');
  await expect(rows.first()).toContainText(/Not yet — \d+ to go/);
  await expect(popup.getByRole('heading', { name: /Earning royalties this month \(1\)/ })).toBeVisible();
  const harbour = rows.filter({ hasText: 'Harbour Lights' });
  await expect(harbour).toContainText('Earning');
  await expect(harbour).toContainText('2 unexplained days');
  await expect(popup.getByTestId('popup-summary')).toHaveText('5 recordings · 1 earning');
  await expect(popup.getByRole('progressbar', { name: /Paper Boats/ })).toHaveAttribute('aria-valuenow', /^9\d\d$/);

  const [opened] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Open history page' }).click()]);
  await expect(opened).toHaveURL(/options\.html/);
});
