/**
 * The cells a comparison row shows in every table (a day or a month): both counts, the
 * difference, the ratio and the reason chips.
 */
import type { ComponentChildren } from 'preact';
import type { ComparedPair } from '../core/compare/types';
import { formatCount, formatPercent, formatSigned } from './format';
import { t } from './i18n';
import { ReasonChip } from './ReasonChip';

/** The header cells over ComparisonCells: Spotify for Artists, the distributor's figure (`count`), difference, ratio, reasons. */
export function ComparisonHeaders({ count }: { count: ComponentChildren }) {
  return (
    <>
      <th scope="col" class="cc-num">
        Spotify for Artists
      </th>
      <th scope="col" class="cc-num">
        {count}
      </th>
      <th scope="col" class="cc-num">
        {t('colDifference')}
      </th>
      <th scope="col" class="cc-num">
        {t('colRatio')}
      </th>
      <th scope="col">{t('colReasons')}</th>
    </>
  );
}

/** `distributorNote`: where the distributor's count came from, as the cell's hover text and hidden text (compact tables). */
export function ComparisonCells({ row, locale, spotifyNote, distributorNote }: { row: ComparedPair; locale?: string; spotifyNote?: ComponentChildren; distributorNote?: string }) {
  const readWith = distributorNote === undefined ? undefined : t('provenanceDistributorValue', { source: distributorNote });
  return (
    <>
      <td class="cc-num">
        {formatCount(row.spotify, locale)}
        {spotifyNote}
      </td>
      <td class="cc-num" title={readWith}>
        {formatCount(row.distributor, locale)}
        {readWith && <span class="cc-visually-hidden"> ({readWith})</span>}
      </td>
      <td class="cc-num">{formatSigned(row.diff, locale)}</td>
      <td class="cc-num">{formatPercent(row.ratio, locale)}</td>
      <td>
        <div class="cc-daytable__reasons">
          {row.reasons.map((reason) => (
            <ReasonChip key={reason.code} reason={reason} />
          ))}
        </div>
      </td>
    </>
  );
}
