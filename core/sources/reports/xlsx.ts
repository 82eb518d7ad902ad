/**
 * Reads the first sheet of an .xlsx workbook (Amuse's report format) into rows of cells.
 *
 * Why not read-excel-file: every export of it (node, browser, universal) is Promise-based,
 * while `FileImporter.read` is synchronous; its universal export also only takes a Blob or
 * ArrayBuffer. A workbook's first sheet is a small, well-specified XML subset (ECMA-376
 * SpreadsheetML: shared strings, inline strings, numbers), so fflate + this reader keeps the
 * import synchronous and free of Node-only code. The unit tests check this reader against
 * read-excel-file on the fixture workbook.
 *
 * Bounded (docs/contracts.md, "Limits"): the parts are read by a one-pass tokenizer (xml.ts),
 * shared strings are kept as positions in their part and decoded only when a cell uses them,
 * rows are produced one at a time, and rows, columns and shared strings are capped.
 */
import { LIMITS } from '../../import/limits';
import { unzipEntries } from './archive';
import { ReportFileError } from './errors';
import { message } from '../../i18n/typed';

import { parseAttributes, xmlTokens, type XmlToken } from './xml';

/** A cell as the sheet stores it: text, or a number (dates are numbers: Excel serial days). */
export type Cell = string | number;

interface SheetRow {
  /** The sheet's own row number (1-based), as Excel shows it. */
  number: number;
  cells: Cell[];
}

