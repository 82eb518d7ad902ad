/**
 * The money of a stream row (docs/contracts.md §3): the amount in the report's money column,
 * exact (model/decimal.ts), its currency, and the statement the report booked it in. Each
 * format names its columns (format.ts `revenue`); only stream rows reach here, so the money is
 * what the streams earned (downloads and YouTube monetisation are left out with their rows).
 */
import type { Month } from '../../model/day';
import { parseDecimal, type Decimal } from '../../model/decimal';
import { CURRENCY_PATTERN } from '../../model/money';
import { quote, ReportFileError } from './errors';
import { message } from '../../i18n/typed';

import type { ReportRow } from './row';

export interface RevenueColumns {
  /** Normalised header of the money column ("revenue eur", "earnings (usd)" …). */
  amount: string;
  /** The currency: a fixed ISO code for the whole format, or the column that names it per row. */
  currency: { code: string } | { column: string };
  /** The statement / reporting date column; its calendar month keys the money. */
  statement?: string;
}

interface LineRevenue {
  amount: Decimal;
  currency: string;
  statement: Month | null;
}

/** Cells that mean "no value" in the wild. */
const PLACEHOLDERS = new Set(['', '-', '--', 'n/a', 'na', 'none', 'null', '#n/a']);
const SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', '£': 'GBP', $: 'USD', US$: 'USD' };

/**
 * An amount as report files write it, exactly; null when it is not one.
 *
 * | input        | amount   | why                                                        |
 * | ------------ | -------- | ---------------------------------------------------------- |
 * | `4.12`       | 4.12     |                                                            |
 * | `4,12`       | 4.12     | decimal comma                                              |
 * | `0,003`      | 0.003    | one mark, once: the decimal mark (amounts of a few cents   |
 * | `1.234`      | 1.234    |  with three decimals are common; thousands are not)        |
 * | `1.234,56`   | 1234.56  | both marks: the last one is the decimal mark               |
 * | `1,234,567`  | 1234567  | the same mark twice: thousands                             |
 * | `1 234,5`    | 1234.5   | spaces, no-break spaces and `'` group thousands            |
 * | `-0.03`, `(0.03)`, `−0.03` | -0.03 | corrections                                   |
 * | `1.2E-05`    | 0.000012 | spreadsheet scientific notation (also a workbook's numbers) |
 * | `€4.12`, `4.12 $` | 4.12 | a currency symbol before or after                         |
 */
export function parseMoneyText(raw: string): Decimal | null {
  let text = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  text = text.replace(/^(US\$|[€£$])/, '').replace(/(US\$|[€£$])$/, '');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    text = parenthesised[1]!;
    negative = true;
  }
  if (/^[-\u2212]/.test(text)) {
    text = text.slice(1);
    negative = !negative;
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  const plain = plainDecimal(text);
  if (plain === null) return null;
  return parseDecimal(`${negative ? '-' : ''}${plain}`);
}

/** The unsigned text with "." as the only mark and no grouping; null when it is not a number. */
function plainDecimal(text: string): string | null {
  const scientific = /^(\d+)(?:[.,](\d+))?[eE]([+-]?\d{1,3})$/.exec(text);
  if (scientific) return `${scientific[1]}${scientific[2] === undefined ? '' : `.${scientific[2]}`}e${scientific[3]}`;
  if (!/^\d[\d.,]*$/.test(text) && !/^[.,]\d+$/.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    return grouped(text, decimal === '.' ? ',' : '.', decimal);
  }
  const mark = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
  if (mark === null) return text;
  const parts = text.split(mark);
  if (parts.length > 2) return grouped(text, mark, null);
  const [whole, fraction] = parts as [string, string];
  if (fraction === '') return whole === '' ? null : whole;
  return `${whole || '0'}.${fraction}`;
}

/** "1.234.567,5" with group "." and decimal ",": groups of three after the first. */
function grouped(text: string, group: string, decimal: string | null): string | null {
  const [integerPart, fraction, ...rest] = decimal === null ? [text] : text.split(decimal);
  if (rest.length > 0 || integerPart === undefined) return null;
  const groups = integerPart.split(group);
  if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((part) => !/^\d{3}$/.test(part))) return null;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  return `${groups.join('')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** "eur", " EUR ", "€" → "EUR"; null when it is not a currency code. */
export function currencyCode(raw: string): string | null {
  const text = raw.trim();
  const symbol = Object.hasOwn(SYMBOLS, text) ? SYMBOLS[text] : undefined;
  if (symbol) return symbol;
  const code = text.toUpperCase();
  return CURRENCY_PATTERN.test(code) ? code : null;
}

/**
 * The row's money, or null when the file has no money column or the row's cell is empty.
 * A cell that is not an amount, or an amount without a currency, refuses the file (naming the
 * row and column): a month's sum missing a row would be wrong without anyone knowing.
 */
export function readRevenue(row: ReportRow, columns: RevenueColumns | undefined): LineRevenue | null {
  if (!columns || !row.has(columns.amount)) return null;
  const text = row.text(columns.amount);
  if (PLACEHOLDERS.has(text.toLowerCase())) return null;
  const amount = parseMoneyText(text);
  if (amount === null) row.fail(columns.amount, message('reportNotAmount', { value: quote(text) }));
  return { amount, currency: currencyOf(row, columns), statement: statementOf(row, columns.statement) };
}

function currencyOf(row: ReportRow, columns: RevenueColumns): string {
  if ('code' in columns.currency) return columns.currency.code;
  const column = columns.currency.column;
  const text = row.text(column);
  if (text === '') row.fail(column, message('reportNoCurrency', { column: row.describeColumn(columns.amount) }));
  const code = currencyCode(text);
  if (code === null) row.fail(column, message('reportNotCurrency', { value: quote(text) }));
  return code;
}

/** The statement month; null when the file has no such column or the cell is not a date (it is only a key, never a value). */
function statementOf(row: ReportRow, column: string | undefined): Month | null {
  if (column === undefined || !row.has(column) || row.text(column) === '') return null;
  try {
    return row.month(column);
  } catch (error) {
    if (error instanceof ReportFileError) return null;
    throw error;
  }
}
