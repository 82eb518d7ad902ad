/**
 * Sale months as the formats write them: "2024-03", "2024-03-15", "2024/03",
 * "3/15/2024 12:00:00 AM" (CD Baby), "15.03.2024", "Mar 2024", "202403", or an Excel serial
 * day in a workbook. Only the calendar month matters: streams_month is per month.
 */
import { isDay, type Month } from '../../model/day';
import { excelSerialToMs } from './xlsx';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm]|Z|[+-]\d{2}:?\d{2})?)?`;

function month(year: number, monthNumber: number, day?: number): Month | null {
  const candidate = `${String(year).padStart(4, '0')}-${String(monthNumber).padStart(2, '0')}`;
  const checkDay = day === undefined ? 1 : day;
  return isDay(`${candidate}-${String(checkDay).padStart(2, '0')}`) ? candidate : null;
}

/**
 * The month of a date written as text, or null. `n/n/yyyy` is month first (US, as CD Baby
 * writes it) unless the first number cannot be a month; `n.n.yyyy` is always day first.
 */
export function parseMonthText(raw: string): Month | null {
  const text = raw.trim();
  let match = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?${TIME}$`).exec(text);
  if (match) return month(Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3]));
  match = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`).exec(text);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    return first > 12 ? month(Number(match[3]), second, first) : month(Number(match[3]), first, second);
  }
  match = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`).exec(text);
  if (match) return month(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return month(Number(match[2]), Number(match[1]));
  match = /^(\d{4})(\d{2})$/.exec(text);
  if (match) return month(Number(match[1]), Number(match[2]));
  match = /^([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/.exec(text) ?? /^(\d{4})[\s-]+([A-Za-z]{3,9})$/.exec(text);
  if (match) {
    const [name, year] = /^\d/.test(match[1]!) ? [match[2]!, match[1]!] : [match[1]!, match[2]!];
    // "Mar", "March", "Sept": any prefix of at least three letters of an English month name.
    const index = MONTH_NAMES.findIndex((full) => full.startsWith(name.toLowerCase()));
    return index === -1 ? null : month(Number(year), index + 1);
  }
  return null;
}

/** Serial days between 1970 and 2200: anything else is not a plausible report date. */
const SERIAL_RANGE = [25_569, 109_575] as const;

/** The month of an Excel serial day (a date cell in a workbook), or null. */
export function parseMonthSerial(serial: number, date1904: boolean): Month | null {
  if (!Number.isFinite(serial) || serial < SERIAL_RANGE[0] || serial > SERIAL_RANGE[1]) return null;
  return new Date(excelSerialToMs(serial, date1904)).toISOString().slice(0, 7);
}
