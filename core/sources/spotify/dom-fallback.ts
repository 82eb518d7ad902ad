/**
 * DOM fallback (last resort) for a song's stats page, when no data response was recognised.
 * Pure functions over a minimal DOM interface, so they run on a live page, on happy-dom in
 * tests, or on anything with querySelectorAll.
 *
 * What is stored, and only when exact:
 * - chart points whose aria-label reads "DATE, N streams" (or listeners): a daily count for
 *   that day, the date in an unambiguous form (ISO, "Mar 25, 2026", "25 March 2026"; English
 *   month names only; numeric forms like 03/04/2026 are refused as ambiguous);
 * - headline figures (`hero-stats-section-metric`) that name their metric in their own text
 *   ("152,340 streams"), as 28-day / 12-month window totals when the page's range is
 *   `28day` (the default) or `1year` and the window's last day is known (`latestDate`: our
 *   inference that S4A's rolling ranges end on its last finished day).
 * Abbreviated figures ("1.2K") are refused; locale separators are read only when unambiguous
 * (locale-number.ts). Days after the last final day are held back, as for responses.
 */
import { clipMessage, type Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { numberProblem } from '../shared/number-problem';
import type { Metric } from '../../model/schema';
import type { Day } from '../../model/day';
import { spotifyPage } from './page';
import { addSeries, emptyResult, finalCutoff, metricWord, seriesToObservations, spotifyTrackRef, unrecognised, type SpotifyParseResult, type SpotifyReadContext } from './result';
import { parseLocaleInteger, type LocaleIntegerProblem } from '../shared/locale-number';
import { SPOTIFY_SELECTORS } from './selectors';
import { safeUrl } from '../shared/url';
import { leadingDate } from '../shared/dates';
import type { DomElementLike, DomRootLike } from '../shared/dom';

export type { DomRootLike };

export interface SpotifyDomContext extends SpotifyReadContext {
  /** The page's language (`<html lang>`), to read "7.040" vs "7,040"; unknown → ambiguous refused. */
  locale?: string;
}

const MAX_ELEMENTS = 5000;

type ChartLabel =
  | { day: Day; metric: Metric; value: number }
  | { problem: Message };

/**
 * One chart point's aria-label. Null when the label is not a point label at all (it does not
 * end in "streams" / "listeners"); a problem when it is one but not exact.
 */
export function parseChartLabel(label: string, locale?: string): ChartLabel | null {
  const metricMatch = /^(.*?)\s+(streams?|listeners?)\s*$/is.exec(label.trim());
  if (!metricMatch) return null;
  const metric: Metric = metricMatch[2]!.toLowerCase().startsWith('stream') ? 'streams' : 'listeners';
  const date = leadingDate(metricMatch[1]!.trim());
  // The label is the page's own words, kept as they are.
  const said = label.slice(0, 60);
  if (!date || !date.day) return { problem: message('readerChartPointDate', { label: said }) };
  const numberText = /^\s*,\s*(.+)$/s.exec(date.rest)?.[1];
  if (numberText === undefined) return { problem: message('readerChartPointShape', { label: said, metric }) };
  const parsed = parseLocaleInteger(numberText, locale);
  if ('problem' in parsed) return { problem: message('readerChartPointNumber', { label: said, problem: { text: numberProblem(parsed.problem) } }) };
  return { day: date.day, metric, value: parsed.value };
}

function elements(root: DomRootLike | DomElementLike, selector: string): DomElementLike[] {
  const list = root.querySelectorAll(selector);
  const result: DomElementLike[] = [];
  for (let i = 0; i < list.length && i < MAX_ELEMENTS; i++) result.push(list[i]!);
  return result;
}

const RANGE_METRICS: Record<string, { streams: Metric; listeners: Metric }> = {
  '28day': { streams: 'streams_28d', listeners: 'listeners_28d' },
  '1year': { streams: 'streams_12m', listeners: 'listeners_12m' },
};

/**
 * Words a headline figure's label may be, per metric (the label sits beside the bare number:
 * "Streams" above "63,162"). Exact words only, so "streams per listener" names nothing.
 * English is the one seen in public (German pages say "Streams" too); other languages' words are
 * left out until a sample shows them: an unknown label stores nothing and is said.
 */
const HEADLINE_LABELS: Record<'streams' | 'listeners', ReadonlySet<string>> = {
  streams: new Set(['streams', 'stream']),
  listeners: new Set(['listeners', 'listener']),
};

/**
 * The label beside a bare headline figure: the text of the element around it without the
 * figure itself and without a change percentage ("+12 %", "↑ 11.97%").
 */
export function headlineLabel(hero: DomElementLike): 'streams' | 'listeners' | null {
  const around = hero.parentElement?.textContent ?? '';
  const own = hero.textContent ?? '';
  const rest = (own === '' ? around : around.replace(own, ' '))
    .replace(/[+\-−↑↓▲▼]?\s*\d[\d.,\s]*\s?%/gu, ' ')
    .replace(/[↑↓▲▼]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  for (const metric of ['streams', 'listeners'] as const) if (HEADLINE_LABELS[metric].has(rest)) return metric;
  return null;
}

/** A headline figure that names its metric: "152,340 streams" or "Streams 152,340". */
export function parseHeadline(text: string, locale?: string): { metric: 'streams' | 'listeners'; value: number } | { problem: Message } | null {
  const compact = text.replace(/\s+/g, ' ').trim();
  const match = /^(?:(streams|listeners):? (.+)|(.+) (streams|listeners))$/i.exec(compact);
  if (!match) return null;
  const metric = (match[1] ?? match[4])!.toLowerCase() as 'streams' | 'listeners';
  const parsed = parseLocaleInteger((match[2] ?? match[3])!, locale);
  return 'problem' in parsed ? { problem: headlineProblem(compact, parsed.problem) } : { metric, value: parsed.value };
}

/**
 * A headline figure: one that names its metric in its own text ("152,340 streams"), or a bare
 * number ("63,162", "614": what recent pages show) with its label beside it. Null when the
 * element holds no number at all; `metric: null` when the number is exact but its label is not
 * one we know (it is then not stored).
 */
export function readHeadline(hero: DomElementLike, locale?: string): { metric: 'streams' | 'listeners' | null; value: number } | { problem: Message } | null {
  const text = (hero.textContent ?? '').replace(/\s+/g, ' ').trim();
  const named = parseHeadline(text, locale);
  if (named) return named;
  if (!/^[\d\s.,'’\u00a0\u202f]+$/u.test(text) || !/\d/.test(text)) {
    // "4.2K", "1,2 Tsd.": a figure, but rounded by the page.
    return /^[\d\s.,]+\s?\p{L}{1,4}\.?$/u.test(text) ? { problem: headlineProblem(text, 'abbreviated') } : null;
  }
  const parsed = parseLocaleInteger(text, locale);
  // "3.1" (streams per listener) is a ratio, not a count: not a figure this reader wants.
  if ('problem' in parsed && parsed.problem === 'not-integer') return null;
  if ('problem' in parsed) return { problem: headlineProblem(text, parsed.problem) };
  return { metric: headlineLabel(hero), value: parsed.value };
}

/** A headline figure (the page's own text, kept as it is) whose number is not exact. */
function headlineProblem(figure: string, problem: LocaleIntegerProblem): Message {
  return message('readerHeadlineNumber', { figure: figure.slice(0, 60), problem: { text: numberProblem(problem) } });
}

export interface ChartPoints {
  /** Exact points, in page order. */
  points: Array<{ day: Day; metric: 'streams' | 'listeners'; value: number }>;
  /** Point labels that were not exact ("1,2k", a date not understood), each described. */
  problems: Message[];
  /** Elements whose label is a chart point's at all. */
  labelled: number;
}

/** The chart points the page labels "DATE, N streams" (older builds), read exactly or not at all. */
export function readChartPoints(root: DomRootLike, locale?: string): ChartPoints {
  // A Set, because the three chart selectors can match nested elements.
  const elementsWithLabel = new Set<DomElementLike>();
  for (const chart of elements(root, SPOTIFY_SELECTORS.songTimeline)) {
    for (const point of elements(chart, SPOTIFY_SELECTORS.chartPointLabel)) elementsWithLabel.add(point);
  }
  const out: ChartPoints = { points: [], problems: [], labelled: 0 };
  for (const element of elementsWithLabel) {
    const label = parseChartLabel(element.getAttribute('aria-label') ?? '', locale);
    if (!label) continue;
    out.labelled++;
    if ('problem' in label) out.problems.push(label.problem);
    else out.points.push({ day: label.day, metric: label.metric as 'streams' | 'listeners', value: label.value });
  }
  return out;
}

/** The headline figures of the page, each read exactly (or described as not exact). */
export function readHeadlines(root: DomRootLike, locale?: string): Array<NonNullable<ReturnType<typeof readHeadline>>> {
  return elements(root, SPOTIFY_SELECTORS.heroMetric).flatMap((hero) => readHeadline(hero, locale) ?? []);
}

export function readSpotifySongDom(root: DomRootLike, pageUrl: string, context: SpotifyDomContext): SpotifyParseResult {
  const page = spotifyPage(pageUrl);
  if (page.kind !== 'song-stats' || !page.trackId) return unrecognised('dom-song-page', message('readerNotSongPage'));
  const trackId = page.trackId;
  // Without <html lang>, the address's language segment says how the page writes numbers.
  context = { ...context, locale: context.locale ?? page.language };
  const result = emptyResult('dom-song-page');
  result.tracks.push(spotifyTrackRef(trackId, context));
  const cutoff = finalCutoff(context);

  const chart = readChartPoints(root, context.locale);
  let seen = chart.labelled;
  if (chart.problems.length > 0) {
    result.rejected += chart.problems.length;
    result.partial = true;
    result.reason ??= chart.problems[0]!;
  }
  const series: Record<'streams' | 'listeners', Array<{ day: unknown; value: unknown }>> = { streams: [], listeners: [] };
  for (const point of chart.points) series[point.metric].push({ day: point.day, value: point.value });
  for (const metric of ['streams', 'listeners'] as const) {
    addSeries(result, seriesToObservations(series[metric], trackId, metric, cutoff, message('readerSeriesChart', { metric: metricWord(metric) })));
  }

  // Headline figures: window totals, only with a known range and window end.
  const heroes = elements(root, SPOTIFY_SELECTORS.heroMetric);
  const range = safeUrl(pageUrl)?.searchParams.get('time-filter') ?? '28day';
  const rangeMetrics = Object.hasOwn(RANGE_METRICS, range) ? RANGE_METRICS[range] : undefined;
  const heroNotes: Message[] = [];
  for (const hero of heroes) {
    const headline = readHeadline(hero, context.locale);
    if (!headline) continue;
    seen++;
    if ('problem' in headline) {
      result.rejected++;
      result.partial = true;
      result.reason ??= headline.problem;
    } else if (headline.metric === null) {
      heroNotes.push(message('readerFigureNoLabel', { value: headline.value }));
    } else if (!rangeMetrics) {
      heroNotes.push(message('readerRangeNoWindow', { range: range.slice(0, 20) }));
    } else if (!context.latestDate) {
      heroNotes.push(message('readerNoWindowEnd'));
    } else {
      addSeries(result, seriesToObservations([{ day: context.latestDate, value: headline.value }], trackId, rangeMetrics[headline.metric], cutoff, message('readerSeriesHeadline')));
    }
  }
  if (seen === 0) {
    return unrecognised('dom-song-page', heroes.length > 0 ? message('readerHeadlineNotExact') : message('readerNoChartLabels'));
  }
  if (heroNotes.length > 0) {
    const distinct = [...new Map(heroNotes.map((note) => [JSON.stringify(note), note])).values()].slice(0, 5);
    const figures = distinct.reduceRight((rest, first) => message('listSemicolon', { first: { text: first }, rest: { text: rest } }));
    result.note = clipMessage(message('readerHeadlineNotStored', { figures: { text: figures } }), 300);
  }
  return result;
}
