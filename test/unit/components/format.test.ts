import { describe, expect, it } from 'vitest';
import { formatCount, formatDay, formatMonth, formatPercent, formatRelativeTime, formatSigned } from '../../../components/format';

describe('formatCount', () => {
  it.each([
    [1234567, 'en-US', '1,234,567'],
    [1234567, 'de-DE', '1.234.567'],
    [0, 'en-US', '0'],
    [null, 'en-US', '—'],
  ])('%s in %s → %s', (value, locale, expected) => {
    expect(formatCount(value, locale)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each([
    [0.913, 'en-US', '91%'],
    [1.0, 'en-US', '100%'],
    [0.0734, 'en-US', '7.3%'],
    [0.0734, 'de-DE', '7,3\u00a0%'],
    [null, 'en-US', '—'],
    [Number.POSITIVE_INFINITY, 'en-US', '—'],
  ])('%s in %s → %s', (value, locale, expected) => {
    expect(formatPercent(value, locale)).toBe(expected);
  });
});

describe('formatSigned', () => {
  it('marks gains and losses', () => {
    expect(formatSigned(12, 'en-US')).toBe('+12');
    expect(formatSigned(-340, 'en-US')).toBe('-340');
    expect(formatSigned(0, 'en-US')).toBe('0');
  });
});

describe('formatDay / formatMonth', () => {
  it('uses the UTC calendar day with its weekday', () => {
    expect(formatDay('2023-04-03', 'en-GB')).toBe('Mon 3 Apr');
    expect(formatDay('2024-02-29', 'en-GB')).toBe('Thu 29 Feb');
  });
  it('labels months', () => {
    expect(formatMonth('2025-01', 'en-GB')).toBe('Jan 2025');
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');
  it.each([
    ['2026-11-22T11:59:30.000Z', 'now'],
    ['2026-11-22T11:15:00.000Z', '45 min. ago'],
    ['2026-11-22T10:00:00.000Z', '2 hr. ago'],
    ['2026-11-20T12:00:00.000Z', '2 days ago'],
  ])('%s → %s', (instant, expected) => {
    expect(formatRelativeTime(instant, now, 'en-US')).toBe(expected);
  });
  it('gives a date beyond a week', () => {
    expect(formatRelativeTime('2026-10-01T12:00:00.000Z', now, 'en-GB')).toBe('1 Oct 2026');
  });
});
