/**
 * Hostile files for the import resource test (test/reliability/import-bounds.test.ts), one per
 * class of the review behind issue 14 (docs/contracts.md, "Limits"): each is built here, not
 * stored, so a change of the caps changes the files with them. Hypothetical shapes: no such
 * file was seen in public; they are what a damaged or crafted file can be.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { AMUSE_HEADER, xlsx } from '../../fixtures/reports/make-fixtures';

const DISTROKID_HEADER = 'Date Inserted,Reporting Date,Sale Month,Store,Artist,Title,ISRC,UPC,Quantity,Team Percentage,Source Type,Country of Sale,Songwriter Royalties Withheld (USD),Earnings (USD),Recoup (USD)';
export const DISTROKID_ROW = '2024-06-20,2024-06-01,2024-03,Spotify,Nora Vell,Glacier Lights,CHA012400001,0123456789012,1,100%,Song,DE,0,0.003,0';

const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A workbook with the given sheet XML body (inside <sheetData>) and shared-strings body. */
export function workbook(sheetData: string, sharedStrings: string | null): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(`${declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
    'xl/workbook.xml': strToU8(`${declaration}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Royalties" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(`${declaration}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`),
  };
  if (sharedStrings !== null) files['xl/sharedStrings.xml'] = strToU8(`${declaration}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sharedStrings}</sst>`);
  return zipSync(files, { level: 9 });
}

/** The Amuse header row as shared strings 0…13, for sheets that should look like a report. */
function amuseHeaderRow(): { row: string; strings: string } {
  const cells = AMUSE_HEADER.map((_, index) => `<c t="s"><v>${index}</v></c>`).join('');
  return { row: `<row r="1">${cells}</row>`, strings: AMUSE_HEADER.map((text) => `<si><t>${text}</t></si>`).join('') };
}

export const CASES: Record<string, (scale: number) => { name: string; bytes: Uint8Array }> = {
  /** One header and `scale` MB of line breaks, zipped: about 1 KB of zip per MB. */
  'newline-zip': (mb) => ({ name: 'newlines.zip', bytes: zipSync({ 'report.csv': strToU8(`${DISTROKID_HEADER}\n${'\n'.repeat(mb * 1024 * 1024)}`) }, { level: 9 }) }),
  /** `scale` thousand unclosed <row> tags in the sheet: a few kB of xlsx. */
  'unclosed-rows-xlsx': (thousands) => ({ name: 'unclosed.xlsx', bytes: workbook('<row>'.repeat(thousands * 1000), null) }),
  /** `scale` million empty shared strings and one header row: the sheet is tiny, the strings are not. */
  'shared-strings-xlsx': (millions) => {
    const header = amuseHeaderRow();
    return { name: 'strings.xlsx', bytes: workbook(header.row, header.strings + '<si><t>x</t></si>'.repeat(millions * 1_000_000)) };
  },
  /** A Spotify timeline of `scale` MB (one day repeated: valid rows, a huge file). */
  'spotify-timeline': (mb) => {
    const line = '2024-01-01,5\n';
    const count = Math.ceil((mb * 1024 * 1024) / line.length);
    return { name: 'Glacier Lights-timeline.csv', bytes: strToU8(`date,streams\n${line.repeat(count)}`) };
  },
  /** A DistroKid report of `scale` MB of valid stream rows (one track and month, summed). */
  'report-csv': (mb) => {
    const count = Math.ceil((mb * 1024 * 1024) / (DISTROKID_ROW.length + 1));
    return { name: 'distrokid.csv', bytes: strToU8(`${DISTROKID_HEADER}\n${`${DISTROKID_ROW}\n`.repeat(count)}`) };
  },
  /** An Amuse workbook of `scale` thousand valid rows. */
  'report-xlsx': (thousands) => {
    const row = ['2024-05-15', 'Stream', 'Royalties', { serial: 45_322 }, 'Spotify', '7300000000031', 'SEXAM2400031', 'Nora Lind', 'Velvet Hours', 'Velvet Hours', 3, 0.01, 1, 0.01] as const;
    return { name: 'amuse.xlsx', bytes: xlsx([AMUSE_HEADER, ...Array.from({ length: thousands * 1000 }, () => row)]) };
  },
};
