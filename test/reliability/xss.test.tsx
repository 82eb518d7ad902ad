// @vitest-environment happy-dom
/**
 * Guarantee 10: text that came from a page (titles, artists, reasons) renders as literal text
 * in the overlay and the extension's pages, never as markup. Views are built by the real core
 * from a history holding a hostile title; the e2e counterpart is in
 * test/e2e/spotify-overlay.spec.ts ("a scraped title with markup is shown as text").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { History } from '../../core/model/history';
import { buildOverlayView, buildOverview } from '../../core/views/build';
import { Overlay } from '../../components/overlay/Overlay';
import type { Send } from '../../components/send';
import { PopupApp } from '../../entrypoints/popup/PopupApp';
import { SPOTIFY_SITE } from '../../core/sources/spotify/site';
import { IMUSICIAN_SITE } from '../../core/sources/imusician/site';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const ASOF = '2026-04-10T10:00:00.000Z';

function hostileHistory(): History {
  const days = Array.from({ length: 20 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
  return {
    tracks: [
      { id: 't-x', isrc: 'CHA012400001', title: HOSTILE, artists: [`<b onmouseover=alert(1)>band</b>`], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: { imusician: '1' } },
    ],
    observations: days.flatMap((day) => [
      { track: 't-x', source: 'spotify', store: 'spotify', metric: 'streams' as const, day, value: 120, observedAt: '2026-04-01T08:00:00.000Z' },
      { track: 't-x', source: 'imusician', store: 'spotify', metric: 'streams' as const, day, value: 110, observedAt: '2026-04-05T08:00:00.000Z' },
    ]),
  };
}

function expectInert(container: Element): void {
  expect(container.querySelectorAll('img, script, b')).toHaveLength(0);
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
}

const options = { asOf: ASOF, settleDays: 5, assumedListenerMinimum: null };

describe('page text renders as text', () => {
  it('in the overlay', () => {
    const view = buildOverlayView(hostileHistory(), 't-x', options);
    const { container } = render(<Overlay state={{ kind: 'ready', view }} site={SPOTIFY_SITE} counterparts={[IMUSICIAN_SITE]} collapsed={false} onToggle={() => {}} today="2026-04-10" />);
    expect(container.textContent).toContain(HOSTILE);
    expect(screen.getAllByTestId('overlay-day').length).toBeGreaterThan(0);
    expectInert(container);
  });

  it('in the overlay’s "not recognised" line (a reason quoting the page)', () => {
    const { container } = render(<Overlay state={{ kind: 'unrecognised', reason: HOSTILE }} site={SPOTIFY_SITE} counterparts={[IMUSICIAN_SITE]} collapsed={false} onToggle={() => {}} today="2026-04-10" />);
    expect(container.textContent).toContain(HOSTILE);
    expectInert(container);
  });

  it('in the popup', async () => {
    const overview = buildOverview(hostileHistory(), options, { spotify: ASOF, imusician: null });
    const send = ((type: string) => (type === 'ui:overview' ? Promise.resolve(overview) : Promise.reject(new Error('no')))) as unknown as Send;
    const { container } = render(<PopupApp send={send} locale="en-GB" openHistory={() => {}} historyHref={(id) => `#${id}`} />);
    await screen.findAllByTestId('recording');
    expect(container.textContent).toContain(HOSTILE);
    expectInert(container);
  });
});

describe('no code of ours writes markup from strings', () => {
  const ROOT = resolve(import.meta.dirname, '../..');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
    });
  it.each(['components', 'entrypoints', 'lib'])('%s/ uses no innerHTML, outerHTML, insertAdjacentHTML or dangerouslySetInnerHTML', (dir) => {
    const offenders = sources(resolve(ROOT, dir)).filter((path) => /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write)\b/.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
