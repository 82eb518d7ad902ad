/**
 * The weeks of an evidence report: a dashboard that shows one count per week (a taught recipe
 * of cadence `weekly`, core/recipes/README.md) is compared per week with Spotify for Artists'
 * days summed over the same 7 days (core/views/weeks.ts). For support, each week quoted says
 * both figures, every reading of the weekly count with its time, which recipe read it, and
 * why the week stands out, in the report's language (`say`), like the days (./report.ts).
 */
import { sourceName, storeName } from '../compare/format';
import { REASON_LABEL_KEYS, type ReasonLevel } from '../compare/types';
import type { Day } from '../model/day';
import { message } from '../i18n/typed';
import { ALL_STORES, SPOTIFY_SOURCE } from '../model/ids';
import { WEEK_METRIC, type Observation } from '../model/schema';
import { weekRows, type WeekRow } from '../views/weeks';
import { provenanceLines, type ProvenanceOf, type Say } from './provenance';

const LEVEL_KEYS = { expected: 'levelExpected', possible: 'levelPossible', unexplained: 'levelUnexplained' } as const satisfies Record<ReasonLevel, string>;
const STATUS_KEYS = { settled: 'statusSettled', pending: 'statusPending', missing: 'statusMissing' } as const;

interface WeekSectionOptions {
  asOf: string;
  /** The chosen days: the weeks holding one of them; without, the settled weeks nothing explains. */
  days?: readonly Day[];
  /** Each distributor source's settle window, as its days taught it. */
  settleDays: number;
  settleBySource: ReadonlyMap<string, number>;
  provenanceOf: ProvenanceOf;
}

const weekLabel = (say: Say, row: WeekRow) => say(message('evidenceWeek', { first: { isoDay: row.week }, last: { isoDay: row.lastDay } }));

function chosenWeeks(rows: readonly WeekRow[], days: readonly Day[] | undefined): WeekRow[] {
  if (days) return rows.filter((row) => days.some((day) => day >= row.week && day <= row.lastDay));
  return rows.filter((row) => row.status === 'settled' && row.reasons.some((reason) => reason.code === 'ANOMALY'));
}

function sourceWeeks(say: Say, source: string, rows: readonly WeekRow[], readings: readonly Observation[], provenanceOf: ProvenanceOf): string[] {
  const name = sourceName(source);
  const count = (value: number | null) => (value === null ? say(message('evidenceNoCount')) : say(message('evidenceCount', { value })));
  const percent = (ratio: number | null) => (ratio === null ? '—' : say(message('evidencePercent', { value: { percent: ratio } })));
  const store = rows[0]!.store;
  const stores = store === ALL_STORES ? { text: message('storeAll') } : storeName(store);
  const lines = [`## ${say(message('evidenceWeeksTitle', { name }))}`, '', say(message('evidenceWeeksCompared', { name, stores })), ...provenanceLines(say, readings, source, name, provenanceOf), ''];
  lines.push(say(message('evidenceWeekTableHeader', { name })), '| --- | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const diff = row.diff === null ? '—' : row.diff > 0 ? `+${count(row.diff)}` : row.diff < 0 ? `−${count(-row.diff)}` : count(0);
    lines.push(`| ${weekLabel(say, row)} | ${count(row.spotify)} | ${count(row.distributor)} | ${diff} | ${percent(row.ratio)} | ${say(message(STATUS_KEYS[row.status]))} |`);
  }
  lines.push('');
  for (const row of rows) {
    const read = readings.filter((obs) => obs.day === row.week);
    lines.push(`### ${weekLabel(say, row)}`, '');
    const spotify = row.spotify === null ? say(message('evidenceNoCountRead')) : say(message('evidenceWeekSum', { value: row.spotify, days: row.spotifyDays }));
    lines.push(`- Spotify for Artists: ${spotify}`);
    const values = read.length === 0 ? say(message('evidenceNoCountRead')) : read.map((obs) => say(message('evidenceReading', { value: obs.value, at: { instant: obs.observedAt } }))).join(say(message('evidenceThen')));
    lines.push(`- ${name}: ${values}`);
    for (const reason of row.reasons) {
      const text = reason.key ? say({ key: reason.key, params: reason.params }) : reason.message;
      lines.push(say(message('evidenceReason', { label: { text: message(REASON_LABEL_KEYS[reason.code]) }, level: { text: message(LEVEL_KEYS[reason.level]) }, message: text })));
    }
    lines.push('');
  }
  return lines;
}

/** The report's weeks for one track's observations: one section per weekly source with weeks to quote, else nothing. */
export function weekSections(say: Say, observations: readonly Observation[], options: WeekSectionOptions): string[] {
  if (!observations.some((obs) => obs.metric === WEEK_METRIC)) return [];
  const rows = chosenWeeks(weekRows(observations, { asOf: options.asOf, settleDays: options.settleDays, settleBySource: options.settleBySource }), options.days);
  const lines: string[] = [];
  for (const source of [...new Set(rows.map((row) => row.distributorSource))].sort()) {
    const ofSource = rows.filter((row) => row.distributorSource === source);
    const weeks = new Set(ofSource.map((row) => row.week));
    // The readings quoted: the weekly counts of these weeks read by asOf, in the order read.
    const readings = observations
      .filter((obs) => obs.source === source && obs.source !== SPOTIFY_SOURCE && obs.metric === WEEK_METRIC && obs.store === ofSource[0]!.store && weeks.has(obs.day) && obs.observedAt <= options.asOf)
      .sort((a, b) => (a.observedAt < b.observedAt ? -1 : a.observedAt > b.observedAt ? 1 : 0));
    lines.push(...sourceWeeks(say, source, ofSource, readings, options.provenanceOf));
  }
  return lines;
}

