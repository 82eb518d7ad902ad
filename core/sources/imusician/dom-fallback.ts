/**
 * DOM fallback (last resort) for the trends page, when no response was recognised: reads
 * tables whose header names a date column and a stream-count column. Pure functions over a
 * minimal DOM interface (the Spotify fallback's), so they run on a live page or on happy-dom.
 *
 * The track of a table: an ISRC column, else the `[data-isrc]` container around the table,
 * else the one ISRC the page shows in a heading ("ISRC: CH-XXX-24-00001"). A title alone is
 * not enough (nothing could match it later). The store: a store column, else the page's store
 * filter (a <select> named store/shop), else the page address, else "all". Only exact values
 * are stored: real days (dom-values.ts) and whole counts for the page's locale.
 */
import { clipMessage, type Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { normaliseIsrc } from '../../model/isrc';
import type { DomElementLike, DomRootLike } from '../shared/dom';
import { parseTableCount, parseTableDay } from './dom-values';
import { MAX_TITLE, type TrackIdentity } from '../generic/identity';
import { addSeries, emptyResult, unrecognised, type ImusicianParseResult, type ImusicianReadContext, type SeriesInput } from './result';
import { IMUSICIAN_SELECTORS as S } from './selectors';
import { storeFilterOf } from './store-filter';
import { imusicianStoreId } from './stores';
import { isImusicianTrendsPage } from './urls';
import { ALL_STORES } from '../../model/ids';



interface ImusicianDomContext extends ImusicianReadContext {
  /** The page's language (`<html lang>`), to read "1’204" / "1.204" / "1,204"; unknown → ambiguous refused. */
  locale?: string;
}

const MAX_ELEMENTS = 5000;
const DATE_HEADER = /^(date|day|datum|tag|jour|giorno)\b/;
const COUNT_HEADER = /^(streams?|plays|count|quantity|anzahl|total streams?)\b/;
const ISRC_HEADER = /^isrc\b/;
const TITLE_HEADER = /^(track|title|titel|song)\b/;
const STORE_HEADER = /^(store|shop|platform|dsp|service)\b/;
const TOTAL_ROW = /^(total|sum|summe|gesamt|totale)\b/i;
const ISRC_TEXT = /\bISRC\b\W{0,3}([A-Z]{2}-?[A-Z0-9]{3}-?\d{2}-?\d{5})\b/i;

function elements(root: DomRootLike | DomElementLike, selector: string): DomElementLike[] {
  const list = root.querySelectorAll(selector);
  const result: DomElementLike[] = [];
  for (let i = 0; i < list.length && i < MAX_ELEMENTS; i++) result.push(list[i]!);
  return result;
}

function text(element: DomElementLike | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A heading's title with its "ISRC …" part and separators taken off. */
function titleFrom(heading: string): string {
  return heading.replace(ISRC_TEXT, '').replace(/[\s·|•–—:-]+$/u, '').replace(/^[\s·|•–—:-]+/u, '').trim().slice(0, MAX_TITLE);
}

function headingIdentity(scope: DomRootLike | DomElementLike): { isrcs: Set<string>; identity: TrackIdentity | null } {
  const isrcs = new Set<string>();
  let identity: TrackIdentity | null = null;
  for (const heading of elements(scope, S.trackHeading)) {
    const content = text(heading);
    const isrc = normaliseIsrc(ISRC_TEXT.exec(content)?.[1]);
    if (!isrc) continue;
    isrcs.add(isrc);
    identity ??= { isrc, trackId: null, releaseId: null, title: heading.getAttribute('data-track-title') ?? titleFrom(content) };
  }
  return { isrcs, identity: isrcs.size === 1 ? identity : null };
}

type PageStore = { store: string } | { problem: Message };

function pageStore(root: DomRootLike, pageUrl: string): PageStore {
  const chosen = elements(root, S.storeFilterChecked);
  const options = chosen.length > 0 ? chosen : elements(root, S.storeFilterSelected);
  if (options.length > 1) return { problem: message('readerPageSeveralFilters') };
  if (options.length === 1) {
    const option = options[0]!;
    const store = imusicianStoreId(option.getAttribute('value') || text(option)) ?? imusicianStoreId(text(option));
    // The filter's text is the page's own words, kept as they are.
    return store ? { store } : { problem: message('readerPageFilterNoStore', { filter: JSON.stringify(text(option).slice(0, 40)) }) };
  }
  const filter = storeFilterOf(pageUrl);
  if (filter.kind === 'store') return { store: filter.store };
  if (filter.kind === 'unclear') return { problem: filter.problem };
  return { store: ALL_STORES };
}

interface Columns {
  date: number;
  count: number;
  isrc: number;
  title: number;
  store: number;
}

function columnsOf(header: readonly string[]): Columns | { problem: Message } | null {
  const find = (pattern: RegExp) => header.flatMap((cell, index) => (pattern.test(cell) ? [index] : []));
  const date = find(DATE_HEADER);
  const count = find(COUNT_HEADER);
  if (date.length === 0 || count.length === 0) return null;
  if (date.length > 1) return { problem: message('readerAmbiguousDateColumn', { columns: date.map((i) => header[i]).join(', ') }) };
  if (count.length > 1) return { problem: message('readerAmbiguousCountColumn', { columns: count.map((i) => header[i]).join(', ') }) };
  return { date: date[0]!, count: count[0]!, isrc: find(ISRC_HEADER)[0] ?? -1, title: find(TITLE_HEADER)[0] ?? -1, store: find(STORE_HEADER)[0] ?? -1 };
}

interface TableRead {
  series: SeriesInput[];
  problem: Message | null;
}

function readTable(table: DomElementLike, where: { text: Message }, identity: TrackIdentity | null, store: PageStore, locale: string | undefined): TableRead | null {
  const rows = elements(table, S.row);
  const headerIndex = Math.max(0, rows.findIndex((row) => row.querySelectorAll(S.headerCell).length > 0));
  const header = rows[headerIndex];
  if (!header) return null;
  const columns = columnsOf(elements(header, S.cell).map((cell) => text(cell).toLowerCase()));
  if (!columns) return null;
  if ('problem' in columns) return { series: [], problem: message('readerAt', { where, problem: { text: columns.problem } }) };
  const footer = new Set(elements(table, S.footerRow));
  const groups = new Map<string, SeriesInput & { points: Array<{ day: unknown; value: unknown }> }>();
  let problem: Message | null = null;
  rows.slice(headerIndex + 1).forEach((row, index) => {
    if (footer.has(row)) return;
    const cells = elements(row, S.cell).map(text);
    if (cells.every((cell) => cell === '')) return;
    const dateText = cells[columns.date] ?? '';
    if (TOTAL_ROW.test(dateText)) return;
    const isrc = columns.isrc >= 0 ? normaliseIsrc(cells[columns.isrc]) : null;
    const title = (columns.title >= 0 ? cells[columns.title] : undefined) || identity?.title || '';
    const track: TrackIdentity | null = isrc ? { isrc, trackId: null, releaseId: null, title: title.slice(0, MAX_TITLE) } : identity;
    if (!track) {
      problem ??= message('readerAt', { where, problem: { text: message('readerRowNoIsrc', { row: index + 1 }) } });
      return;
    }
    const rowStore = columns.store >= 0 ? imusicianStoreId(cells[columns.store]) : null;
    const storeId = rowStore ?? ('store' in store ? store.store : null);
    if (!storeId) {
      problem ??= message('readerAt', { where, problem: { text: 'problem' in store ? store.problem : message('readerStoreNotKnown') } });
      return;
    }
    const key = `${track.isrc}|${storeId}`;
    let series = groups.get(key);
    if (!series) {
      series = { identity: track, store: storeId, points: [], where };
      groups.set(key, series);
    }
    const countText = cells[columns.count] ?? '';
    series.points.push({ day: parseTableDay(dateText) ?? dateText, value: parseTableCount(countText, locale) ?? countText });
  });
  return { series: [...groups.values()], problem };
}

export function readImusicianTrendsDom(root: DomRootLike, pageUrl: string, context: ImusicianDomContext): ImusicianParseResult {
  try {
    return readUnsafe(root, pageUrl, context);
  } catch (error) {
    // The error's own words are for support (a bug report), inside the translated sentence.
    return unrecognised('dom-trends-table', message('readerFailed', { detail: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200) }));
  }
}

function readUnsafe(root: DomRootLike, pageUrl: string, context: ImusicianDomContext): ImusicianParseResult {
  if (!isImusicianTrendsPage(pageUrl)) return unrecognised('dom-trends-table', message('readerNotTrendsPage'));
  const store = pageStore(root, pageUrl);
  const page = headingIdentity(root);
  const tables: Array<{ table: DomElementLike; identity: TrackIdentity | null }> = [];
  const claimed = new Set<DomElementLike>();
  // Innermost containers first (document order reversed), so a nested one claims its tables.
  for (const container of elements(root, S.trackContainer).reverse()) {
    const isrc = normaliseIsrc(container.getAttribute('data-isrc'));
    const named = headingIdentity(container).identity;
    const identity = isrc ? { isrc, trackId: null, releaseId: null, title: named?.isrc === isrc ? named.title : (named?.title ?? '') } : null;
    for (const table of elements(container, S.table)) {
      if (claimed.has(table)) continue;
      claimed.add(table);
      tables.push({ table, identity });
    }
  }
  for (const table of elements(root, S.table)) if (!claimed.has(table)) tables.push({ table, identity: page.identity });

  const result = emptyResult('dom-trends-table');
  const series: SeriesInput[] = [];
  const problems: Message[] = [];
  let seen = 0;
  tables.forEach(({ table, identity }, index) => {
    const read = readTable(table, { text: message('readerTable', { number: index + 1 }) }, identity, store, context.locale);
    if (!read) return;
    seen++;
    series.push(...read.series);
    if (read.problem) problems.push(read.problem);
  });
  if (seen === 0) return unrecognised('dom-trends-table', message('readerNoTrendsTable'));
  if (problems.length > 0 && page.isrcs.size > 1 && series.length === 0) problems.unshift(message('readerSeveralIsrcs'));
  if (problems.length > 0) {
    result.partial = true;
    result.reason = clipMessage(problems[0]!, 300);
  }
  addSeries(result, series, context);
  if (result.observations.length === 0 && result.heldBack === 0) return unrecognised('dom-trends-table', result.reason ?? message('readerTrendsNoRows'));
  return result;
}
