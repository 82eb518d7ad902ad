/**
 * The evidence report: what a distributor's support team asks for when an artist reports a
 * gap (docs/domain.md: the ISRC, Spotify for Artists' count for a few specific days, the distributor's
 * count beside each), plus what makes it convincing: every reading with its time, the usual
 * ratio, and why each day stands out; a weekly dashboard's weeks likewise (./weeks.ts).
 * Markdown, ready to paste into a support form or email.
 */
import { sourceName, storeName } from '../compare/format';
import { compare } from '../compare/index';
import { REASON_LABEL_KEYS, type DayComparison, type ReasonLevel, type SourceSummary, type TrackComparison } from '../compare/types';
import { isDay, type Day } from '../model/day';
import type { History } from '../model/history';
import { isMonth } from '../model/day';
import { normaliseIsrc } from '../model/schema';
import { money, type MoneyTrack } from '../money';
import { moneySection } from './money';
import { englishMessage } from '../i18n/english';
import { message } from '../i18n/typed';
import { markdownText } from './markdown';
import { provenanceLines, type ProvenanceOf, type Say } from './provenance';
import { weekSections } from './weeks';
import { DEFAULT_SETTLE_DAYS } from '../model/settle';
import { provenanceLookup } from '../model/provenance';
import { ALL_STORES, SPOTIFY_SOURCE, SPOTIFY_STORE, isBuiltInDistributorSource } from '../model/ids';


interface EvidenceOptions {
  isrc: string;
  /** The days to include; default: the settled days with an ANOMALY. */
  days?: readonly string[];
  /** Canonical ISO instant: only what was known then is used. */
  asOf: string;
  /** Sales-report months (YYYY-MM) whose money to include (docs/contracts.md §3). */
  months?: readonly string[];
  /** The recording's money view when already computed (over the whole history); else computed from `history`. */
  money?: MoneyTrack | null;
  /** The report's language (docs/i18n.md): the history page passes the artist's. */
  say?: Say;
}

/** A request the report cannot answer (unknown ISRC, a day that is not a day). */
export class EvidenceError extends Error {
  override name = 'EvidenceError';
}

/** "Thu 2025-04-03": unambiguous for support teams in any country. */
const dayLabel = (say: Say, day: Day) => say(message('evidenceDay', { day: { isoDay: day } }));

const LEVEL_KEYS = { expected: 'levelExpected', possible: 'levelPossible', unexplained: 'levelUnexplained' } as const satisfies Record<ReasonLevel, string>;
const STATUS_KEYS = { settled: 'statusSettled', pending: 'statusPending', missing: 'statusMissing' } as const;

function readings(say: Say, row: DayComparison, source: string): string {
  const list = row.revisions.filter((revision) => revision.source === source);
  if (list.length === 0) return say(message('evidenceNoCountRead'));
  return list.map((revision) => say(message('evidenceReading', { value: revision.value, at: { instant: revision.observedAt } }))).join(say(message('evidenceThen')));
}

/**
 * A day whose count changed after it was first read says so in words: the latest value and
 * the one before it, each with its time (every revision is kept, docs/contracts.md §1, so a
 * forged or mistaken reading can only ever add one, and it shows here as what it is).
 */
function revisedLine(say: Say, row: DayComparison, source: string, name: string): string[] {
  const list = row.revisions.filter((revision) => revision.source === source);
  if (list.length < 2) return [];
  const latest = list[list.length - 1]!;
  const earlier = list[list.length - 2]!;
  return [say(message('evidenceRevisedLine', { name, value: latest.value, at: { instant: latest.observedAt }, earlier: earlier.value, earlierAt: { instant: earlier.observedAt } }))];
}

function sourceIntro(say: Say, summary: SourceSummary): string[] {
  const name = sourceName(summary.source);
  const stores = summary.store === ALL_STORES ? { text: message('storeAll') } : storeName(summary.store);
  const lines = [say(summary.store === SPOTIFY_STORE ? message('evidenceComparedSpotify', { name }) : message('evidenceComparedOther', { name, stores }))];
  lines.push(
    say(summary.baselineRatio === null ? message('evidenceUsualUnknown') : message('evidenceUsual', { name, percent: { percent: summary.baselineRatio }, days: summary.baselineDays })),
  );
  if (summary.lagDays !== 0) {
    const days = { text: message('dayCount', { count: Math.abs(summary.lagDays) }) };
    lines.push(say(message(summary.lagDays > 0 ? 'evidenceShiftBehind' : 'evidenceShiftAhead', { name, days })));
  }
  lines.push(say(summary.settleLearned ? message('evidenceSettledLearned', { days: summary.settleDays, name }) : message('evidenceSettled', { days: summary.settleDays })));
  return lines;
}

