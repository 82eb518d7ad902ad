/**
 * What a dashboard page renders, as numbers and short labels, for the check of a candidate or a
 * reading against the page (core/taught-page-check.ts, core/page-check/distributor-check.ts):
 * table cells, chart labels and tooltips (SVG text, aria-labels, titles), headings and headline
 * figures; and, per table and per chart, the texts its days may be read from (rows of cells,
 * point labels) with the words around it that may name its track, as raw texts: the background
 * reads their days (core/page-check/dated.ts, `cs:checkPage`), so that parsing stays out of
 * the dashboards' scripts. Bounded: a page of any size gives at most MAX_ELEMENTS elements of each kind,
 * MAX_NUMBERS numbers, MAX_TABLES tables and MAX_LABELS labels. Read only; our own panel is in
 * a closed shadow root and never part of it.
 */
import { numbersInText, type PageEvidence } from '../core/taught-page-check';
import type { DatedSource } from '../core/page-check/dated';

const MAX_ELEMENTS = 4000;
const MAX_NUMBERS = 5000;
const MAX_LABELS = 500;
const MAX_TEXT = 200;
const MAX_TABLES = 20;
const MAX_CONTEXT = 600;
/** Tables and charts sent for their days (core/messaging/page-check.ts: twice MAX_DATED_SERIES). */
const MAX_SOURCES = 80;

/** Where dashboards put the figures a person reads. */
const TEXT_SELECTOR = 'td, th, [role="cell"], [role="gridcell"], text, tspan, h1, h2, h3, h4, dd, dt, strong, b, li, span, p';
const LABEL_SELECTOR = '[aria-label], [title], [data-value]';
const TABLE_SELECTOR = 'table, [role="table"], [role="grid"]';
const ROW_SELECTOR = 'tr, [role="row"]';
const CELL_SELECTOR = 'th, td, [role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]';
/** A chart: its points' labels are read together. */
const CHART_SELECTOR = 'svg, [role="img"], figure';
/** A chart point's label: an aria-label or title, or an SVG text. */
const POINT_SELECTOR = '[aria-label], [title], svg text, svg title';
/** The block a table or chart sits in, and where that block names its track. */
const BLOCK_SELECTOR = 'section, article, figure, [data-isrc]';
const NAMING_SELECTOR = 'caption, figcaption, h1, h2, h3, h4, [data-track-title], [data-isrc]';

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

/** The words around a table or chart that may say whose figures they are: its caption, its block's headings and ISRC. */
function contextOf(element: Element): string {
  const parts = [clean(element.querySelector('caption')?.textContent), clean(element.getAttribute('aria-label'))];
  const block = element.closest(BLOCK_SELECTOR);
  if (block) {
    parts.push(clean(block.getAttribute('data-isrc')));
    for (const named of [...block.querySelectorAll(NAMING_SELECTOR)].slice(0, 10)) parts.push(clean(named.getAttribute('data-isrc') ?? named.getAttribute('data-track-title') ?? named.textContent));
  }
  return [...new Set(parts.filter(Boolean))].join(' · ').slice(0, MAX_CONTEXT);
}

function datedSources(root: ParentNode): DatedSource[] {
  const sources: DatedSource[] = [];
  let rowsSeen = 0;
  for (const table of [...root.querySelectorAll(TABLE_SELECTOR)].slice(0, MAX_TABLES)) {
    const rows: string[][] = [];
    for (const row of table.querySelectorAll(ROW_SELECTOR)) {
      if (++rowsSeen > MAX_ELEMENTS) break;
      rows.push([...row.querySelectorAll(CELL_SELECTOR)].slice(0, 20).map((cell) => clean(cell.textContent)));
    }
    sources.push({ kind: 'table', context: contextOf(table), rows });
  }
  const charts = new Map<Element | null, string[]>();
  let labels = 0;
  let pointsSeen = 0;
  for (const point of root.querySelectorAll(POINT_SELECTOR)) {
    if (++pointsSeen > MAX_ELEMENTS || labels >= MAX_LABELS) break;
    // Table cells are read with their rows above.
    if (point.closest(TABLE_SELECTOR)) continue;
    const texts = [point.getAttribute('aria-label'), point.getAttribute('title'), point.matches('svg text, svg title') ? point.textContent : null].map(clean).filter(Boolean);
    if (texts.length === 0) continue;
    const chart = point.parentElement?.closest(CHART_SELECTOR) ?? null;
    const list = charts.get(chart) ?? [];
    list.push(...texts);
    labels += texts.length;
    charts.set(chart, list);
  }
  for (const [chart, list] of charts) sources.push({ kind: 'chart', context: chart ? contextOf(chart) : '', labels: list });
  return sources;
}

/** What the page renders: its numbers and labels, and the raw texts its days are read from (with the page's language). */
export interface RawPageEvidence extends PageEvidence {
  sources: DatedSource[];
  locale?: string;
}

export function collectPageEvidence(root: ParentNode = document, locale: string | undefined = document.documentElement.lang || undefined): RawPageEvidence {
  const numbers = new Set<number>();
  const labels: string[] = [];
  const take = (text: string | null | undefined) => {
    if (!text || numbers.size >= MAX_NUMBERS) return;
    const short = clean(text);
    if (short === '') return;
    for (const value of numbersInText(short)) numbers.add(value);
    if (labels.length < MAX_LABELS && /\D/.test(short)) labels.push(short);
  };
  let seen = 0;
  for (const element of root.querySelectorAll(TEXT_SELECTOR)) {
    if (++seen > MAX_ELEMENTS) break;
    // Leaves only: a container's text is its children's again (and could run two figures together).
    if (element.childElementCount === 0) take(element.textContent);
  }
  seen = 0;
  for (const element of root.querySelectorAll(LABEL_SELECTOR)) {
    if (++seen > MAX_ELEMENTS) break;
    take(element.getAttribute('aria-label'));
    take(element.getAttribute('title'));
    take(element.getAttribute('data-value'));
  }
  // Within cs:checkPage's bounds (core/messaging/page-check.ts): one text can bring several numbers.
  return { numbers: [...numbers].slice(0, MAX_NUMBERS), labels, sources: datedSources(root).slice(0, MAX_SOURCES), ...(locale ? { locale } : {}) };
}
