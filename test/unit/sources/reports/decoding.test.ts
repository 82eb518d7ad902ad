/** Bytes → text → rows: BOM, encodings, line ends, separators. */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../core/sources/reports/decode';
import { guessSeparator, parseDelimited } from '../../../../core/sources/reports/delimited';
import { readTable } from '../../../../core/sources/reports/table';
import { utf8 } from './helpers';

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });

  it('reads valid UTF-8 as UTF-8', () => {
    expect(decodeText(utf8('Zoë Café'))).toBe('Zoë Café');
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    // "Zoë Café – €" in windows-1252: ë E9… and the 0x80–0x9F range (– 0x96, € 0x80).
    expect(decodeText(new Uint8Array([0x5a, 0x6f, 0xeb, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x80]))).toBe('Zoë Café – €');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x5a, 0x00, 0xeb, 0x00]))).toBe('Zë');
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x5a, 0x00, 0xeb]))).toBe('Zë');
  });

  it('never throws, whatever the bytes', () => {
    expect(typeof decodeText(new Uint8Array([0xff, 0x00, 0xc3, 0x28, 0xe2, 0x82]))).toBe('string');
  });
});

describe('guessSeparator', () => {
  it.each([
    ['Sales Date,Shop,Quantity', ','],
    ['Sales Date;Shop;Quantity', ';'],
    ['Sale Month\tStore\tTitle', '\t'],
    ['"Artist; Name",Shop,Quantity', ','], // a separator inside quotes does not count
    ['Title, with comma\tStore\tQuantity', '\t'],
    ['single', ','],
  ])('%j → %j', (line, separator) => {
    expect(guessSeparator(line)).toBe(separator);
  });
});

describe('parseDelimited', () => {
  const expected = [
    { number: 1, cells: ['a', 'b'] },
    { number: 2, cells: ['1', '2'] },
    { number: 3, cells: ['3', '4'] },
  ];
  it.each([
    ['LF', 'a,b\n1,2\n3,4\n'],
    ['CRLF', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['CR', 'a,b\r1,2\r3,4\r'],
    ['mixed, no final line end', 'a,b\r\n1,2\r3,4'],
  ])('accepts %s line ends', (_, text) => {
    expect(parseDelimited(text, 'x.csv')).toEqual(expected);
  });

  it('keeps quoted separators, quotes and line breaks inside a value', () => {
    expect(parseDelimited('a;b\n"x;y";"say ""hi""\nthere"\n', 'x.csv')).toEqual([
      { number: 1, cells: ['a', 'b'] },
      { number: 2, cells: ['x;y', 'say "hi"\nthere'] },
    ]);
  });
});

describe('readTable', () => {
  it('finds the header after leading blank lines and keeps spreadsheet row numbers', () => {
    const table = readTable(utf8('\n\n Sales  Date ,SHOP\n2024-01,Spotify\n\n2024-02,Deezer\n'), 'x.csv');
    expect(table.headers).toEqual(['Sales  Date', 'SHOP']);
    expect(table.keys).toEqual(['sales date', 'shop']);
    expect(table.headerRow).toBe(3);
    expect([...table.rows].map((row) => row.number)).toEqual([4, 6]);
  });
});

describe('header-only reads (detection)', () => {
  const header = 'Sale Month\tStore\tArtist\tTitle\tISRC\tQuantity\tSong/Album\tEarnings (USD)\n';
  const row = '2024-01\tSpotify\tZoë Café\tÉté\tQZHN52400101\t5\tSong\t0.01\n';

  it('look at the start of a large file only', () => {
    const table = readTable(utf8(header + row.repeat(5000)), 'big.tsv', { headerOnly: true });
    expect(table.keys[0]).toBe('sale month');
    expect([...table.rows].length).toBeLessThan(50);
  });

  it('cut the start on a UTF-8 character boundary, so it still reads as UTF-8', () => {
    // A two-byte "é" straddles byte 65,536, where the 64 KiB cut falls.
    const start = header + row;
    const padding = 65_535 - utf8(start).length - '2024-01\tSpotify\tA\tT\tQZHN52400101\t5\tSong\t'.length;
    const bytes = utf8(`${start}2024-01\tSpotify\tA\tT\tQZHN52400101\t5\tSong\t${'x'.repeat(padding)}é\n${row}`);
    expect(bytes[65_536]! & 0xc0).toBe(0x80);
    expect([...readTable(bytes, 'big.tsv', { headerOnly: true }).rows][0]!.cells[2]).toBe('Zoë Café');
  });
});
