/** The synchronous .xlsx reader, checked against read-excel-file and on SpreadsheetML quirks. */
import { strToU8, zipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { excelSerialToMs, readFirstSheet } from '../../../../core/sources/reports/xlsx';
import { fixture } from './helpers';

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('readFirstSheet agrees with read-excel-file', () => {
  it('on the Amuse fixture, cell by cell (date cells as serial days)', async () => {
    const bytes = fixture('amuse.xlsx');
    const reference = await readSheet(toArrayBuffer(bytes));
    const ours = readFirstSheet(bytes, 'amuse.xlsx');
    expect(ours.date1904).toBe(false);
    expect(ours.rows.map((row) => row.number)).toEqual(reference.map((_, index) => index + 1));
    const asOurs = reference.map((row) =>
      row.map((cell) => (cell instanceof Date ? (cell.getTime() - excelSerialToMs(0, false)) / 86_400_000 : cell === null ? '' : cell)),
    );
    expect(ours.rows.map((row) => row.cells)).toEqual(asOurs);
  });
});

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function workbook(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

describe('SpreadsheetML details', () => {
  it('rich-text and phonetic shared strings, entities, _xHHHH_ escapes, inline and formula strings, booleans', () => {
    const bytes = workbook({
      'xl/workbook.xml': `<workbook ${NS}><sheets><sheet name="S" sheetId="1"/></sheets></workbook>`,
      'xl/sharedStrings.xml': `<sst ${NS}><si><r><t>Zo</t></r><r><rPr><b/></rPr><t xml:space="preserve">ë Café</t></r><rPh><t>ignored</t></rPh></si><si><t>Rock &amp; Roll &#233;&#x20AC; line_x000D_end</t></si><si><t/></si></sst>`,
      'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>inline</t></is></c><c r="B4" t="str"><v>formula text</v></c><c r="C4" t="b"><v>1</v></c><c r="D4"><v>1234</v></c><c r="E4" t="s"><v>99</v></c></row></sheetData></worksheet>`,
    });
    expect(readFirstSheet(bytes, 'x.xlsx').rows).toEqual([
      { number: 1, cells: ['Zoë Café', '', 'Rock & Roll é€ line\rend'] },
      { number: 4, cells: ['inline', 'formula text', 'TRUE', 1234, ''] },
    ]);
  });

  it('namespace prefixes, cells and rows without references, and the 1904 date system', () => {
    const bytes = workbook({
      'xl/workbook.xml': `<x:workbook xmlns:x="urn:x"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="S" sheetId="1"/></x:sheets></x:workbook>`,
      'xl/worksheets/sheet1.xml': `<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row/><x:row><x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    const sheet = readFirstSheet(bytes, 'x.xlsx');
    expect(sheet.date1904).toBe(true);
    expect(sheet.rows).toEqual([
      { number: 1, cells: ['a', 2] },
      { number: 3, cells: [3] },
    ]);
  });

  it('follows the workbook relationship to the first sheet, whatever its file name', () => {
    const bytes = workbook({
      'xl/workbook.xml': `<workbook ${NS} xmlns:r="urn:r"><sheets><sheet name="Data" sheetId="7" r:id="rId9"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="urn:rels"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Target="/xl/worksheets/data.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong</t></is></c></row></sheetData></worksheet>`,
      'xl/worksheets/data.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>right</t></is></c></row></sheetData></worksheet>`,
    });
    expect(readFirstSheet(bytes, 'x.xlsx').rows).toEqual([{ number: 1, cells: ['right'] }]);
  });

  it('refuses a zip that is not a workbook or has no sheet', () => {
    expect(() => readFirstSheet(workbook({ 'a.txt': 'x' }), 'x.xlsx')).toThrow(/not an Excel workbook/);
    expect(() => readFirstSheet(workbook({ 'xl/workbook.xml': `<workbook ${NS}/>` }), 'x.xlsx')).toThrow(/no readable first sheet/);
  });
});
