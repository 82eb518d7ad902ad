/**
 * What a dashboard page renders, as numbers and short labels, for the check of a candidate or a
 * recipe's reading against the page (core/taught-page-check.ts): table cells, chart labels and
 * tooltips (SVG text, aria-labels, titles), headings and headline figures. Bounded: a page of
 * any size gives at most MAX_ELEMENTS elements and MAX_NUMBERS numbers. Read only; our own panel
 * is in a closed shadow root and never part of it.
 */
import { numbersInText, type PageEvidence } from '../core/taught-page-check';

const MAX_ELEMENTS = 4000;
const MAX_NUMBERS = 5000;
const MAX_LABELS = 500;
const MAX_TEXT = 200;

/** Where dashboards put the figures a person reads. */
const TEXT_SELECTOR = 'td, th, [role="cell"], [role="gridcell"], text, tspan, h1, h2, h3, h4, dd, dt, strong, b, li, span, p';
const LABEL_SELECTOR = '[aria-label], [title], [data-value]';

export function collectPageEvidence(root: ParentNode = document): PageEvidence {
  const numbers = new Set<number>();
  const labels: string[] = [];
  const take = (text: string | null | undefined) => {
    if (!text || numbers.size >= MAX_NUMBERS) return;
    const short = text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
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
  return { numbers: [...numbers], labels };
}
