import { describe, expect, it } from 'vitest';
import { eligibility, eligibilityProgress, eligibilityStatusWord, monthName, streamsToGo } from '../../../core/eligibility';
import { history, months, track } from './fixtures';

const ISRC = 'CHXXX2400001';

describe('status words (docs/ui.md)', () => {
  const evaluate = (totals: number[], asOfDay: string) => eligibility(history([track('t-1', ISRC)], months('t-1', '2024-01', totals)), { asOfDay }).tracks[0]!;

  it('"Earning" when eligible in its first run', () => {
    expect(eligibilityStatusWord(evaluate([1200], '2024-01-31'), 'en-US')).toBe('Earning');
  });

  it('"Not yet — 188 to go" below the threshold', () => {
    const entry = evaluate([400, 412], '2024-02-29');
    expect(eligibilityStatusWord(entry, 'en-US')).toBe('Not yet — 188 to go');
    expect(streamsToGo(entry)).toBe(188);
    expect(eligibilityProgress(entry)).toBeCloseTo(0.812);
  });

  it('thousands separators from the locale', () => {
    expect(eligibilityStatusWord(evaluate([0], '2024-01-31'), 'de-DE')).toBe('Not yet — 1.000 to go');
  });

  it('"Earning again since May" after a lapse', () => {
    // Eligible through 2024 on January's 1,200; lapsed in January 2025; back in May 2025.
    const entry = evaluate([1200, ...Array(15).fill(20), 800], '2025-05-31');
    expect(entry.firstEligibleMonth).toBe('2025-05');
    expect(eligibilityStatusWord(entry, 'en-US')).toBe('Earning again since May');
  });

  it('names the year when the run began in an earlier year', () => {
    expect(monthName('2024-11', '2025-02')).toBe('November 2024');
    expect(monthName('2025-02', '2025-02')).toBe('February');
  });
});
