/** The money fixtures are what their script builds, and the evidence report carries a chosen month's money. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { buildMoneyFixtures, MONEY_FIXTURE_DIR } from '../../fixtures/money/make-money-fixtures';
import { moneyCharts } from '../../../entrypoints/options/money-chart';
import { money } from '../../../core/money';
import { memoryIO } from '../cli/memory-io';
import { history } from './build';

describe('money fixtures', () => {
  it.each(Object.entries(buildMoneyFixtures()))('%s is what make-money-fixtures.ts builds', (name, text) => {
    expect(readFileSync(join(MONEY_FIXTURE_DIR, name), 'utf8')).toBe(text);
  });
});

describe('evidence --months', () => {
  it('adds the chosen months of the sales reports, with their flags', async () => {
    const run = memoryIO({ 's4a.json': readFileSync(join(MONEY_FIXTURE_DIR, 's4a-history.json')), 'sales.csv': readFileSync(join(MONEY_FIXTURE_DIR, 'imusician-statement.csv')) }, new Date('2025-01-10T08:00:00.000Z'));
    expect(await main(['import', 's4a.json', 'sales.csv', '--out', 'all.json'], run.io)).toBe(0);
    expect(await main(['evidence', 'all.json', '--isrc', 'CHA1B2400001', '--months', '2024-01,2024-05'], run.io)).toBe(0);
    const report = run.stdout();
    expect(report).toContain('## Sales reports');
    expect(report).toContain('| 2024-01 | iMusician | Spotify | 0 | 0.5 EUR | — | 0 | No |');
    expect(report).toContain('| 2024-05 | iMusician | Spotify | 580 | 1.74 EUR | 0.00300 | 600 | Yes |');
    expect(report).toContain('- Paid, 0 streams (unexplained): ');
    expect(report).toContain('- Before release (unexplained): 0.5 EUR paid for January 2024, but Spotify for Artists shows no stream of this recording');
    expect(report).toContain('- 700 Spotify streams of this recording fell in months it was under 1,000 streams in 12 months');
    expect(report).not.toContain('2024-03 |');
    expect(await main(['evidence', 'all.json', '--isrc', 'CHA1B2400001', '--months', '2024-13'], run.io)).toBe(2);
  });
});

describe('the Money tab chart', () => {
  it('one chart per currency, stores stacked per month, rates per store, gaps as null', () => {
    const h = history({ '2024-05': 600, '2024-06': 600 }, [
      { month: '2024-04', streams: 100, amount: '0.3' },
      { month: '2024-06', streams: 200, amount: '0.6' },
      { month: '2024-06', store: 'apple', streams: 10, amount: '0.07' },
      { month: '2024-06', streams: 50, amount: '0.2', currency: 'USD', statement: '2024-10' },
    ]);
    const charts = moneyCharts(money(h, { asOfDay: '2024-12-31' }).tracks[0]!.months);
    expect(charts.map((chart) => chart.currency)).toEqual(['EUR', 'USD']);
    const eur = charts[0]!;
    expect(eur.months).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(eur.stores.map((series) => [series.store, series.revenue])).toEqual([
      ['apple', [null, null, 0.07]],
      ['spotify', [0.3, null, 0.6]],
    ]);
    expect(eur.stores[1]!.rate).toEqual([0.003, null, 0.003]);
    expect(eur.maxRevenue).toBeCloseTo(0.67, 10);
  });
});
