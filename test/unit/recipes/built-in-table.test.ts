/**
 * The built-in iMusician recipe reads exactly what iMusician's reader read before it was a
 * recipe (core/sources/imusician/recipe.ts): every hypothetical fixture response
 * (test/fixtures/imusician/README.md) at several addresses (no store filter, one store, an
 * unclear filter, an address that is not data) and statuses, compared whole (tracks,
 * observations, held back, refused, reasons and notes as messages) with the results recorded
 * from the reader before the change (built-in-table.golden.json; written once by vitest).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseImusicianResponse } from '../../../core/sources/imusician/parse-response';
import { API, APP, context, fixtureJson } from '../sources/imusician/helpers';

const fixtures = readdirSync('test/fixtures/imusician').filter((name) => name.endsWith('.json'));
const pageFixture = JSON.parse(readFileSync('test/fixtures/pages/imusician/api/trends-track-4711.json', 'utf8')) as unknown;

const ADDRESSES = [
  API,
  `${API}?store=spotify&from=2026-03-18`,
  `${API}?dsp=Apple%20Music`,
  `${API}?stores=spotify,deezer`,
  `${APP}/graphql?operationName=TrendAnalytics`,
  `${APP}/api/v1/account/trends`,
  `${APP}/api/v1/analytics/trends.js`,
  'http://www.imusician.pro/api/v2/analytics/trends',
];

function table(): Record<string, unknown> {
  const rows: Record<string, unknown> = {};
  const bodies: Array<[string, unknown]> = [...fixtures.map((name): [string, unknown] => [name, fixtureJson(name)]), ['pages/trends-track-4711.json', pageFixture]];
  for (const [name, body] of bodies) {
    for (const url of ADDRESSES) rows[`${name} @ ${url}`] = parseImusicianResponse({ url, status: 200, body }, context());
  }
  const body = fixtureJson('track-daily-spotify.json');
  for (const [status, text] of [[401, 'Unauthorized'], [204, null], [500, '<html>…</html>'], [200, 'not json']] as const) {
    rows[`status ${status} ${String(text)}`] = parseImusicianResponse({ url: API, status, body: status === 204 || status === 200 ? null : body, text }, context());
  }
  for (const [label, odd] of [['{}', {}], ['[]', []], ['number', 12], ['errors', { errors: [{ message: 'x' }], data: null }]] as const) {
    rows[`body ${label}`] = parseImusicianResponse({ url: API, status: 200, body: odd }, context());
  }
  return rows;
}

describe('the built-in iMusician recipe reads as the reader did', () => {
  it('gives the same result for every fixture, address and status', async () => {
    await expect(`${JSON.stringify(table(), null, 1)}\n`).toMatchFileSnapshot('./built-in-table.golden.json');
  });
});
