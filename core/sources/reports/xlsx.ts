/**
 * Reads the first sheet of an .xlsx workbook (Amuse's report format) into rows of cells.
 *
 * Why not read-excel-file: every export of it (node, browser, universal) is Promise-based,
 * while `FileImporter.read` is synchronous; its universal export also only takes a Blob or
 * ArrayBuffer. A workbook's first sheet is a small, well-specified XML subset (ECMA-376
 * SpreadsheetML: shared strings, inline strings, numbers), so fflate + this reader keeps the
 * import synchronous and free of Node-only code. The unit tests check this reader against
 * read-excel-file on the fixture workbook.
 */
import { unzipEntries } from './archive';
import { ReportFileError } from './errors';

/** A cell as the sheet stores it: text, or a number (dates are numbers: Excel serial days). */
export type Cell = string | number;

export interface SheetRow {
  /** The sheet's own row number (1-based), as Excel shows it. */
  number: number;
  cells: Cell[];
}

export interface Sheet {
  rows: SheetRow[];
  /** Serial day 0 is 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  date1904: boolean;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedstrings.xml';

export function isXlsxEntryList(names: readonly string[]): boolean {
  return names.some((name) => name.toLowerCase() === WORKBOOK);
}

export function readFirstSheet(bytes: Uint8Array, fileName: string): Sheet {
  const entries = lowerCaseKeys(
    unzipEntries(bytes, fileName, (name) => {
      const lower = name.toLowerCase();
      return lower === WORKBOOK || lower === WORKBOOK_RELS || lower === SHARED_STRINGS || (lower.startsWith('xl/worksheets/') && lower.endsWith('.xml'));
    }),
  );
  const workbook = entries.get(WORKBOOK);
  if (!workbook) throw new ReportFileError(fileName, 'the zip is not an Excel workbook (no xl/workbook.xml)');
  const workbookXml = utf8(workbook);
  const sheetPath = firstSheetPath(workbookXml, entries.has(WORKBOOK_RELS) ? utf8(entries.get(WORKBOOK_RELS)!) : '', [...entries.keys()]);
  const sheet = sheetPath === null ? undefined : entries.get(sheetPath);
  if (!sheet) throw new ReportFileError(fileName, 'the workbook has no readable first sheet');
  const sharedStrings = entries.has(SHARED_STRINGS) ? readSharedStrings(utf8(entries.get(SHARED_STRINGS)!)) : [];
  return {
    rows: readSheetRows(utf8(sheet), sharedStrings),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml),
  };
}

function lowerCaseKeys(entries: Map<string, Uint8Array>): Map<string, Uint8Array> {
  return new Map([...entries].map(([name, data]) => [name.toLowerCase(), data]));
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** The first `<sheet>` of the workbook, through its relationship; else the lowest sheetN.xml. */
function firstSheetPath(workbookXml: string, relsXml: string, names: readonly string[]): string | null {
  const sheetTag = /<(?:\w+:)?sheet\b([^>]*)\/?>/.exec(workbookXml);
  const relationId = sheetTag ? Object.entries(attributes(sheetTag[1]!)).find(([name]) => /(^|:)id$/.test(name) && name !== 'sheetId')?.[1] : undefined;
  if (relationId !== undefined) {
    for (const match of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
      const attrs = attributes(match[1]!);
      if (attrs['Id'] === relationId && attrs['Target']) {
        const target = attrs['Target'];
        const path = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).toLowerCase();
        if (names.includes(path)) return path;
      }
    }
  }
  const sheets = names
    .map((name) => ({ name, index: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; index: string } => entry.index !== undefined)
    .sort((a, b) => Number(a.index) - Number(b.index));
  return sheets[0]?.name ?? null;
}

function attributes(source: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    result[match[1]!] = unescapeXml(match[2] ?? match[3] ?? '');
  }
  return result;
}

/** Text of every `<t>` in an element, in order; phonetic runs (`<rPh>`) are not text. */
function textOf(xml: string): string {
  const withoutPhonetics = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const match of withoutPhonetics.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) {
    text += unescapeXml(match[1] ?? '');
  }
  return text;
}

function readSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((match) => textOf(match[1] ?? ''));
}

/** "AB12" → 27 (0-based column index), or null. */
function columnIndex(reference: string | undefined): number | null {
  const letters = reference ? /^([A-Za-z]{1,3})\d*$/.exec(reference)?.[1] : undefined;
  if (!letters) return null;
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** Excel's maximum sheet width; a larger column reference is damage, not data. */
const MAX_COLUMNS = 16_384;

function readSheetRows(xml: string, sharedStrings: readonly string[]): SheetRow[] {
  const rows: SheetRow[] = [];
  let previousRow = 0;
  for (const rowMatch of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const declared = Number(attributes(rowMatch[1]!)['r']);
    const number = Number.isSafeInteger(declared) && declared > previousRow ? declared : previousRow + 1;
    previousRow = number;
    const cells: Cell[] = [];
    let previousColumn = -1;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const attrs = attributes(cellMatch[1]!);
      const declaredColumn = columnIndex(attrs['r']);
      const column = declaredColumn !== null && declaredColumn > previousColumn ? declaredColumn : previousColumn + 1;
      previousColumn = column;
      if (column >= MAX_COLUMNS) break;
      const value = cellValue(attrs['t'], cellMatch[2] ?? '', sharedStrings);
      if (value === null) continue;
      while (cells.length < column) cells.push('');
      cells[column] = value;
    }
    if (cells.some((cell) => cell !== '')) rows.push({ number, cells });
  }
  return rows;
}

function cellValue(type: string | undefined, inner: string, sharedStrings: readonly string[]): Cell | null {
  if (type === 'inlineStr') {
    const inline = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
    return inline ? textOf(inline[1]!) : null;
  }
  const raw = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner);
  if (!raw) return null;
  const text = unescapeXml(raw[1]!);
  switch (type) {
    case 's': {
      const index = Number(text);
      return Number.isSafeInteger(index) && index >= 0 && index < sharedStrings.length ? sharedStrings[index]! : '';
    }
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
