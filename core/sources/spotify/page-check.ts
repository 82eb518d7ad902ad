/**
 * Readings checked against the page: when the song's stats page itself renders numbers for the
 * same song and days (chart points labelled "DATE, N streams", a headline total for the page's
 * range), what was parsed from the data response is compared with them before anything is
 * stored. Agreement is recorded with the reading; a disagreement means the reading of the
 * response is wrong, so the disagreeing days are not stored and the reading says what differed,
 * with the numbers. Where the page shows nothing comparable, the reading says so
 * (core/sources/spotify/README.md, "Readings checked against the page").
 *
 * Pure: the figures come from the DOM through dom-fallback.ts's readers, so this runs on a live
 * page and on happy-dom alike.
 */
import { clipMessage, type Message, type MessageParam } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { refuseObservations } from '../../page-check/refuse';
import type { Day } from '../../model/day';
import { readChartPoints, readHeadlines, type ChartPoints, type DomRootLike } from './dom-fallback';
import { safeUrl } from '../shared/url';
import { spotifyPage } from './page';
import type { ReadSeries, SpotifyParseResult } from './result';

interface PageFigures {
  /** The song the page shows (from its address). */
  trackId: string | null;
  chart: ChartPoints;
  /** The labelled headline total of streams for the page's range, when it shows one exactly. */
  headlineStreams: number | null;
  /** How many days the page's range has (`28day`, the default: 28; `7day`: 7), or null. */
  rangeDays: number | null;
}

const RANGE_DAYS: Record<string, number> = { '7day': 7, '28day': 28 };

/** What the page renders now, for the check. Null on a page that is not a song's stats. */
export function readPageFigures(root: DomRootLike, pageUrl: string, locale?: string): PageFigures | null {
  const page = spotifyPage(pageUrl);
  if (page.kind !== 'song-stats' || !page.trackId) return null;
  const language = locale ?? page.language;
  const headline = readHeadlines(root, language).find((figure) => 'metric' in figure && figure.metric === 'streams');
  const range = safeUrl(pageUrl)?.searchParams.get('time-filter') ?? '28day';
  return {
    trackId: page.trackId,
    chart: readChartPoints(root, language),
    headlineStreams: headline && 'value' in headline ? headline.value : null,
    rangeDays: Object.hasOwn(RANGE_DAYS, range) ? RANGE_DAYS[range]! : null,
  };
}

/** Whether the result carries a series the page could be compared with. */
export function needsPageCheck(result: SpotifyParseResult): boolean {
  return (result.readSeries ?? []).some((series) => series.points.length > 0);
}

type PageCheckStatus = 'agree' | 'disagree' | 'nothing-comparable' | 'not-yet';

interface PageCheck {
  status: PageCheckStatus;
  /** One line for the reading: "checked against the page's chart: 28 of 28 days agree". */
  text: Message;
  /** The result with the disagreeing days taken out (unchanged otherwise). */
  result: SpotifyParseResult;
}

interface SeriesCheck {
  status: Exclude<PageCheckStatus, 'not-yet'>;
  text: Message;
  refusedDays: Set<Day>;
  /** Every compared day disagrees: the page may still show another song, or be loading. */
  allDisagree: boolean;
}

