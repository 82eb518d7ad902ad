/** Day and month arithmetic over the whole calendar (0000–9999), and `--as-of` parsing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayRange, daysBetween, LAST_DAY, monthRange, monthsBetween, parseAsOf } from '../../../core/model/day';
import { nextDay, previousDay } from '../../../core/eligibility/days';
import { observationSchema } from '../../../core/model/schema';

const dayArbitrary = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const monthArbitrary = dayArbitrary.map((day) => day.slice(0, 7));

describe('day and month arithmetic at the ends of the calendar', () => {
  it('steps within 0000–9999 and saturates at the ends, so strings keep ordering like days', () => {
    expect(addMonths('9999-12', 1)).toBe('9999-12');
    expect(addMonths('9999-11', 1)).toBe('9999-12');
    expect(addMonths('1970-01', -1)).toBe('1969-12');
    expect(addDays('9999-12-31', 1)).toBe(LAST_DAY);
    expect(addDays('0001-01-01', -400)).toBe('0000-01-01');
    expect(nextDay('9999-12-31')).toBe('9999-12-31');
    expect(previousDay('0000-01-01')).toBe('0000-01-01');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(monthRange('9999-10', '9999-12')).toEqual(['9999-10', '9999-11', '9999-12']);
    expect(dayRange('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
  });

  it('ranges hold exactly the steps between their bounds, for any days up to 9999-12-31', () => {
    fc.assert(
      fc.property(monthArbitrary, monthArbitrary, (a, b) => {
        const [first, last] = a <= b ? [a, b] : [b, a];
        const months = monthRange(first, last);
        expect(months).toHaveLength(monthsBetween(first, last) + 1);
        expect(months[months.length - 1]).toBe(last);
        expect(monthRange(last, first)).toHaveLength(first === last ? 1 : 0);
      }),
    );
    fc.assert(
      fc.property(dayArbitrary, fc.integer({ min: 0, max: 40 }), (day, span) => {
        const last = addDays(day, span);
        const days = dayRange(day, last);
        expect(days).toHaveLength(daysBetween(day, last) + 1);
        expect(days.every((d, i) => i === 0 || d > days[i - 1]!)).toBe(true);
        expect(nextDay(previousDay(day)) === day || day === '0000-01-01').toBe(true);
      }),
    );
  });
});

describe('--as-of', () => {
  it('reads a time without a zone as UTC, never as the machine time', () => {
    expect(parseAsOf('2025-04-01T10:00')).toBe(Date.parse('2025-04-01T10:00:00Z'));
    expect(parseAsOf('2025-04-01T10:00:30.5')).toBe(Date.parse('2025-04-01T10:00:30.500Z'));
    expect(parseAsOf('2025-04-01T10:00+02:00')).toBe(Date.parse('2025-04-01T08:00:00Z'));
    expect(parseAsOf('2025-04-01')).toBe(Date.parse('2025-04-01T23:59:59.999Z'));
  });

  it('answers at the far end of the calendar, and refuses what is no time', () => {
    expect(parseAsOf('9999-12-31')).toBe(Date.parse('9999-12-31T23:59:59.999Z'));
    expect(parseAsOf('9999-12-31T23:59')).toBe(Date.parse('9999-12-31T23:59:00Z'));
    for (const bad of ['2025-02-30', '2025-02-30T10:00', '2025-04-01T25:00', '2025-04-01T10:61', '1969-12-31', '+275760-09-13', '10000-01-01', '2025-04-01 10:00']) expect(parseAsOf(bad), bad).toBeNull();
  });
});

describe('no observation counts a day after it was read', () => {
  const base = { track: 't-1', source: 'spotify', store: 'spotify', value: 5 } as const;
  it('refuses a daily count or window ending after the reading day, and a month after the reading month', () => {
    const refused = (obs: object) => observationSchema.safeParse({ ...base, ...obs }).error?.issues[0]?.message;
    expect(refused({ metric: 'streams', day: '2025-04-02', observedAt: '2025-04-01T23:59:00Z' })).toBe('the day 2025-04-02 is after 2025-04-01T23:59:00.000Z, when it was read: no dashboard counts a day that has not begun');
    expect(refused({ metric: 'streams_28d', day: '9999-12-31', observedAt: '2025-04-01T08:00:00Z' })).toContain('the day 9999-12-31 is after');
    expect(refused({ metric: 'streams_month', day: '9999-12-31', observedAt: '2025-04-01T08:00:00Z' })).toBe('the month 9999-12 is after 2025-04-01T08:00:00.000Z, when it was read: no report counts a month that has not begun');
    // The reading day itself, a window ending on it and the reading month are allowed.
    expect(refused({ metric: 'streams', day: '2025-04-01', observedAt: '2025-04-01T08:00:00Z' })).toBeUndefined();
    expect(refused({ metric: 'streams_28d', day: '2025-04-01', observedAt: '2025-04-01T08:00:00Z' })).toBeUndefined();
    expect(refused({ metric: 'streams_month', day: '2025-04-30', observedAt: '2025-04-01T08:00:00Z' })).toBeUndefined();
  });
});

describe('history files with impossible dates', () => {
  it('are refused whole, naming the observation and the day', async () => {
    const { parseHistoryFile } = await import('../../../core/history/parse');
    const file = JSON.stringify({
      format: 'crosscount-history',
      version: 1,
      exportedAt: '2025-04-02T00:00:00.000Z',
      tracks: [{ id: 't-1', isrc: null, title: 'A', artists: [], spotifyTrackIds: [], distributorIds: {} }],
      observations: [
        { track: 't-1', source: 'spotify', store: 'spotify', metric: 'streams', day: '2025-03-01', value: 5, observedAt: '2025-04-01T08:00:00.000Z' },
        { track: 't-1', source: 'imusician', store: 'spotify', metric: 'streams_month', day: '9999-12-31', value: 5, observedAt: '2025-04-01T08:00:00.000Z' },
      ],
    });
    expect(() => parseHistoryFile(file)).toThrow(/observations\[1\].*9999-12 is after 2025-04-01T08:00:00.000Z/);
  });
});
