/**
 * One data row of a report, read by column header. Every problem found while reading it
 * throws a ReportFileError naming the file, the row (as a spreadsheet shows it) and the column.
 */
import type { Month } from '../../model/day';
import { normaliseIsrc } from '../../model/schema';
import type { Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { quote, ReportFileError } from './errors';
import { parseMonthSerial, parseMonthText } from './months';
import { parseLocaleNumber } from './numbers';
import { columnLetter, type Table, type TableRow } from './table';

/** Cells that mean "no value" in the wild. */
const PLACEHOLDERS = new Set(['-', '--', 'n/a', 'na', 'none', 'null', '#n/a']);

export class ReportRow {
  constructor(
    private readonly table: Table,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly row: TableRow,
  ) {}

  get number(): number {
    return this.row.number;
  }

  has(column: string): boolean {
    return this.columns.has(column);
  }

  /** The trimmed cell under `column` (normalised header); '' when absent or empty. */
  text(column: string): string {
    const index = this.columns.get(column);
    const cell = index === undefined ? undefined : this.row.cells[index];
    return cell === undefined ? '' : String(cell).trim();
  }

  required(column: string): string {
    const value = this.text(column);
    if (value === '') this.fail(column, message('reportCellEmpty'));
    return value;
  }

  /** A whole number of streams (negative allowed: refunds; the monthly sum is checked later). */
  quantity(column: string): number {
    const cell = this.cell(column);
    const value = typeof cell === 'number' ? cell : parseLocaleNumber(this.required(column));
    if (value === null) this.fail(column, message('fieldNotNumber', { value: quote(String(cell)) }));
    if (!Number.isInteger(value)) this.fail(column, message('reportNotWholeStreams', { value: quote(String(cell)) }));
    if (!Number.isSafeInteger(value)) this.fail(column, message('reportTooLargeNumber', { value: quote(String(cell)) }));
    return value === 0 ? 0 : value; // no -0
  }

  month(column: string): Month {
    const cell = this.cell(column);
    const month = typeof cell === 'number' ? parseMonthSerial(cell, this.table.date1904) : parseMonthText(this.required(column));
    if (month === null) this.fail(column, message('reportNotMonth', { value: quote(String(cell)) }));
    return month;
  }

  /** The ISRC, normalised; null when the cell is empty; refuses a value that is not one. */
  isrc(column: string): string | null {
    const raw = this.text(column);
    if (raw === '' || PLACEHOLDERS.has(raw.toLowerCase())) return null;
    const isrc = normaliseIsrc(raw);
    if (isrc === null) this.fail(column, message('fieldNotIsrc', { value: quote(raw) }));
    return isrc;
  }

  fail(column: string, problem: Message): never {
    throw new ReportFileError(this.table.fileName, problem, { row: this.row.number, column: this.describeColumn(column) });
  }

  describeColumn(column: string): string {
    const index = this.columns.get(column);
    return index === undefined ? `"${column}"` : `${columnLetter(index)} (${this.table.headers[index]})`;
  }

  private cell(column: string): string | number {
    const index = this.columns.get(column);
    const cell = index === undefined ? undefined : this.row.cells[index];
    return typeof cell === 'string' ? cell.trim() : (cell ?? '');
  }
}

/** Normalised header → first column index holding it. */
export function columnIndex(table: Table): Map<string, number> {
  const columns = new Map<string, number>();
  table.keys.forEach((key, index) => {
    if (key !== '' && !columns.has(key)) columns.set(key, index);
  });
  return columns;
}