function sourceSection(say: Say, summary: SourceSummary, rows: readonly DayComparison[], missing: readonly Day[], provenanceOf: ProvenanceOf): string[] {
  const name = sourceName(summary.source);
  // Cells are figures for support teams: the CLI's fixed forms in every language.
  const count = (value: number | null) => (value === null ? say(message('evidenceNoCount')) : say(message('evidenceCount', { value })));
  const percent = (ratio: number | null) => (ratio === null ? '—' : say(message('evidencePercent', { value: { percent: ratio } })));
  const usual = percent(summary.baselineRatio);
  const lines = [`## ${name}`, '', ...sourceIntro(say, summary), ...provenanceLines(say, rows.flatMap((row) => row.revisions), summary.source, name, provenanceOf), ''];
  if (rows.length > 0) {
    lines.push(say(message('evidenceTableHeader', { name })), '| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const row of rows) {
      const diff = row.diff === null ? '—' : row.diff > 0 ? `+${count(row.diff)}` : row.diff < 0 ? `−${count(-row.diff)}` : count(0);
      lines.push(`| ${dayLabel(say, row.day)} | ${count(row.spotify)} | ${count(row.distributor)} | ${diff} | ${percent(row.ratio)} | ${usual} | ${say(message(STATUS_KEYS[row.status]))} |`);
    }
    lines.push('');
    for (const row of rows) {
      lines.push(`### ${dayLabel(say, row.day)}`, '');
      lines.push(`- Spotify for Artists: ${readings(say, row, SPOTIFY_SOURCE)}`);
      lines.push(`- ${name}: ${readings(say, row, summary.source)}`);
      for (const [source, label] of [[SPOTIFY_SOURCE, 'Spotify for Artists'], [summary.source, name]] as const) lines.push(...revisedLine(say, row, source, label));
      for (const reason of row.reasons) {
        const text = reason.key ? say({ key: reason.key, params: reason.params }) : reason.message;
        lines.push(say(message('evidenceReason', { label: { text: message(REASON_LABEL_KEYS[reason.code]) }, level: { text: message(LEVEL_KEYS[reason.level]) }, message: text })));
      }
      lines.push('');
    }
  }
  if (missing.length > 0) lines.push(say(message('evidenceNoReadings', { days: missing.map((day) => dayLabel(say, day)).join(', ') })), '');
  return lines;
}

function trackHeader(say: Say, track: TrackComparison, artists: readonly string[]): string[] {
  const title = markdownText(track.title) || markdownText(say(message('untitled')));
  const lines = [say(message('evidenceTitle', { title, isrc: track.isrc ?? '' })), ''];
  const artistText = markdownText(artists.join(', '));
  if (artistText !== '') lines.push(say(message('evidenceArtist', { artists: artistText })));
  lines.push(`- ISRC: ${track.isrc}`, '');
  return lines;
}

/** `weeks`: the track's weekly part (./weeks.ts), after its days; a week that stands out is something to send too. */
function trackSection(say: Say, track: TrackComparison, artists: readonly string[], days: readonly Day[] | undefined, provenanceOf: ProvenanceOf, weeks: readonly string[]): string[] {
  const lines = trackHeader(say, track, artists);
  const chosen = days
    ? track.days.filter((row) => days.includes(row.day))
    : track.days.filter((row) => row.status === 'settled' && row.reasons.some((reason) => reason.code === 'ANOMALY'));
  if (!days && chosen.length === 0 && weeks.length === 0) lines.push(say(message('evidenceNoStandout')), '');
  if (track.sources.length === 0 && weeks.length === 0) lines.push(say(message('evidenceNoDistributor')), '');
  for (const summary of track.sources) {
    const rows = chosen.filter((row) => row.distributorSource === summary.source);
    const missing = days ? days.filter((day) => !track.days.some((row) => row.day === day && row.distributorSource === summary.source)) : [];
    if (rows.length === 0 && missing.length === 0) continue;
    lines.push(...sourceSection(say, summary, rows, missing, provenanceOf));
  }
  lines.push(...weeks);
  return lines;
}

/** A support-ready Markdown report for one recording (ISRC). Throws EvidenceError. */
export function evidenceReport(history: History, options: EvidenceOptions): string {
  const isrc = normaliseIsrc(options.isrc);
  if (!isrc) throw new EvidenceError(`${JSON.stringify(options.isrc)} is not an ISRC (12 characters, e.g. CHXXX2400001)`);
  const days = options.days ? [...new Set(options.days)].sort() : undefined;
  for (const day of days ?? []) {
    if (!isDay(day)) throw new EvidenceError(`${JSON.stringify(day)} is not a calendar day (YYYY-MM-DD)`);
  }
  const months = options.months ? [...new Set(options.months)].sort() : [];
  for (const month of months) {
    if (!isMonth(month)) throw new EvidenceError(`${JSON.stringify(month)} is not a calendar month (YYYY-MM)`);
  }
  const result = compare(history, { asOf: options.asOf, isrc });
  if (result.tracks.length === 0) throw new EvidenceError(`no recording with ISRC ${isrc} in this history`);
  const say = options.say ?? englishMessage;
  const provenanceOf = provenanceLookup(history.provenance ?? [], isBuiltInDistributorSource);
  const lines: string[] = [];
  for (const track of result.tracks) {
    const artists = history.tracks.find((candidate) => candidate.id === track.track)?.artists ?? [];
    // Months only: the days part is left out unless days were chosen too.
    if (months.length > 0 && !days) {
      lines.push(...trackHeader(say, track, artists));
      continue;
    }
    const weeks = weekSections(say, history.observations.filter((obs) => obs.track === track.track), {
      asOf: result.asOf,
      days,
      settleDays: DEFAULT_SETTLE_DAYS,
      settleBySource: new Map(track.sources.map((summary) => [summary.source, summary.settleDays])),
      provenanceOf,
    });
    lines.push(...trackSection(say, track, artists, days, provenanceOf, weeks));
  }
  if (months.length > 0) {
    const recording = options.money !== undefined ? options.money : money(history, { asOfDay: options.asOf.slice(0, 10), isrc }).tracks[0];
    if (recording) lines.push(...moneySection(recording, months, say));
  }
  lines.push('---', '', say(message('evidenceFooter', { at: { instant: result.asOf } })), '');
  return lines.join('\n');
}
