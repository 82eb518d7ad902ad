/**
 * The popup's statement line is the same whether the overview is built from the history or
 * from its columns (the background hands either): the columnar path used to leave it empty.
 * Data: test/fixtures/money (S4A history + an iMusician statement, see its README).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyColumns } from '../../../core/columns/build';
import { mergeHistories } from '../../../core/history/merge';
import { parseHistoryFile } from '../../../core/history/parse';
import type { History } from '../../../core/model/history';
import { readReport } from '../../../core/sources/reports';
import { buildOverview } from '../../../core/views/build';
import { MONEY_FIXTURE_DIR } from '../../fixtures/money/make-money-fixtures';

function moneyHistory(): History {
  const s4a = parseHistoryFile(readFileSync(join(MONEY_FIXTURE_DIR, 's4a-history.json'), 'utf8'));
  const report = readReport(new Uint8Array(readFileSync(join(MONEY_FIXTURE_DIR, 'imusician-statement.csv'))), 'imusician-statement.csv', { importedAt: '2025-01-10T08:00:00.000Z' });
  return mergeHistories(s4a, report);
}

const options = { asOf: '2025-01-20T12:00:00.000Z', settleDays: 5, assumedListenerMinimum: null };

describe('the overview’s money line', () => {
  it('is there when the overview is built from columns, and equals the one built from the history', () => {
    const history = moneyHistory();
    const fromHistory = buildOverview(history, options, {});
    const fromColumns = buildOverview(historyColumns(history), options, {});
    const harbour = fromColumns.recordings.find((recording) => recording.isrc === 'CHA1B2400001');
    expect(harbour?.money).not.toBeNull();
    expect(harbour!.money!.amounts.map((amount) => amount.currency)).toEqual(['EUR']);
    expect(harbour!.money!.unpaidSpotifyStreams).toBeGreaterThan(0);
    expect(fromColumns.recordings.map((recording) => recording.money)).toEqual(fromHistory.recordings.map((recording) => recording.money));
  });

  it('stays empty for a history without sales reports, on both paths', () => {
    const history = parseHistoryFile(readFileSync(join(MONEY_FIXTURE_DIR, 's4a-history.json'), 'utf8'));
    for (const overview of [buildOverview(history, options, {}), buildOverview(historyColumns(history), options, {})]) {
      expect(overview.recordings.length).toBeGreaterThan(0);
      expect(overview.recordings.every((recording) => recording.money === null)).toBe(true);
    }
  });
});