function checkWithChart(series: ReadSeries, chart: ChartPoints): SeriesCheck | null {
  const drawn = new Map<Day, number | null>();
  for (const point of chart.points) {
    if (point.metric !== series.metric) continue;
    // A day drawn twice with two values is no figure to check against.
    drawn.set(point.day, drawn.has(point.day) && drawn.get(point.day) !== point.value ? null : point.value);
  }
  const differing: Array<{ day: Day; response: number; page: number }> = [];
  let compared = 0;
  for (const { day, value } of series.points) {
    const page = drawn.get(day);
    if (page === undefined || page === null) continue;
    compared++;
    if (page !== value) differing.push({ day, response: value, page });
  }
  if (compared === 0) return null;
  const agreeing = compared - differing.length;
  const metric = { text: series.metric === 'streams' ? message('checkMetricStreams') : message('checkMetricListeners') };
  if (differing.length === 0) return { status: 'agree', text: message('checkChartAgree', { metric, count: compared }), refusedDays: new Set(), allDisagree: false };
  const listed: MessageParam[] = differing.slice(0, 3).map((each) => ({ text: message('checkDayDiffers', { day: each.day, response: each.response, page: each.page }) }));
  if (differing.length > 3) listed.push({ text: message('checkMoreDays', { count: differing.length - 3 }) });
  return {
    status: 'disagree',
    text: message('checkChartDisagree', { metric, agreeing, count: compared, days: { list: listed } }),
    refusedDays: new Set(differing.map((each) => each.day)),
    allDisagree: agreeing === 0,
  };
}

function checkWithHeadline(series: ReadSeries, figures: PageFigures): SeriesCheck | null {
  if (series.metric !== 'streams' || figures.headlineStreams === null || figures.rangeDays === null) return null;
  // Only a response for the page's own range adds up to the page's headline.
  if (series.points.length !== figures.rangeDays) return null;
  const sum = series.points.reduce((total, point) => total + point.value, 0);
  const days = series.points.length;
  if (sum === figures.headlineStreams) {
    return { status: 'agree', text: message('checkHeadlineAgree', { count: days, streams: sum }), refusedDays: new Set(), allDisagree: false };
  }
  return {
    status: 'disagree',
    text: message('checkHeadlineDisagree', { count: days, streams: sum, shown: figures.headlineStreams }),
    refusedDays: new Set(series.points.map((point) => point.day)),
    allDisagree: true,
  };
}

/**
 * Compares a parsed response with the page. `final` is the last attempt (the page had its
 * time to render): until then, a page that shows nothing comparable yet, or disagrees on every
 * day (it may still show the previous song), is `not-yet`, so the caller waits and asks again.
 */
export function checkAgainstPage(result: SpotifyParseResult, figures: PageFigures | null, final: boolean): PageCheck {
  const series = (result.readSeries ?? []).filter((one) => one.points.length > 0);
  if (series.length === 0) return { status: 'nothing-comparable', text: message('checkNoCounts'), result };
  if (!figures) return settle(final, message('checkNotSongPage'), result);
  if (series.some((one) => one.trackId !== figures.trackId)) return settle(final, message('checkOtherSong'), result);

  const checks = series.flatMap((one) => {
    const check = checkWithChart(one, figures.chart) ?? checkWithHeadline(one, figures);
    return check ? [{ series: one, check }] : [];
  });
  if (checks.length === 0) {
    return settle(final, message('checkNothingShown'), result);
  }
  if (!final && checks.every(({ check }) => check.allDisagree)) {
    return { status: 'not-yet', text: message('checkWaiting'), result };
  }
  const refused = new Set(checks.flatMap(({ series: one, check }) => [...check.refusedDays].map((day) => `${one.metric}|${day}`)));
  const text = checks.map(({ check }) => check.text).reduceRight((rest, first) => message('listSemicolon', { first: { text: first }, rest: { text: rest } }));
  if (refused.size === 0) return { status: 'agree', text, result: { ...result, note: joinNote(result.note, text) } };
  // Refused the way every reader refuses (core/page-check/refuse.ts).
  return { status: 'disagree', text, result: refuseObservations(result, (obs) => refused.has(`${obs.metric}|${obs.day}`), text) };
}

function settle(final: boolean, text: Message, result: SpotifyParseResult): PageCheck {
  if (!final) return { status: 'not-yet', text, result };
  return { status: 'nothing-comparable', text, result: { ...result, note: joinNote(result.note, text) } };
}

function joinNote(note: Message | null, text: Message): Message {
  return clipMessage(note ? message('listSemicolon', { first: { text: note }, rest: { text } }) : text, 300);
}