interface Sheet {
  rows: SheetRow[];
  /** Serial day 0 is 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  date1904: boolean;
}

/** A sheet whose rows are read as they are iterated (once). */
interface SheetStream {
  rows: Iterable<SheetRow>;
  date1904: boolean;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedstrings.xml';

export function isXlsxEntryList(names: readonly string[]): boolean {
  return names.some((name) => name.toLowerCase() === WORKBOOK);
}

/** The first sheet, every row in an array (small workbooks, tests). */
export function readFirstSheet(bytes: Uint8Array, fileName: string): Sheet {
  const sheet = streamFirstSheet(bytes, fileName);
  return { rows: [...sheet.rows], date1904: sheet.date1904 };
}

export function streamFirstSheet(bytes: Uint8Array, fileName: string): SheetStream {
  const entries = lowerCaseKeys(
    unzipEntries(bytes, fileName, (name) => {
      const lower = name.toLowerCase();
      return lower === WORKBOOK || lower === WORKBOOK_RELS || lower === SHARED_STRINGS || (lower.startsWith('xl/worksheets/') && lower.endsWith('.xml'));
    }),
  );
  const workbook = entries.get(WORKBOOK);
  if (!workbook) throw new ReportFileError(fileName, message('reportNotWorkbook'));
  const workbookXml = utf8(workbook);
  const sheetPath = firstSheetPath(workbookXml, entries.has(WORKBOOK_RELS) ? utf8(entries.get(WORKBOOK_RELS)!) : '', [...entries.keys()]);
  const sheet = sheetPath === null ? undefined : entries.get(sheetPath);
  if (!sheet) throw new ReportFileError(fileName, message('reportNoSheet'));
  const sharedStrings = entries.has(SHARED_STRINGS) ? new SharedStrings(utf8(entries.get(SHARED_STRINGS)!), fileName) : new SharedStrings('', fileName);
  const sheetXml = utf8(sheet);
  entries.clear();
  return { rows: sheetRows(sheetXml, sharedStrings, fileName), date1904: isDate1904(workbookXml) };
}

function isDate1904(workbookXml: string): boolean {
  for (const token of xmlTokens(workbookXml)) {
    if (token.kind === 'open' && token.name === 'workbookPr') {
      const value = parseAttributes(token.attributes).get('date1904');
      return value === '1' || value === 'true';
    }
    if (token.kind === 'open' && token.name === 'sheets') return false;
  }
  return false;
}

function lowerCaseKeys(entries: Map<string, Uint8Array>): Map<string, Uint8Array> {
  return new Map([...entries].map(([name, data]) => [name.toLowerCase(), data]));
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** The first `<sheet>` of the workbook, through its relationship; else the lowest sheetN.xml. */
function firstSheetPath(workbookXml: string, relsXml: string, names: readonly string[]): string | null {
  let relationId: string | undefined;
  for (const token of xmlTokens(workbookXml)) {
    if (token.kind === 'open' && token.name === 'sheet') {
      relationId = [...parseAttributes(token.attributes)].find(([name]) => /(^|:)id$/.test(name) && name !== 'sheetId')?.[1];
      break;
    }
  }
  if (relationId !== undefined) {
    const id = unescapeXml(relationId);
    for (const token of xmlTokens(relsXml)) {
      if (token.kind !== 'open' || token.name !== 'Relationship') continue;
      const attrs = parseAttributes(token.attributes);
      const target = attrs.get('Target');
      if (attrs.get('Id') !== undefined && unescapeXml(attrs.get('Id')!) === id && target) {
        const unescaped = unescapeXml(target);
        const path = (unescaped.startsWith('/') ? unescaped.slice(1) : `xl/${unescaped}`).toLowerCase();
        if (names.includes(path)) return path;
      }
    }
  }
  const sheets = names
    .map((name) => ({ name, index: /^xl\/worksheets\/sheet(\d{1,9})\.xml$/.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; index: string } => entry.index !== undefined)
    .sort((a, b) => Number(a.index) - Number(b.index));
  return sheets[0]?.name ?? null;
}

/**
 * Text of the `<t>` elements in a run of tokens, in order; phonetic runs (`<rPh>`) are not
 * text. `tokens` is consumed up to the close of `until`.
 */
function textUntil(tokens: Iterator<XmlToken>, until: string): string {
  let text = '';
  let inT = 0;
  let inPhonetic = 0;
  for (let step = tokens.next(); !step.done; step = tokens.next()) {
    const token = step.value;
    if (token.kind === 'open') {
      if (token.selfClosing) continue;
      if (token.name === 'rPh') inPhonetic++;
      else if (token.name === 't') inT++;
    } else if (token.kind === 'close') {
      if (token.name === until) break;
      if (token.name === 'rPh' && inPhonetic > 0) inPhonetic--;
      else if (token.name === 't' && inT > 0) inT--;
    } else if (inT > 0 && inPhonetic === 0) {
      text += token.raw ? token.text : unescapeXml(token.text);
    }
  }
  return text;
}

/**
 * The shared strings, as positions of each `<si>` in the part: a string is decoded when a cell
 * first uses it, so a workbook of millions of strings costs two numbers each, not a string.
 */
class SharedStrings {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly decoded = new Map<number, string>();

  constructor(
    private readonly xml: string,
    fileName: string,
  ) {
    let depth = 0;
    let start = 0;
    // Positions come from a light scan for `<si` / `</si>` tags (with any prefix).
    const pattern = /<(\/?)(?:[A-Za-z_][\w.-]*:)?si(?=[\s/>])/g;
    for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
      const tagEnd = xml.indexOf('>', match.index);
      if (tagEnd === -1) break;
      if (match[1] === '/') {
        if (depth > 0 && --depth === 0) this.push(start, match.index, fileName);
      } else if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
        if (depth === 0) this.push(tagEnd + 1, tagEnd + 1, fileName);
      } else if (depth++ === 0) {
        start = tagEnd + 1;
      }
      pattern.lastIndex = tagEnd + 1;
    }
  }

  private push(start: number, end: number, fileName: string): void {
    if (this.starts.length >= LIMITS.sharedStrings) throw new ReportFileError(fileName, message('reportTooManyStrings', { strings: LIMITS.sharedStrings }));
    this.starts.push(start);
    this.ends.push(end);
  }

  get(index: number): string {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.starts.length) return '';
    let text = this.decoded.get(index);
    if (text === undefined) {
      const tokens = xmlTokens(this.xml.slice(this.starts[index], this.ends[index]));
      text = textUntil(tokens, '\u0000');
      this.decoded.set(index, text);
    }
    return text;
  }
}

/** "AB12" → 27 (0-based column index), or null. */
function columnIndex(reference: string | undefined): number | null {
  const letters = reference ? /^([A-Za-z]{1,3})\d*$/.exec(reference)?.[1] : undefined;
  if (!letters) return null;
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** Rows of the sheet, one at a time; the row, column and size caps refuse the file. */
function* sheetRows(xml: string, sharedStrings: SharedStrings, fileName: string): Generator<SheetRow> {
  const tokens = xmlTokens(xml);
  let previousRow = 0;
  let rowCount = 0;
  let current: SheetRow | null = null;
  let previousColumn = -1;
  const finish = (): SheetRow | null => {
    const row = current;
    current = null;
    return row !== null && row.cells.some((cell) => cell !== '') ? row : null;
  };
  for (let step = tokens.next(); !step.done; step = tokens.next()) {
    const token = step.value;
    if (token.kind === 'open' && token.name === 'row') {
      // An unclosed row ends where the next begins.
      const done = finish();
      if (done) yield done;
      if (++rowCount > LIMITS.reportRows) throw new ReportFileError(fileName, message('reportSheetTooLong', { rows: LIMITS.reportRows }));
      const declared = Number(parseAttributes(token.attributes).get('r'));
      const number = Number.isSafeInteger(declared) && declared > previousRow ? declared : previousRow + 1;
      previousRow = number;
      previousColumn = -1;
      current = { number, cells: [] };
      if (token.selfClosing) current = null;
    } else if (token.kind === 'close' && token.name === 'row') {
      const done = finish();
      if (done) yield done;
    } else if (token.kind === 'open' && token.name === 'c' && current !== null) {
      const attrs = parseAttributes(token.attributes);
      const declaredColumn = columnIndex(attrs.get('r'));
      const column = declaredColumn !== null && declaredColumn > previousColumn ? declaredColumn : previousColumn + 1;
      previousColumn = column;
      const value = token.selfClosing ? null : cellValue(attrs.get('t'), tokens, sharedStrings);
      if (value === null) continue;
      if (column >= LIMITS.reportColumns) {
        if (value === '') continue;
        throw new ReportFileError(fileName, message('reportSheetTooWide', { columns: String(LIMITS.reportColumns) }), { row: current.number });
      }
      while (current.cells.length < column) current.cells.push('');
      current.cells[column] = value;
    }
  }
  const last = finish();
  if (last) yield last;
}

/** The cell's value from its `<v>` or inline `<is>`, reading tokens up to the cell's close. */
function cellValue(type: string | undefined, tokens: Iterator<XmlToken>, sharedStrings: SharedStrings): Cell | null {
  let raw: string | null = null;
  let inline: string | null = null;
  for (let step = tokens.next(); !step.done; step = tokens.next()) {
    const token = step.value;
    if (token.kind === 'close' && token.name === 'c') break;
    if (token.kind === 'open' && (token.name === 'row' || token.name === 'c')) break; // damage: the cell never closed
    if (token.kind === 'open' && token.name === 'v' && !token.selfClosing) {
      let text = '';
      for (let inner = tokens.next(); !inner.done; inner = tokens.next()) {
        if (inner.value.kind !== 'text') break;
        text += inner.value.raw ? inner.value.text : unescapeXml(inner.value.text);
      }
      raw = text;
    } else if (token.kind === 'open' && token.name === 'is' && !token.selfClosing) {
      inline = textUntil(tokens, 'is');
    }
  }
  if (type === 'inlineStr') return inline;
  if (raw === null) return null;
  const text = raw;
  switch (type) {
    case 's':
      return sharedStrings.get(Number(text));
    case 'str': // formula result as text
    case 'e': // error value such as #N/A
    case 'd': // ISO 8601 date text
      return text;
    case 'b':
      return text === '1' ? 'TRUE' : 'FALSE';
    default: {
      const number = Number(text);
      return text.trim() !== '' && Number.isFinite(number) ? number : text;
    }
  }
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(value: number): string {
  const valid = Number.isInteger(value) && value >= 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
  return valid ? String.fromCodePoint(value) : '\ufffd';
}

/** XML entities, then SpreadsheetML's `_xHHHH_` escapes for characters XML cannot hold. */
function unescapeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
      if (entity.startsWith('#x') || entity.startsWith('#X')) return codePoint(parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return codePoint(parseInt(entity.slice(1), 10));
      return NAMED_ENTITIES[entity]!;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => codePoint(parseInt(hex, 16)));
}

/** Excel serial day → epoch milliseconds (00:00 UTC of that day), honouring the 1904 system. */
export function excelSerialToMs(serial: number, date1904: boolean): number {
  // 1899-12-30 as day 0 absorbs Excel's fictitious 1900-02-29 for every serial after it.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return epoch + Math.floor(serial) * 86_400_000;
}
