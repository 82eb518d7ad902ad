/**
 * What a page shows per day, read from the texts lib/page-evidence.ts collects: table rows with a
 * day cell and a count cell, and chart points whose label (aria-label, title, SVG text) carries a
 * date and a count ("Mar 10, 2026, 1,234 streams", "10.03.2026: 1.234"). Read with the readers'
 * own exact parsing (core/sources/shared/dates.ts, locale-number.ts): an ambiguous day or count
 * is no figure. Pure and bounded (MAX_DATED_SERIES, MAX_DATED_FIGURES).
 */
import type { Day } from '../model/day';
import { exactDay, leadingDay } from '../sources/shared/dates';
import { parseLocaleInteger } from '../sources/shared/locale-number';

export const MAX_DATED_SERIES = 40;
export const MAX_DATED_FIGURES = 5000;

/** What the page collector hands over of one table, or of one chart's labelled points: texts only. */
export type DatedSource =
  | { kind: 'table'; context: string; rows: ReadonlyArray<readonly string[]> }
  | { kind: 'chart'; context: string; labels: readonly string[] };

export interface DatedFigure {
  day: Day;
  count: number;
}

/** One table's or chart's figures per day, with the words around it (caption, heading, ISRC) that may say whose they are. */
export interface DatedSeries {
  kind: DatedSource['kind'];
  context: string;
  figures: DatedFigure[];
}

/** A header cell naming the count column (the words the dashboards use, docs/i18n.md). */
const COUNT_HEADER = /^(streams?|plays?|wiedergaben|écoutes|ascolti|reproducciones|count|anzahl|total streams?)$/iu;
/** After a chart label's date: a separator, the count, and at most the word for streams. */
const LABEL_COUNT = /^\s*[,:;·|–—-]?\s*(.*?)\s*(?:streams?|plays?|wiedergaben|écoutes|ascolti|reproducciones)?\s*$/iu;

function count(text: string, locale: string | undefined): number | null {
  const parsed = parseLocaleInteger(text, locale);
  return 'value' in parsed ? parsed.value : null;
}

/**
 * A table's rows as day → count. A header row that names one count column says where the
 * count is; without one, a row counts only when it holds exactly one day and one other number.
 */
export function datedTableFigures(rows: ReadonlyArray<readonly string[]>, locale?: string): DatedFigure[] {
  let countColumn = -1;
  const figures: DatedFigure[] = [];
  for (const cells of rows) {
    const days = cells.flatMap((cell, index) => (exactDay(cell) ? [index] : []));
    if (days.length === 0) {
      const named = cells.flatMap((cell, index) => (COUNT_HEADER.test(cell.trim()) ? [index] : []));
      if (named.length > 0) countColumn = named.length === 1 ? named[0]! : -1;
      continue;
    }
    if (days.length !== 1) continue;
    const day = exactDay(cells[days[0]!]!)!;
    if (countColumn >= 0 && countColumn !== days[0]) {
      const value = count(cells[countColumn] ?? '', locale);
      if (value !== null) figures.push({ day, count: value });
      continue;
    }
    const values = cells.flatMap((cell, index) => (index === days[0] ? [] : [count(cell, locale)])).filter((value): value is number => value !== null);
    if (values.length === 1) figures.push({ day, count: values[0]! });
  }
  return figures;
}

/** A chart point's label as its day and count, or null when it is not exactly that. */
export function datedLabelFigure(label: string, locale?: string): DatedFigure | null {
  const leading = leadingDay(label.replace(/\s+/g, ' ').trim());
  if (!leading) return null;
  const numberText = LABEL_COUNT.exec(leading.rest)?.[1];
  if (!numberText) return null;
  const value = count(numberText, locale);
  return value === null ? null : { day: leading.day, count: value };
}

/** Every table's and chart's figures per day, the empty ones left out, within the caps. */
export function datedSeriesOf(sources: readonly DatedSource[], locale?: string): DatedSeries[] {
  const out: DatedSeries[] = [];
  let total = 0;
  for (const source of sources) {
    if (out.length >= MAX_DATED_SERIES || total >= MAX_DATED_FIGURES) break;
    const read = source.kind === 'table' ? datedTableFigures(source.rows, locale) : source.labels.flatMap((label) => datedLabelFigure(label, locale) ?? []);
    const figures = read.slice(0, MAX_DATED_FIGURES - total);
    if (figures.length === 0) continue;
    total += figures.length;
    out.push({ kind: source.kind, context: source.context, figures });
  }
  return out;
}
