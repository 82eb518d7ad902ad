/** A recording's eligibility month by month (CONTRACTS §2 `months`), newest first. */
import type { EligibilityMonth } from '../core/eligibility/window';
import { formatCount, formatMonth } from './format';

export function EligibilityTable({ months, locale }: { months: readonly EligibilityMonth[]; locale?: string }) {
  const rows = [...months].reverse();
  return (
    <table class="cc-table" data-testid="eligibility-table">
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col" class="cc-num">
            Streams that month
          </th>
          <th scope="col" class="cc-num">
            Last 12 months
          </th>
          <th scope="col">Earning royalties</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.month}>
            <th scope="row">{formatMonth(row.month, locale)}</th>
            <td class="cc-num">{formatCount(row.streams, locale)}</td>
            <td class="cc-num">{formatCount(row.trailing12m, locale)}</td>
            <td>
              {row.eligible ? (
                <span class="cc-chip cc-chip--expected">
                  <span class="cc-chip__icon" aria-hidden="true">
                    ✓
                  </span>
                  Earning
                </span>
              ) : (
                <span class="cc-muted">Not yet</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
