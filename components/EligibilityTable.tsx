/** A recording's eligibility month by month (docs/contracts.md §2 `months`), newest first. */
import type { EligibilityMonth } from '../core/eligibility/window';
import { formatCount, formatMonth } from './format';
import { t } from './i18n';

export function EligibilityTable({ months, locale }: { months: readonly EligibilityMonth[]; locale?: string }) {
  const rows = [...months].reverse();
  return (
    <table class="cc-table" data-testid="eligibility-table">
      <thead>
        <tr>
          <th scope="col">{t('colMonth')}</th>
          <th scope="col" class="cc-num">
            {t('colStreamsThatMonth')}
          </th>
          <th scope="col" class="cc-num">
            {t('colLast12Months')}
          </th>
          <th scope="col">{t('colEarningRoyalties')}</th>
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
                  {t('statusEarning')}
                </span>
              ) : (
                <span class="cc-muted">{t('statusNotYetShort')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
