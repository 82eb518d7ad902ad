/** Hand-made histories for the money tests: S4A daily streams per month, report lines with money. */
import { daysInMonthOf, lastDayOfMonth, monthRange, type Month } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { MoneyRecord } from '../../../core/model/money';
import type { Observation, Track } from '../../../core/model/schema';

export const ISRC = 'CHA1B2400001';
export const S4A_TRACK = 't-s4a';
export const REPORT_TRACK = 'imusician:CHA1B2400001';
// After the last S4A day the fixture has (2024-06-30): no dashboard counts a day before it is read.
export const READ_AT = '2024-07-02T08:00:00.000Z';
export const IMPORTED_AT = '2024-11-01T08:00:00.000Z';

export function tracks(isrc = ISRC): Track[] {
  return [
    { id: S4A_TRACK, isrc, title: 'Harbour Lights', artists: ['Luma Field'], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: {} },
    { id: REPORT_TRACK, isrc, title: 'Harbour Lights', artists: ['Luma Field'], spotifyTrackIds: [], distributorIds: {} },
  ];
}

/** S4A daily streams: each month's total spread over its days (the remainder on the 1st); 0 → a month of zero days. */
export function s4a(totals: Record<Month, number>, track = S4A_TRACK): Observation[] {
  const months = Object.keys(totals).sort();
  const observations: Observation[] = [];
  for (const month of monthRange(months[0]!, months[months.length - 1]!)) {
    const total = totals[month] ?? 0;
    const days = daysInMonthOf(month);
    const each = Math.floor(total / days);
    for (let day = 1; day <= days; day++) {
      observations.push({ track, source: 'spotify', store: 'spotify', metric: 'streams', day: `${month}-${String(day).padStart(2, '0')}`, value: each + (day === 1 ? total - each * days : 0), observedAt: READ_AT });
    }
  }
  return observations;
}

export interface Line {
  month: Month;
  store?: string;
  source?: string;
  streams: number;
  amount?: string;
  currency?: string;
  statement?: Month | null;
  observedAt?: string;
  track?: string;
}

/** A report's lines: the streams_month observation and, with an amount, its money record. */
export function report(lines: readonly Line[]): { observations: Observation[]; money: MoneyRecord[] } {
  const observations: Observation[] = [];
  const money: MoneyRecord[] = [];
  for (const line of lines) {
    const base = { track: line.track ?? REPORT_TRACK, source: line.source ?? 'imusician', store: line.store ?? 'spotify' };
    const observedAt = line.observedAt ?? IMPORTED_AT;
    observations.push({ ...base, metric: 'streams_month', day: lastDayOfMonth(line.month), value: Math.max(0, line.streams), observedAt });
    if (line.amount !== undefined) {
      money.push({ ...base, month: line.month, statement: line.statement === undefined ? null : line.statement, currency: line.currency ?? 'EUR', amount: line.amount, streams: line.streams, observedAt });
    }
  }
  return { observations, money };
}

export function history(s4aTotals: Record<Month, number>, lines: readonly Line[]): History {
  const reported = report(lines);
  return { tracks: tracks(), observations: [...s4a(s4aTotals), ...reported.observations], money: reported.money };
}
