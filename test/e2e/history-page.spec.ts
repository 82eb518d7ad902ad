/**
 * The history page in the built extension: import several files (with one bad file), see them
 * in the list, the day table and the chart, export and re-import unchanged, link a Spotify for
 * Artists song to a recording by hand and unlink it, and delete everything; the Dashboards
 * section: a wrong address refused before the browser is asked, a recipe file imported, renamed,
 * exported and imported back, a hostile one refused, and the site access list (the journey
 * that grants a dashboard's access is test/e2e/journeys).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { serialiseRecipes } from '../../core/recipes';
import { DISTROKID_RECIPE } from '../fixtures/ui/recipes';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const fixture = (path: string) => resolve(FIXTURES, path);

async function importFiles(page: Page, files: Parameters<Page['setInputFiles']>[1], addLabel: RegExp) {
  await page.getByTestId('import-input').setInputFiles(files);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await preview.getByRole('button', { name: addLabel }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
}

async function downloadText(page: Page, buttonName: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName, exact: true }).click()]);
  return { name: (download as Download).suggestedFilename(), text: readFileSync(await (download as Download).path(), 'utf8') };
}

/** A history file without its export time (the one field that differs between exports). */
const withoutExportTime = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": ""');

test('imports several files, shows them, exports and re-imports them unchanged, deletes everything', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await expect(page.getByTestId('empty-state')).toContainText('No recordings yet');

  // Four files at once: two history files, a distributor report, and a broken report.
  await page.getByTestId('import-input').setInputFiles([
    fixture('history/s4a-readings.json'),
    fixture('history/imusician-readings.json'),
    fixture('reports/imusician-sales.csv'),
    fixture('reports/imusician-sales-broken.csv'),
  ]);
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByRole('row', { name: /s4a-readings\.json/ })).toContainText('Crosscount history file');
  await expect(preview.getByRole('row', { name: /imusician-sales\.csv/ })).toContainText('2024');
  await expect(page.getByTestId('import-errors')).toContainText('imusician-sales-broken.csv');
  await expect(page.getByTestId('import-errors')).toContainText('"12.5" is not a whole number of streams');
  await expect(page.getByTestId('import-errors')).toContainText('nothing from it will be added');
  await preview.getByRole('button', { name: 'Add these 3 files' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 3 files');

  // The list, the day table and the chart.
  const list = page.getByTestId('track-list');
  await expect(list).toContainText('Glacier Lights');
  await expect(list).toContainText('Night Drive');
  await list.getByRole('button', { name: /Glacier Lights/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Glacier Lights' })).toBeVisible();
  const dayRow = page.getByTestId('day-table').locator('tr[data-day="2025-03-30"]');
  await expect(dayRow).toContainText('153');
  await expect(dayRow).toContainText('142');
  await expect(page.getByTestId('chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chart')).toContainText('Spotify for Artists and iMusician');

  // The evidence report for a chosen day.
  await page.getByRole('tab', { name: 'Evidence' }).click();
  await page.getByRole('checkbox', { name: /Mar 30|30 Mar/ }).check();
  await expect(page.getByTestId('evidence-preview')).toContainText('ISRC CHA012400001');
  await expect(page.getByTestId('evidence-preview')).toContainText('153');

  // Export, delete everything, re-import the export: the same history comes back.
  const exported = await downloadText(page, 'Export JSON');
  expect(exported.name).toMatch(/^crosscount-history-\d{4}-\d{2}-\d{2}\.json$/);
  const firstExport = JSON.parse(exported.text) as { tracks: unknown[]; observations: unknown[] };
  expect(firstExport.tracks).toHaveLength(4);
  expect(firstExport.observations.length).toBeGreaterThan(30);
  const csv = await downloadText(page, 'Export CSV');
  expect(csv.text.split('\r\n')[0]).toBe('isrc,title,artists,source,store,metric,day,value,observed_at');
  expect(csv.text).toContain('CHA012400001,Glacier Lights,Nora Vell,spotify,spotify,streams,2025-03-30,153,2025-04-02T08:12:40.000Z');

  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await expect(page.getByTestId('delete-confirm')).toContainText('Export your history first');
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('announcer')).toContainText('Everything was deleted.');

  await importFiles(page, { name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) }, /Add this file/);
  await expect(page.getByTestId('track-list')).toContainText('Glacier Lights');
  const again = await downloadText(page, 'Export JSON');
  expect(withoutExportTime(again.text)).toBe(withoutExportTime(exported.text));
});

