import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPageSample } from '../../../../core/sources/sample/build-sample';

/** Secrets a page can hold: e-mail addresses, hex / base64 tokens, JWTs. */
const hexToken = fc.stringMatching(/^[0-9a-f]{24,64}$/);
const base64Token = fc.stringMatching(/^[A-Za-z0-9+/]{24,60}={0,2}$/);
const jwt = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9_-]{4,40}$/), fc.stringMatching(/^[A-Za-z0-9_-]{4,80}$/), fc.stringMatching(/^[A-Za-z0-9_-]{8,43}$/))
  .map(([header, payload, signature]) => `eyJ${header}.${payload}.${signature}`);
const secret = fc.oneof(fc.emailAddress(), hexToken, base64Token, jwt);

type Placement = 'value' | 'inside-text' | 'key' | 'inside-key' | 'title' | 'track-name' | 'array-item';
const placement = fc.constantFrom<Placement>('value', 'inside-text', 'key', 'inside-key', 'title', 'track-name', 'array-item');
const text = fc.string({ maxLength: 12 });

/** Puts the secret somewhere in `json`, following `path` (random child choices). */
function plant(json: unknown, hidden: unknown, path: readonly number[]): unknown {
  const [step, ...rest] = path;
  if (step !== undefined && Array.isArray(json) && json.length > 0) {
    const index = step % json.length;
    return json.map((item, i) => (i === index ? plant(item, hidden, rest) : item));
  }
  if (step !== undefined && json !== null && typeof json === 'object' && Object.keys(json).length > 0) {
    const keys = Object.keys(json);
    const chosen = keys[step % keys.length]!;
    return Object.fromEntries(keys.map((key) => [key, key === chosen ? plant((json as Record<string, unknown>)[key], hidden, rest) : (json as Record<string, unknown>)[key]]));
  }
  return { wrapped: json, ...(hidden as object) };
}

function hiding(secretText: string, where: Placement, before: string, after: string): unknown {
  switch (where) {
    case 'value':
      return { note: secretText };
    case 'inside-text':
      return { note: `${before}${secretText}${after}` };
    case 'key':
      return { [secretText]: 1 };
    case 'inside-key':
      return { [`${before}${secretText}${after}`]: 'x' };
    case 'title':
      return { title: `${before}${secretText}${after}` };
    case 'track-name':
      return { isrc: 'CHXXX2400001', name: `${before} ${secretText} ${after}` };
    case 'array-item':
      return { list: [`${before}${secretText}`] };
  }
}

function leaks(output: string, secretText: string): boolean {
  return output.includes(secretText) || output.includes(JSON.stringify(secretText).slice(1, -1));
}

describe('a page sample never carries an e-mail address or token', () => {
  it('planted anywhere in a response body', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), secret, placement, fc.array(fc.nat(), { maxLength: 6 }), text, text, (json, secretText, where, path, before, after) => {
        const body = plant(json, hiding(secretText, where, before, after), path);
        const output = buildPageSample({ site: 'imusician', pageUrl: 'https://www.imusician.pro/app/trends', responses: [{ url: 'https://www.imusician.pro/api/trends', status: 200, body }], parseOutcomes: [] });
        expect(leaks(output, secretText)).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  it('planted in the addresses, the reasons or the DOM outline', () => {
    fc.assert(
      fc.property(secret, fc.constantFrom('path', 'query-value', 'query-name', 'fragment', 'reason', 'outline'), text, (secretText, where, around) => {
        const encoded = encodeURIComponent(secretText);
        const url =
          where === 'path'
            ? `https://www.imusician.pro/api/${encoded}/trends`
            : where === 'query-value'
              ? `https://www.imusician.pro/api/trends?q=${encoded}`
              : where === 'query-name'
                ? `https://www.imusician.pro/api/trends?${encoded}=1`
                : `https://www.imusician.pro/app/trends#${encoded}`;
        const output = buildPageSample({
          site: 'imusician',
          pageUrl: url,
          responses: [{ url, status: 200, body: null }],
          parseOutcomes: [{ kind: 'unknown-shape', recognised: false, reason: where === 'reason' ? `${around}${secretText}` : null }],
          domOutline: where === 'outline' ? `div.${around}${secretText}` : 'div',
        });
        expect(leaks(output, secretText)).toBe(false);
        expect(output.includes(encoded)).toBe(false);
      }),
      { numRuns: 800 },
    );
  });
});
