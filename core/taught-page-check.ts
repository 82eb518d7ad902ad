/**
 * A candidate series beside what the dashboard page itself renders (the same idea as the
 * Spotify reader's check against the page, core/sources/spotify/page-check.ts): how many of
 * its counts the page shows as numbers, or whether it shows their total. Pure: the figures
 * come from lib/page-evidence.ts (the page's tables, chart labels and headings). A reading's
 * check per day, with refusals, is core/page-check/distributor-check.ts.
 */
import type { DatedSeries } from './page-check/dated';

export interface PageEvidence {
  /** Whole numbers the page renders (tables, chart labels, headline figures), at most a few thousand. */
  numbers: readonly number[];
  /** Short labels the page renders (chart labels, table headings), as text. */
  labels: readonly string[];
  /** What the page shows per day: its tables' and charts' dated figures (core/page-check/dated.ts). */
  dated?: readonly DatedSeries[];
}

export type PageCheckResult =
  | { kind: 'numbers'; shown: number; count: number }
  | { kind: 'total'; total: number }
  | { kind: 'nothing' };

/**
 * Numbers written the way pages write counts: "1,234", "1.234", "1 234" (a thin or
 * non-breaking space too), or plain digits. Decimals ("12.5") and percentages are not counts.
 */
export function numbersInText(text: string): number[] {
  const out: number[] = [];
  const pattern = /(?<![\d.,])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+)(?![\d%]|[.,]\d)/g;
  for (const match of text.matchAll(pattern)) {
    const value = Number(match[1]!.replace(/[,.\u00a0\u202f ]/g, ''));
    if (Number.isSafeInteger(value)) out.push(value);
  }
  return out;
}

/** What the page shows of a series: its counts (two or more, or all of them) or its total. */
export function comparePageEvidence(points: readonly { count: number }[], evidence: PageEvidence): PageCheckResult {
  if (points.length === 0) return { kind: 'nothing' };
  const shown = new Set(evidence.numbers);
  // Small counts (0–9) appear everywhere on a page (dates, menus): they do not count as seen.
  const telling = points.filter((point) => point.count >= 10);
  const seen = telling.filter((point) => shown.has(point.count)).length;
  if (seen >= Math.min(2, telling.length) && seen > 0) return { kind: 'numbers', shown: seen, count: points.length };
  const total = points.reduce((sum, point) => sum + point.count, 0);
  if (total >= 10 && shown.has(total)) return { kind: 'total', total };
  return { kind: 'nothing' };
}
