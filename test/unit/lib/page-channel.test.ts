/**
 * The isolated end of the page-observer channel: page messages are untrusted (the page and
 * other extensions can post anything), so only well-formed messages from our own window,
 * on our channel, about a dashboard data host, within the size cap, come through.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_EXCERPT, checkPageMessage, isChannelProblem } from '../../../lib/page-channel';
import { MAX_RESPONSE_CHARS } from '../../../lib/page-observer';

const win = {};
const expected = { window: win, origin: 'https://artists.spotify.com', channel: 'crosscount:spotify:v1', dataHosts: ['generic.wg.spotify.com'] };
const URL_OK = 'https://generic.wg.spotify.com/song-stats-view/v1/artist/a/recording/t/stats';
const message = (data: unknown, overrides: Partial<{ source: unknown; origin: string }> = {}) => ({ source: win, origin: expected.origin, data, ...overrides });
const good = { channel: expected.channel, url: URL_OK, status: 200, body: '{"streams":{}}', truncated: false };

describe('checkPageMessage', () => {
  it('passes a well-formed response, parsed', () => {
    const result = checkPageMessage(message(good), expected);
    expect(result && !isChannelProblem(result) && result.body).toEqual({ streams: {} });
  });

  it('treats an empty body (HTTP 204) as null', () => {
    const result = checkPageMessage(message({ ...good, status: 204, body: null }), expected);
    expect(result).toMatchObject({ status: 204, body: null });
  });

  it.each([
    ['another window', message(good, { source: {} })],
    ['another origin', message(good, { origin: 'https://evil.example' })],
    ['another channel', message({ ...good, channel: 'someone-else' })],
    ['not an object', message('hello')],
    ['null', message(null)],
  ])('ignores %s entirely', (_name, event) => {
    expect(checkPageMessage(event, expected)).toBeNull();
  });

  it.each([
    ['a foreign host', { ...good, url: 'https://evil.example/song-stats-view/v1/x' }, 'not a dashboard data host'],
    ['plain http', { ...good, url: 'http://generic.wg.spotify.com/x' }, 'not a dashboard data host'],
    ['no address', { ...good, url: 42 }, 'without a usable address'],
    ['an overlong address', { ...good, url: `${URL_OK}?${'x'.repeat(3000)}` }, 'without a usable address'],
    ['a made-up status', { ...good, status: 1200 }, 'without an HTTP status'],
    ['a truncated response', { ...good, body: null, truncated: true }, 'larger than'],
    ['an oversized body', { ...good, body: 'x'.repeat(MAX_RESPONSE_CHARS + 1) }, 'within the size cap'],
    ['a body that is not text', { ...good, body: { streams: {} } }, 'within the size cap'],
  ])('refuses %s with a reason', (_name, data, problem) => {
    const result = checkPageMessage(message(data), expected);
    expect(result && isChannelProblem(result) && result.problem).toContain(problem);
  });

  it('hands a body that is not JSON over as a short excerpt (plain-text errors such as "Token expired")', () => {
    expect(checkPageMessage(message({ ...good, status: 401, body: 'Token expired' }), expected)).toMatchObject({ status: 401, body: null, text: 'Token expired' });
    const long = checkPageMessage(message({ ...good, body: `<html>${'x'.repeat(5000)}` }), expected);
    expect(long && !isChannelProblem(long) && long.text?.length).toBe(MAX_TEXT_EXCERPT);
  });
});
