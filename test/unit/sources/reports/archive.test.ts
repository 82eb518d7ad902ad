/**
 * Zip containers are checked entry by entry (core/sources/reports/archive.ts): inflated length
 * and CRC-32 against the directory, entry count and unpacked size capped. A damaged archive is
 * refused whole: random truncation and corruption give a refusal naming the file, or exactly
 * the data of the intact archive, never part of it and never a crash.
 */
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, unzipEntries, zipEntryNames } from '../../../../core/sources/reports/archive';
import { readReport, ReportFileError } from '../../../../core/sources/reports';
import { LIMITS } from '../../../../core/import/limits';
import { fixture, IMPORTED_AT } from './helpers';

const options = { importedAt: IMPORTED_AT };

/** The byte offset of the first entry's CRC-32 in its central-directory record. */
function centralCrcOffset(zip: Uint8Array): number {
  for (let at = zip.length - 22; at >= 0; at--) {
    if (zip[at] === 0x50 && zip[at + 1] === 0x4b && zip[at + 2] === 0x01 && zip[at + 3] === 0x02) {
      // The first record: walk back to the lowest one.
      let first = at;
      for (let back = at - 1; back >= 0; back--) if (zip[back] === 0x50 && zip[back + 1] === 0x4b && zip[back + 2] === 0x01 && zip[back + 3] === 0x02) first = back;
      return first + 16;
    }
  }
  throw new Error('no central directory');
}

function read(bytes: Uint8Array): string {
  try {
    return JSON.stringify(readReport(bytes, 'dk.zip', options));
  } catch (error) {
    if (error instanceof ReportFileError) return `refused: ${error.message}`;
    throw error;
  }
}

describe('zip entries are checked against the directory', () => {
  const csv = strToU8('a,b\n1,2\n3,4\n');

  it('computes the CRC-32 zip uses', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926); // the standard check value
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('reads an intact archive, stored or deflated', () => {
    for (const level of [0, 6] as const) {
      expect(unzipEntries(zipSync({ 'r.csv': csv }, { level }), 'r.zip', () => true).get('r.csv')).toEqual(csv);
    }
  });

  it('refuses an entry whose CRC-32 does not match, naming file and entry', () => {
    const zip = zipSync({ 'r.csv': csv });
    zip[centralCrcOffset(zip)]! ^= 0xff;
    expect(() => unzipEntries(zip, 'r.zip', () => true)).toThrow('r.zip: the zip archive is damaged, so nothing of it is read: the entry "r.csv" is damaged (its CRC-32 does not match)');
  });

  it('refuses an entry that inflates to more or fewer bytes than declared', () => {
    for (const delta of [-1, 1]) {
      const zip = zipSync({ 'r.csv': csv });
      const sizeAt = centralCrcOffset(zip) + 8; // uncompressed size
      zip[sizeAt] = zip[sizeAt]! + delta;
      expect(() => unzipEntries(zip, 'r.zip', () => true)).toThrow(/the entry "r\.csv" unpacks to (more|fewer) bytes than its header says/);
    }
  });

  it('refuses a declared unpacked size over the cap before inflating anything', () => {
    const zip = zipSync({ 'r.csv': csv });
    const sizeAt = centralCrcOffset(zip) + 8;
    new DataView(zip.buffer).setUint32(sizeAt, LIMITS.unpackedBytes + 1, true);
    expect(() => unzipEntries(zip, 'r.zip', () => true)).toThrow(/r\.zip: the zip unpacks to more than 64 MB/);
  });

  it('refuses more entries than the cap, and never puts a name on a prototype', () => {
    const zip = zipSync({ constructor: csv, toString: csv, hasOwnProperty: csv });
    expect(zipEntryNames(zip, 'p.zip').sort()).toEqual(['constructor', 'hasOwnProperty', 'toString']);
    expect(unzipEntries(zip, 'p.zip', (name) => name === 'constructor').get('constructor')).toEqual(csv);
    const many = Object.fromEntries(Array.from({ length: LIMITS.zipEntries + 1 }, (_, index) => [`${index}.txt`, new Uint8Array()]));
    expect(() => zipEntryNames(zipSync(many), 'many.zip')).toThrow(/many\.zip: the zip archive is damaged, so nothing of it is read: more than 10,000 entries/);
  });
});

describe('damaged archives are refused whole (properties)', () => {
  const intact = fixture('distrokid-v2.zip');
  const original = read(intact);

  it('the intact archive reads', () => {
    expect(original).not.toMatch(/^refused/);
  });

  it('any truncation gives a refusal that names the file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: intact.length - 1 }), (length) => {
        const result = read(intact.slice(0, length));
        expect(result).toMatch(/^refused: dk\.zip[:,]/);
      }),
      { numRuns: 300 },
    );
  });

  it('any corruption of up to 4 bytes gives a refusal naming the file, or exactly the intact data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: intact.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), (flips) => {
        const damaged = intact.slice();
        for (const [at, mask] of flips) damaged[at]! ^= mask;
        const result = read(damaged);
        if (!result.startsWith('refused')) expect(result).toBe(original);
        else expect(result).toMatch(/^refused: dk\.zip/);
      }),
      { numRuns: 1500 },
    );
  });

  it('an xlsx workbook too: truncated or corrupted, refused or read exactly', () => {
    const workbook = fixture('amuse.xlsx');
    const whole = read(workbook);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: workbook.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean(), (at, mask, cut) => {
        const damaged = cut ? workbook.slice(0, at) : workbook.slice();
        if (!cut) damaged[at]! ^= mask;
        const result = read(damaged);
        if (!result.startsWith('refused')) expect(result).toBe(whole);
      }),
      { numRuns: 800 },
    );
  });
});
