/**
 * Serves the fixture dashboards at their real hosts, so content scripts inject exactly as in
 * the wild. Anything not in the fixtures answers 404: no test request leaves the machine.
 * `fixtureResponse` is the one answer both browsers give (Playwright routes in Chromium,
 * request interception in Firefox).
 */
import type { BrowserContext, Route } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixtureHeaders, fixturePageFor } from '../../fixtures/pages/index';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/pages');

/** Hosts answered from the fixtures; every other request is left alone. */
export const FIXTURE_HOSTS = ['artists.spotify.com', 'generic.wg.spotify.com', 'www.imusician.pro', 'distrokid.com'] as const;

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  js: 'text/javascript',
  css: 'text/css',
};

export interface FixtureResponse {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: Buffer | string;
}

export function isFixtureHost(url: string): boolean {
  return (FIXTURE_HOSTS as readonly string[]).includes(new URL(url).host);
}

/** What the fixture site answers to a request at one of FIXTURE_HOSTS. */
export function fixtureResponse(url: string, method: string): FixtureResponse {
  const headers = fixtureHeaders(url);
  if (method === 'OPTIONS') return { status: 204, contentType: 'text/plain', headers, body: '' };
  const file = fixturePageFor(url);
  const path = file ? resolve(FIXTURES, file) : null;
  if (!path || !existsSync(path)) return { status: 404, contentType: 'text/plain', headers, body: 'not in the fixtures' };
  const extension = path.split('.').pop() ?? '';
  return { status: 200, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', headers, body: readFileSync(path) };
}

async function answer(route: Route): Promise<void> {
  const { status, contentType, headers, body } = fixtureResponse(route.request().url(), route.request().method());
  await route.fulfill({ status, contentType, headers, body });
}

export async function routeFixtureSites(context: BrowserContext): Promise<void> {
  for (const host of FIXTURE_HOSTS) await context.route(`https://${host}/**`, answer);
}
