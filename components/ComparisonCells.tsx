/**
 * The cells a comparison row shows in every table (a day or a month): both counts, the
 * difference, the ratio and the reason chips.
 */
import type { ComponentChildren } from 'preact';
import type { ComparedPair } from '../core/compare/types';
import { formatCount, formatPercent, formatSigned } from './format';
import { ReasonChip } from './ReasonChip';

export function ComparisonCells({ row, locale, spotifyNote }: { row: ComparedPair; locale?: string; spotifyNote?: ComponentChildren }) {
  return (
    <>
      <td class="cc-num">
        {formatCount(row.spotify, locale)}
        {spotifyNote}
      </td>
      <td class="cc-num">{formatCount(row.distributor, locale)}</td>
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
