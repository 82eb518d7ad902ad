/**
 * Days at both ends of the calendar (1970, year 9999, a report for 9999-12) and `--as-of`
 * far in the future or past, through every CLI command and every view: each ends, and
 * answers or refuses cleanly. Run in a child process, so a loop that never ends fails the test
 * at its timeout instead of hanging the run (one report month 9999-12 used to).
 */
import { describe, expect, it } from 'vitest';
import { runChild } from './child/run-child';

describe('far-future and far-past dates', () => {
  it('every command and view ends and answers cleanly, for random histories at the calendar ends', () => {
    const run = runChild('test/reliability/child/far-dates.ts', ['20261201', '60'], { timeoutMs: 60_000 });
    expect(run.timedOut, `timed out after ${run.elapsedMs} ms: a loop did not end`).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split('\n')[0]!) as { failures: string[]; count: number };
    expect(summary.failures).toEqual([]);
  }, 90_000);
});
