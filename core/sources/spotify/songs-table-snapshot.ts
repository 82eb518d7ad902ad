/**
 * What the songs list's table shows, as plain data: the header words, and per row its song link
 * and each cell's text and `title`. The content script takes it from the page (small, no
 * reader code) and the background reads it (dom-songs-table.ts, `cs:readSongsTable`), as "save
 * a sample" does, so the reader stays out of the dashboard's script (BENCHMARKS.md).
 */
import { SPOTIFY_SELECTORS } from './selectors';

export interface SongsTableSnapshot {
  headers: string[];
  rows: Array<{ href: string; cells: Array<{ text: string; title: string | null }> }>;
}

/** Bounds, also the protocol's (core/messaging/protocol.ts). */
export const SNAPSHOT_LIMITS = { rows: 2000, cells: 50, text: 100, href: 500 } as const;

interface ElementLike {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): Iterable<ElementLike>;
}

const text = (element: ElementLike) => (element.textContent ?? '').trim().slice(0, SNAPSHOT_LIMITS.text);

export function snapshotSongsTable(root: Pick<ElementLike, 'querySelectorAll'>): SongsTableSnapshot {
  return {
    headers: [...root.querySelectorAll(SPOTIFY_SELECTORS.songsHeader)].slice(0, SNAPSHOT_LIMITS.cells).map(text),
    rows: [...root.querySelectorAll(SPOTIFY_SELECTORS.songRow)].slice(0, SNAPSHOT_LIMITS.rows).map((row) => ({
      href: (row.querySelector(SPOTIFY_SELECTORS.songLink)?.getAttribute('href') ?? '').slice(0, SNAPSHOT_LIMITS.href),
      cells: [...row.querySelectorAll(SPOTIFY_SELECTORS.songCell)].slice(0, SNAPSHOT_LIMITS.cells).map((cell) => ({ text: text(cell), title: cell.getAttribute('title')?.slice(0, SNAPSHOT_LIMITS.text) ?? null })),
    })),
  };
}
