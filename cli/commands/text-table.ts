/**
 * The readable tables of `compare` (days, weeks): columns padded to their widest cell, numbers
 * right-aligned, and the last column (the reason) free, its further reasons on lines of their
 * own under it. One layout, so the day and week tables read alike.
 */
import { formatCount, formatPercent, REASON_LABELS, type ComparedPair, type Reason } from '../../core/compare/index';
import { dayStartMs, type Day } from '../../core/model/day';

const LEVEL_ICONS: Record<Reason['level'], string> = { expected: '✓', possible: '◔', unexplained: '!' };
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Thu 2025-04-03". */
export function weekdayDay(day: Day): string {
  return `${WEEKDAYS[new Date(dayStartMs(day)).getUTCDay()]} ${day}`;
}

/** A compared row's distributor count, difference, ratio, status and reasons (main first, each "✓ Label: sentence"). */
export function pairCells(row: ComparedPair): string[] {
  return [
    row.distributor === null ? '—' : formatCount(row.distributor),
    row.diff === null ? '—' : row.diff > 0 ? `+${formatCount(row.diff)}` : formatCount(row.diff),
    row.ratio === null ? '—' : formatPercent(row.ratio),
    row.status,
    ...row.reasons.map((reason) => `${LEVEL_ICONS[reason.level]} ${REASON_LABELS[reason.code]}: ${reason.message}`),
  ];
}

export function pad(text: string, width: number, right = false): string {
  const gap = Math.max(0, width - [...text].length);
  return right ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

/**
 * `rows`: each row's cells, one per header title, then any further reasons. `numeric(index,
 * title)`: whether a column (not the last) is right-aligned.
 */
export function alignedLines(header: readonly string[], rows: readonly string[][], numeric: (index: number, title: string) => boolean): string[] {
  const columns = header.length - 1;
  const widths = header.slice(0, columns).map((title, index) => Math.max([...title].length, ...rows.map((cells) => [...cells[index]!].length)));
  const indent = widths.reduce((sum, width) => sum + width + 2, 0);
  const lines = [header.map((title, index) => (index < columns ? pad(title, widths[index]!, numeric(index, title)) : title)).join('  ')];
  for (const cells of rows) {
    lines.push(cells.slice(0, columns + 1).map((cell, index) => (index < columns ? pad(cell, widths[index]!, numeric(index, header[index]!)) : cell)).join('  '));
    for (const extra of cells.slice(columns + 1)) lines.push(' '.repeat(indent) + extra);
  }
  return lines;
}
