/**
 * The evidence report: what a distributor's support team asks for when an artist reports a
 * gap (DOMAIN: the ISRC, Spotify for Artists' count for a few specific days, the distributor's
 * count beside each), plus what makes it convincing: every reading with its time, the usual
 * ratio, and why each day stands out. Markdown, ready to paste into a support form or email.
 */
import { formatInstant, formatPercent, formatCount, sourceName } from '../compare/format';
import { compare } from '../compare/index';
import { REASON_LABELS, type DayComparison, type SourceSummary, type TrackComparison } from '../compare/types';
import { dayStartMs, isDay, type Day } from '../model/day';
import type { History } from '../model/history';
import { isMonth } from '../model/day';
import { normaliseIsrc } from '../model/schema';
import { money, type MoneyTrack } from '../money';
import { moneySection } from './money';

export interface EvidenceOptions {
  isrc: string;
  /** The days to include; default: the settled days with an ANOMALY. */
  days?: readonly string[];
  /** Canonical ISO instant: only what was known then is used. */
  asOf: string;
  /** Sales-report months (YYYY-MM) whose money to include (docs/contracts.md §3). */
  months?: readonly string[];
  /** The recording's money view when already computed (over the whole history); else computed from `history`. */
  money?: MoneyTrack | null;
}

/** A request the report cannot answer (unknown ISRC, a day that is not a day). */
export class EvidenceError extends Error {
  override name = 'EvidenceError';
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Thu 2025-04-03": unambiguous for support teams in any country. */
function dayLabel(day: Day): string {
  return `${WEEKDAYS[new Date(dayStartMs(day)).getUTCDay()]} ${day}`;
}

/**
 * Text from the history (titles, artists: scraped from pages) as inert Markdown: one line, no
 * emphasis, links, HTML or table breaks. Only the characters that matter are escaped, so the
 * text stays readable where the report is pasted as plain text.
 */
export function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`).replace(/^#/, '\\#');
}

const count = (value: number | null) => (value === null ? 'no count' : formatCount(value));

function readings(row: DayComparison, source: string): string {
  const list = row.revisions.filter((revision) => revision.source === source);
  if (list.length === 0) return 'no count read';
  return list.map((revision) => `${formatCount(revision.value)} (read ${formatInstant(revision.observedAt)})`).join(', then ');
}

function sourceIntro(summary: SourceSummary): string[] {
  const name = sourceName(summary.source);
  const lines = [
    `- Compared: Spotify for Artists daily streams and ${name}'s daily trends ${summary.store === 'spotify' ? 'for Spotify' : `for ${summary.store === 'all' ? 'all stores' : summary.store} (other stores included)`}.`,
  ];
  lines.push(
    summary.baselineRatio === null
      ? `- Usual ratio: not known yet (too few settled days with enough streams).`
      : `- Usual ratio: on a normal day ${name} shows about ${formatPercent(summary.baselineRatio)} of Spotify for Artists' count for this recording (median of ${summary.baselineDays} settled days).`,
  );
  if (summary.lagDays !== 0) {
    lines.push(`- Day boundaries: ${name}'s days run ${Math.abs(summary.lagDays)} day${Math.abs(summary.lagDays) === 1 ? '' : 's'} ${summary.lagDays > 0 ? 'behind' : 'ahead of'} Spotify's; the reasons below compare each day with the matching Spotify day.`);
  }
  lines.push(`- A day counts as settled ${summary.settleDays} days after it ends${summary.settleLearned ? ` (how long ${name}'s counts kept changing in this history)` : ''}.`);
  return lines;
}

function sourceSection(track: TrackComparison, summary: SourceSummary, rows: readonly DayComparison[], missing: readonly Day[]): string[] {
  const name = sourceName(summary.source);
  const usual = summary.baselineRatio === null ? '—' : formatPercent(summary.baselineRatio);
  const lines = [`## ${markdownText(name)}`, '', ...sourceIntro(summary), ''];
  if (rows.length > 0) {
    lines.push(`| Day (UTC) | Spotify for Artists | ${markdownText(name)} | Difference | Ratio | Usual ratio | Status |`, '| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const row of rows) {
      const diff = row.diff === null ? '—' : row.diff > 0 ? `+${formatCount(row.diff)}` : formatCount(row.diff);
      const ratio = row.ratio === null ? '—' : formatPercent(row.ratio);
      lines.push(`| ${dayLabel(row.day)} | ${count(row.spotify)} | ${count(row.distributor)} | ${diff} | ${ratio} | ${usual} | ${row.status} |`);
    }
    lines.push('');
    for (const row of rows) {
      lines.push(`### ${dayLabel(row.day)}`, '');
      lines.push(`- Spotify for Artists: ${readings(row, 'spotify')}`);
      lines.push(`- ${name}: ${readings(row, summary.source)}`);
      for (const reason of row.reasons) lines.push(`- ${REASON_LABELS[reason.code]} (${reason.level}): ${reason.message}`);
      lines.push('');
    }
  }
  if (missing.length > 0) lines.push(`No readings from either dashboard for: ${missing.map(dayLabel).join(', ')}.`, '');
  return lines;
}

function trackHeader(track: TrackComparison, artists: readonly string[]): string[] {
  const lines = [`# Stream counts: ${markdownText(track.title || 'Untitled')} (ISRC ${track.isrc})`, ''];
  if (artists.length > 0) lines.push(`- Artist: ${markdownText(artists.join(', '))}`);
  lines.push(`- ISRC: ${track.isrc}`, '');
  return lines;
}

function trackSection(track: TrackComparison, artists: readonly string[], days: readonly Day[] | undefined): string[] {
  const lines = trackHeader(track, artists);
  const chosen = days
    ? track.days.filter((row) => days.includes(row.day))
    : track.days.filter((row) => row.status === 'settled' && row.reasons.some((reason) => reason.code === 'ANOMALY'));
  if (!days && chosen.length === 0) {
    lines.push('No settled day stands out: every settled day is explained by a known reason (delay, filtered plays, small numbers…). Choose days to include to prepare a report anyway.', '');
  }
  if (track.sources.length === 0) lines.push('There are no distributor counts for this recording yet.', '');
  for (const summary of track.sources) {
    const rows = chosen.filter((row) => row.distributorSource === summary.source);
    const missing = days ? days.filter((day) => !track.days.some((row) => row.day === day && row.distributorSource === summary.source)) : [];
    if (rows.length === 0 && missing.length === 0) continue;
    lines.push(...sourceSection(track, summary, rows, missing));
  }
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
  const lines: string[] = [];
  for (const track of result.tracks) {
    const artists = history.tracks.find((candidate) => candidate.id === track.track)?.artists ?? [];
    // Months only: the days part is left out unless days were chosen too.
    lines.push(...(months.length > 0 && !days ? trackHeader(track, artists) : trackSection(track, artists, days)));
  }
  if (months.length > 0) {
    const recording = options.money !== undefined ? options.money : money(history, { asOfDay: options.asOf.slice(0, 10), isrc }).tracks[0];
    if (recording) lines.push(...moneySection(recording, months));
  }
  lines.push(
    '---',
    '',
    `Counts as read from the artist's own Spotify for Artists and distributor dashboards, as known on ${formatInstant(result.asOf)}. Days are UTC calendar days; "read" times are when Crosscount saw each value on the dashboard.`,
    '',
  );
  return lines.join('\n');
}
