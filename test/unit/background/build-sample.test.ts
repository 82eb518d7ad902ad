/**
 * "Save a sample of this page" is built by the background from what the overlay hands over:
 * redacted, and only for content scripts on the dashboards.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { classifySender, routeMessage } from '../../../core/messaging/router';
import { openStore } from '../../../core/store';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const handlers = createHandlers(() => openStore({ factory: new IDBFactory() }), () => new Date('2026-04-02T10:00:00.000Z'));
const fromImusician = classifySender({ id: ID, url: 'https://www.imusician.pro/app/analytics/trends', tab: { id: 7 } }, ID, ORIGIN);

const request = {
  pageUrl: 'https://www.imusician.pro/app/analytics/trends?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl',
  responses: [
    {
      url: 'https://www.imusician.pro/api/v1/analytics/trends/tracks/4711?store=spotify&from=2026-03-03',
      status: 200,
      body: { track: { id: 4711, isrc: 'CHA012400001', title: 'Harbour Lights', owner: { email: 'artist@example.com', name: 'Jana Muster' } }, daily: [{ date: '2026-03-03', streams: 233 }] },
    },
  ],
  outcomes: [{ kind: 'daily-series', recognised: true, reason: null }],
};

describe('cs:buildSample', () => {
  it('returns a redacted sample file named for the site and day', async () => {
    const reply = await routeMessage({ type: 'cs:buildSample', payload: request }, fromImusician, handlers);
    expect(reply.ok).toBe(true);
    const { fileName, text } = (reply as { ok: true; data: { fileName: string; text: string } }).data;
    expect(fileName).toBe('crosscount-sample-imusician-2026-04-02.json');
    expect(text).toContain('Harbour Lights');
    expect(text).toContain('daily-series');
    expect(text).not.toContain('artist@example.com');
    expect(text).not.toContain('Jana Muster');
    expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });

  it('is refused from extension pages and from other hosts', async () => {
    const page = classifySender({ id: ID, url: `${ORIGIN}options.html` }, ID, ORIGIN);
    expect(await routeMessage({ type: 'cs:buildSample', payload: request }, page, handlers)).toMatchObject({ ok: false });
    const elsewhere = classifySender({ id: ID, url: 'https://evil.example/', tab: { id: 1 } }, ID, ORIGIN);
    expect(await routeMessage({ type: 'cs:buildSample', payload: request }, elsewhere, handlers)).toMatchObject({ ok: false });
  });
});
