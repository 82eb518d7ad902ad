import { describe, expect, it } from 'vitest';
import { isSensitiveKey, isTitleKey } from '../../../../core/sources/sample/keys';
import { redactJson, redactKey, REMOVED } from '../../../../core/sources/sample/redact-json';
import { redactUrl } from '../../../../core/sources/sample/redact-url';
import { scrubText } from '../../../../core/sources/sample/scrub';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.Xb3kZ_9qLmP2';

describe('scrubText', () => {
  it.each([
    ['write to mira.jones+trends@example.ch today', 'write to <email> today'],
    ['<mira@example.ch>', '<email>'],
    [`Bearer ${JWT}`, 'Bearer <token>'],
    ['session: 3f9a0c2b7d4e6f8a1b3c5d7e9f0a2b4c', 'session: <token>'],
    ['sid=3f9a0c2b7d4e6f8a1b3c5d7e9f0a2b4c', '<token>'], // "=" is base64: the run is replaced whole
    ['id 4711, Harbour Lights (Acoustic)', 'id 4711, Harbour Lights (Acoustic)'],
    ['2026-03-18T00:00:00Z', '2026-03-18T00:00:00Z'],
  ])('%s', (text, expected) => {
    expect(scrubText(text)).toBe(expected);
  });
});

describe('isSensitiveKey', () => {
  it.each(['token', 'accessToken', 'X-Auth-Token', 'authorization', 'Cookie', 'sessionId', 'password', 'email', 'e_mail', 'phoneNumber', 'mobile', 'address', 'street', 'IBAN', 'bic', 'firstName', 'last_name', 'artistName', 'artist', 'userId', 'user', 'accountHolder', 'apiKey', 'key', 'ip', 'clientIp', 'ipAddress', 'dateOfBirth', 'csrfToken', 'secret'])('%s is personal', (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });
  it.each(['date', 'streams', 'isrc', 'title', 'trackName', 'store', 'shipping', 'description', 'series', 'releaseId', 'value', 'count', 'labels', 'datasets', 'name'])('%s is not', (key) => {
    expect(isSensitiveKey(key)).toBe(false);
  });
});

describe('isTitleKey', () => {
  it.each([
    ['title', [], true],
    ['trackName', [], true],
    ['track_title', [], true],
    ['name', ['isrc', 'name'], true],
    ['name', ['id', 'name'], false],
    ['label', ['isrc'], false],
    ['description', [], false],
  ] as const)('%s beside %o → %s', (key, siblings, expected) => {
    expect(isTitleKey(key, siblings)).toBe(expected);
  });
});

describe('redactKey', () => {
  it.each([
    ['streams', 'streams'],
    ['track_title', 'track_title'],
    ['2026-03-18', '2026-03-18'],
    ['Apple Music', 'Apple Music'],
    ['4711', '4711'],
    ['Mira Jones', '<key, 10 chars>'],
    ['mira@example.ch', '<key, 15 chars>'],
    ['3f9a0c2b7d4e6f8a1b3c5d7e9f0a2b4c', '<key, 32 chars>'],
  ])('%s → %s', (key, expected) => {
    expect(redactKey(key)).toBe(expected);
  });
});

describe('redactJson', () => {
  it('keeps structure, numbers, dates, titles and store names; drops personal fields and other text', () => {
    const body = {
      track: { id: 4711, isrc: 'CHXXX2400001', name: 'Harbour Lights', artist: 'Mira Jones', version: 'Acoustic' },
      store: 'Spotify',
      metric: 'streams',
      owner: { email: 'mira@example.ch', phone: '+41 79 123 45 67' },
      message: 'Hi Mira, your payout is ready',
      daily: [{ date: '2026-03-18', streams: '198' }],
      provisional: true,
      updatedAt: '2026-03-29T06:00:00Z',
      big: '41791234567',
    };
    expect(redactJson(body)).toEqual({
      track: { id: 4711, isrc: 'CHXXX2400001', name: 'Harbour Lights', artist: REMOVED, version: '<text, 8 chars>' },
      store: 'Spotify',
      metric: 'streams',
      owner: REMOVED,
      message: '<text, 29 chars>',
      daily: [{ date: '2026-03-18', streams: '198' }],
      provisional: true,
      updatedAt: '2026-03-29T06:00:00Z',
      big: '<text, 11 chars>',
    });
  });

  it('scrubs e-mails and tokens out of titles', () => {
    expect(redactJson({ title: 'Demo for mira@example.ch', trackName: `x ${JWT}` })).toEqual({ title: 'Demo for <email>', trackName: 'x <token>' });
  });

  it('cuts arrays to their first items and says how many there were', () => {
    expect(redactJson([1, 2, 3, 4, 5, 6, 7])).toEqual([1, 2, 3, 4, 5, '<… 2 more items, 7 in all>']);
  });

  it('caps depth and size', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = { a: deep };
    expect(JSON.stringify(redactJson(deep))).toContain('<nested deeper>');
    const wide = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, i]));
    const out = redactJson(wide) as Record<string, unknown>;
    expect(Object.keys(out)).toHaveLength(101);
    expect(out['<more keys>']).toBe('50 more, 150 in all');
  });

  it('keeps a "__proto__" key as data, polluting nothing', () => {
    const out = redactJson(JSON.parse('{"__proto__": {"polluted": "yes"}}'));
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":"<text, 3 chars>"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('two keys redacted alike stay two keys', () => {
    expect(Object.keys(redactJson({ 'Mira Jones': 1, 'Lena Moser': 2 }) as object)).toEqual(['<key, 10 chars>', '<key, 10 chars> #2']);
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://www.imusician.pro/api/v1/trends/tracks/4711?store=spotify&from=2026-03-18&to=2026-03-24', 'https://www.imusician.pro/api/v1/trends/tracks/4711?store=spotify&from=2026-03-18&to=2026-03-24'],
    ['https://www.imusician.pro/api/trends?token=abc123&email=mira%40example.ch&q=Mira+Jones', 'https://www.imusician.pro/api/trends?token&email&q'],
    ['https://www.imusician.pro/api/artists/mira-jones/trends', 'https://www.imusician.pro/api/artists/<segment, 10 chars>/trends'],
    ['https://www.imusician.pro/api/u/mira%40example.ch/x', 'https://www.imusician.pro/api/u/<segment, 15 chars>/x'],
    ['https://user:pass@www.imusician.pro/app#access_token=abc', 'https://www.imusician.pro/app'],
    ['not a url', '<address, 9 chars>'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
