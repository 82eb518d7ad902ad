import { expect } from '@playwright/test';
import { writeHistoryFile } from '../../../core/history/write';
import type { ImportResult } from '../../../core/messaging/protocol';
import { imusicianHistory } from './overlay';
import { SONG_1, songUrl } from './spotify-fixture';
import type { Journey } from './types';

/**
 * A page script that runs before anything else on the dashboard, as a hostile page's first
 * script would: it replaces `attachShadow` to keep every root it sees, forced open.
 */
const PAGE_SPY = `
  window.__crosscountSpied = [];
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = original.call(this, { ...init, mode: 'open' });
    window.__crosscountSpied.push(root);
    return root;
  };
`;

interface PageView {
  hostFound: boolean;
  hostShadowRoot: boolean;
  spiedRoots: number;
  privilegedGetter: boolean;
  texts: string[];
}

/** Everything the page's own scripts can learn of the panel's text, by every means a script has. */
function whatThePageSees(): PageView {
  const host = document.querySelector('crosscount-overlay');
  const texts: string[] = [document.body.innerText, document.body.textContent ?? '', new XMLSerializer().serializeToString(document)];
  const selection = getSelection();
  if (selection) {
    selection.selectAllChildren(document.body);
    texts.push(selection.toString());
    selection.removeAllRanges();
  }
  for (const element of Array.from(document.querySelectorAll('*'))) if (element.shadowRoot) texts.push(element.shadowRoot.textContent ?? '');
  const spied = (window as unknown as { __crosscountSpied?: ShadowRoot[] }).__crosscountSpied ?? [];
  for (const root of spied) texts.push(root.textContent ?? '');
  if (host) texts.push(host.textContent ?? '', (host as HTMLElement).innerText);
  return {
    hostFound: host !== null,
    hostShadowRoot: host?.shadowRoot != null,
    spiedRoots: spied.length,
    // Firefox exposes closed roots to extensions only (`openOrClosedShadowRoot`); Chrome through chrome.dom.
    privilegedGetter: host !== null && ('openOrClosedShadowRoot' in host || typeof (globalThis as { chrome?: { dom?: unknown } }).chrome?.dom !== 'undefined'),
    texts,
  };
}

/** The page's scripts cannot read the panel's numbers: its shadow root is closed and attached from the isolated world. */
export const overlayPrivacy: Journey = {
  title: "the page's own scripts cannot read what the overlay shows",
  async run(driver) {
    const imported = await driver.sendMessage<ImportResult>('ui:importHistory', {
      fileName: 'imusician.json',
      text: writeHistoryFile(imusicianHistory(), new Date('2026-04-10T10:00:00.000Z')),
    });
    expect(imported.ok).toBe(true);
    const dashboard = await driver.openDashboard(songUrl(SONG_1), { pageScript: PAGE_SPY });
    await dashboard.waitFor({ testId: 'overlay-day' }, { timeoutMs: 15_000 });
    // What the panel shows, read as the test tool (DevTools / BiDi) can: the distributor's
    // figures for the fixture's days, its reasons and its eligibility line.
    const panel = await dashboard.waitFor({ testId: 'crosscount-overlay', text: 'Filtered plays' });
    const firstDay = await dashboard.waitFor({ testId: 'overlay-day' });
    const eligibility = await dashboard.waitFor({ testId: 'overlay-eligibility' });
    const secrets = [panel.slice(0, 60), firstDay, eligibility, 'Filtered plays'];
    expect(firstDay).toMatch(/\d/);

    const seen = await dashboard.evaluate(whatThePageSees, null);
    expect(seen.hostFound).toBe(true);
    expect(seen.hostShadowRoot).toBe(false);
    expect(seen.spiedRoots).toBe(0);
    expect(seen.privilegedGetter).toBe(false);
    const leaked = secrets.filter((secret) => seen.texts.some((text) => text.includes(secret)));
    expect(leaked, 'panel text the page could read').toEqual([]);
  },
};
