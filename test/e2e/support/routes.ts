/**
 * Serves the fixture dashboards at their real hosts, so content scripts inject exactly as in
 * the wild. Anything not in the fixtures answers 404: no test request leaves the machine.
 */
import type { BrowserContext, Route } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixtureHeaders, fixturePageFor } from '../../fixtures/pages/index';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/pages');

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  js: 'text/javascript',
  css: 'text/css',
};

async function answer(route: Route): Promise<void> {
  const url = route.request().url();
  if (route.request().method() === 'OPTIONS') {
    await route.fulfill({ status: 204, headers: fixtureHeaders(url) });
    return;
  }
  const file = fixturePageFor(url);
  const path = file ? resolve(FIXTURES, file) : null;
  if (!path || !existsSync(path)) {
    await route.fulfill({ status: 404, contentType: 'text/plain', headers: fixtureHeaders(url), body: 'not in the fixtures' });
    return;
  }
  const extension = path.split('.').pop() ?? '';
  await route.fulfill({ status: 200, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', headers: fixtureHeaders(url), body: readFileSync(path) });
}

export async function routeFixtureSites(context: BrowserContext): Promise<void> {
  for (const pattern of ['https://artists.spotify.com/**', 'https://generic.wg.spotify.com/**', 'https://www.imusician.pro/**']) {
    await context.route(pattern, answer);
  }
}