test('links a Spotify for Artists song to a recording by hand, and unlinks it', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  // "Night Bus, Zürich" from Spotify for Artists has no ISRC; the report knows "Night Drive".
  await importFiles(page, [fixture('history/s4a-readings.json'), fixture('reports/imusician-sales.csv')], /Add these 2 files/);
  const unlinked = page.getByTestId('unlinked-tracks');
  await expect(unlinked).toContainText('Night Bus, Zürich');
  await unlinked.getByLabel(/Night Bus, Zürich/).selectOption('CHA1B2400001');
  await unlinked.getByRole('button', { name: 'Link' }).click();
  await expect(page.getByTestId('announcer')).toContainText('is now linked to CHA1B2400001');
  const linked = page.getByTestId('linked-tracks');
  await expect(linked.getByRole('listitem').filter({ hasText: 'Night Bus, Zürich' })).toContainText('CHA1B2400001');
  await expect(page.getByText('Every Spotify for Artists song is linked to a recording.')).toBeVisible();
  // The linked recording now has both sides: Spotify for Artists' days and the report's months.
  await page.getByTestId('track-list').getByRole('button', { name: /CHA1B2400001/ }).click();
  await expect(page.getByTestId('chart')).toContainText('Spotify for Artists, daily streams');
  await page.getByRole('tab', { name: 'Months' }).click();
  await expect(page.getByTestId('month-table')).toContainText('2024');

  await linked.getByRole('button', { name: /Unlink Night Bus, Zürich/ }).click();
  await expect(page.getByTestId('unlinked-tracks')).toContainText('Night Bus, Zürich');
  await expect(page.getByTestId('announcer')).toContainText('unlinked');
});

test('dashboards: refuses a wrong address, imports, renames and exports recipes, refuses a hostile file, lists site access', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  const section = page.getByTestId('dashboards');
  await expect(section).toContainText('No dashboard added yet.');

  // A wrong address: one line, and the browser is not asked.
  await section.getByLabel('Distributor').selectOption('other');
  await section.getByLabel('Address of its stats page').fill('http://stats.example-label.com');
  await section.getByRole('button', { name: 'Add and give access' }).click();
  await expect(section.getByTestId('add-dashboard-problem')).toHaveText('Only https addresses can be added.');

  // A recipe another artist shared (its dashboard not added here).
  const shared = { name: 'shared-recipes.json', mimeType: 'application/json', buffer: Buffer.from(serialiseRecipes([DISTROKID_RECIPE])) };
  await section.getByTestId('recipes-input').setInputFiles(shared);
  await expect(section.getByTestId('recipes-file-line')).toHaveText('shared-recipes.json: 1 new recipe.');
  await expect(section.getByRole('heading', { name: 'Recipes for dashboards not added' })).toBeVisible();
  const recipe = section.getByTestId('recipe');
  await expect(recipe).toContainText('Reads songs[*].days in the responses from distrokid.com/api/stats/daily');
  await expect(recipe).toContainText('Imported from a file');

  await recipe.getByRole('button', { name: 'Rename' }).click();
  await recipe.getByLabel('New name for “DistroKid daily stats”').fill('DK Spotify');
  await recipe.getByLabel('New name for “DistroKid daily stats”').press('Enter');
  await expect(recipe.getByRole('heading', { name: 'DK Spotify' })).toBeVisible();

  const exported = await downloadText(page, 'Export recipes');
  expect(exported.name).toMatch(/^crosscount-recipes-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(exported.text).recipes).toEqual([{ ...DISTROKID_RECIPE, name: 'DK Spotify', origin: 'imported' }]);
  // The same file back: already here, nothing doubled.
  await section.getByTestId('recipes-input').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await expect(section.getByTestId('recipes-file-line')).toHaveText(`${exported.name}: nothing new, its recipe was already here.`);
  await expect(section.getByTestId('recipe')).toHaveCount(1);

  const hostile = JSON.parse(exported.text);
  hostile.recipes[0].page.host = 'distrokid.com:8443';
  await section.getByTestId('recipes-input').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  await expect(section.getByTestId('recipes-file-line')).toContainText('hostile.json was not imported: recipe 1.page.host');
  await expect(section.getByTestId('recipe')).toHaveCount(1);

  const access = page.getByTestId('site-access');
  await expect(access).toContainText('Spotify for Artists · Access given');
  await expect(access).toContainText('iMusician · Access given');
});
