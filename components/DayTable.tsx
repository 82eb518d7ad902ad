/**
 * The day-by-day comparison as a table (docs/ui.md): day · Spotify for Artists · distributor ·
 * difference · ratio · reasons · revisions. Most recent first; pending days in italics.
 * Shared by the history page (full) and the overlays (`compact`: no revisions column).
 * Where each distributor value came from (built-in knowledge, a recipe, a file) is a "Read by"
 * column in the full table, and the count's hover text and hidden text in the compact one.
 */
import { sourceName } from '../core/compare/format';
import type { DayComparison, RevisionEntry } from '../core/compare/types';
import type { DayProvenance } from '../core/views/provenance';
import { formatCount, formatDay } from './format';
import { ComparisonCells, ComparisonHeaders } from './ComparisonCells';
import { provenanceLabel } from './provenance-words';
import { t } from './i18n';

interface DayTableProps {
  /** In any order; shown most recent first. */
  rows: readonly DayComparison[];
  locale?: string;
  /** Without the revisions column (overlays). */
  compact?: boolean;
  caption?: string;
  /** Shows a "Distributor" column naming the source, for tracks with two distributors. */
  showSource?: boolean;
  /** Where each distributor day's value came from (the view's `dayProvenance`). */
  provenance?: readonly DayProvenance[];
}

const provenanceKey = (day: string, source: string) => `${day}|${source}`;

const byRecentFirst = (a: DayComparison, b: DayComparison) => (a.day < b.day ? 1 : a.day > b.day ? -1 : a.distributorSource.localeCompare(b.distributorSource));

/** "Spotify for Artists 127 → 131" for each side whose value changed after it was first read. */
export function revisionSummary(revisions: readonly RevisionEntry[], locale?: string): string[] {
  const bySource = new Map<string, RevisionEntry[]>();
  for (const revision of revisions) bySource.set(revision.source, [...(bySource.get(revision.source) ?? []), revision]);
  const lines: string[] = [];
  for (const [source, list] of bySource) {
    if (list.length < 2) continue;
    lines.push(`${sourceName(source)} ${list.map((entry) => formatCount(entry.value, locale)).join(' → ')}`);
  }
  return lines;
}

/** Every reading of the day with its time, for the revisions cell's hover text. */
function revisionDetail(revisions: readonly RevisionEntry[], locale?: string): string {
  return revisions.map((entry) => t('revisionReadAt', { source: sourceName(entry.source), value: formatCount(entry.value, locale), at: { instant: entry.observedAt } })).join('\n');
}

export function DayTable({ rows, locale, compact = false, caption, showSource, provenance = [] }: DayTableProps) {
  const sorted = [...rows].sort(byRecentFirst);
  const readBy = new Map(provenance.map((entry) => [provenanceKey(entry.day, entry.source), provenanceLabel(entry.provenance, sourceName(entry.source))]));
  const withReadBy = !compact && readBy.size > 0;
  const sources = [...new Set(rows.map((row) => row.distributorSource).filter((source) => source !== ''))];
  const withSource = showSource ?? sources.length > 1;
  const distributorHeader = sources.length === 1 ? sourceName(sources[0]!) : t('colDistributor');
  return (
    <table class="cc-table cc-daytable" data-testid="day-table">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('colDay')}</th>
          {withSource && <th scope="col">{t('colSource')}</th>}
          <ComparisonHeaders count={distributorHeader} />
          {withReadBy && <th scope="col">{t('colReadBy')}</th>}
          {!compact && <th scope="col">{t('colRevisions')}</th>}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => {
          const revised = revisionSummary(row.revisions, locale);
          const label = readBy.get(provenanceKey(row.day, row.distributorSource));
          return (
            <tr key={`${row.day}|${row.distributorSource}`} class={row.status === 'pending' ? 'cc-row--pending' : undefined} data-day={row.day}>
              <th scope="row" class="cc-daytable__day">
                <time dateTime={row.day}>{formatDay(row.day, locale)}</time>
                {row.status === 'pending' && <span class="cc-muted"> · {t('dayPending')}</span>}
              </th>
              {withSource && <td>{row.distributorSource ? sourceName(row.distributorSource) : '—'}</td>}
              <ComparisonCells row={row} locale={locale} distributorNote={compact && label ? label : undefined} />
              {withReadBy && <td class="cc-daytable__readby cc-muted">{label ?? '—'}</td>}
              {!compact && (
                <td class="cc-daytable__revisions" title={revised.length > 0 ? revisionDetail(row.revisions, locale) : undefined}>
                  {revised.length === 0 ? <span class="cc-muted">—</span> : revised.map((line) => <div key={line}>{line}</div>)}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
