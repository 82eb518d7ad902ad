/**
 * Zip containers: an .xlsx workbook is a zip, and DistroKid sometimes delivers its report as
 * a zipped CSV. The directory is read here (bounds-checked, entry count capped), entries are
 * inflated with fflate (synchronous, runs in a browser bundle too), and every entry that is
 * read is checked against its directory record: the inflated length must be the declared one
 * and the CRC-32 must match. Any damage refuses the whole file (docs/contracts.md, "Limits"):
 * a damaged archive is never read in part.
 */
import { inflateSync } from 'fflate';
import { LIMITS, megabytes } from '../../import/limits';
import { quote, ReportFileError } from './errors';
import { message } from '../../i18n/typed';
import { englishMessage } from '../../i18n/english';
import type { Message } from '../../i18n/message';


/** Local-file-header signature: every zip (and so every .xlsx) starts with it. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Old binary Excel (.xls, OLE compound file). */
export function isLegacyExcel(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/** Unpacked size accepted for all chosen entries together (declared sizes, checked before inflating). */
const MAX_UNZIPPED_BYTES = LIMITS.unpackedBytes;

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A zip's damage, as a message (docs/i18n.md); its English is the error's own text, for the CLI and tests. */
class Damage extends Error {
  constructor(readonly problem: Message) {
    super(englishMessage(problem));
  }
}

function u16(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 2 > bytes.length) throw new Damage(message('zipRecordPastEnd'));
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > bytes.length) throw new Damage(message('zipRecordPastEnd'));
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

function u64(bytes: Uint8Array, at: number): number {
  const value = u32(bytes, at) + u32(bytes, at + 4) * 2 ** 32;
  if (!Number.isSafeInteger(value)) throw new Damage(message('zipOutOfRange'));
  return value;
}

const latin1 = new TextDecoder('latin1');
const utf8Names = new TextDecoder('utf-8');

/** The central directory: every entry's name, method, sizes, CRC and where its data is. */
function readDirectory(bytes: Uint8Array): Entry[] {
  let end = bytes.length - 22;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  while (end >= lowest && u32(bytes, end) !== 0x06054b50) end--;
  if (end < lowest) throw new Damage(message('zipNoEnd'));
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const record = u64(bytes, end - 12);
    if (u32(bytes, record) !== 0x06064b50) throw new Damage(message('zipBrokenZip64'));
    count = u64(bytes, record + 32);
    offset = u64(bytes, record + 48);
  }
  if (count > LIMITS.zipEntries) throw new Damage(message('zipTooManyEntries', { max: LIMITS.zipEntries }));
  const entries: Entry[] = [];
  for (let index = 0, at = offset; index < count; index++) {
    if (u32(bytes, at) !== 0x02014b50) throw new Damage(message('zipDirectoryBroken', { number: index + 1 }));
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) throw new Damage(message('zipRecordPastEnd'));
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: Entry = {
      name: (flags & 0x800 ? utf8Names : latin1).decode(nameBytes),
      method: u16(bytes, at + 10),
      flags,
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    readZip64Extra(bytes, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset that did not fit 32 bits are in the zip64 extra field, in this order. */
function readZip64Extra(bytes: Uint8Array, start: number, length: number, entry: Entry): void {
  if (entry.size !== 0xffffffff && entry.compressedSize !== 0xffffffff && entry.localOffset !== 0xffffffff) return;
  for (let at = start; at + 4 <= start + length; ) {
    const id = u16(bytes, at);
    const size = u16(bytes, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (entry[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + size) throw new Damage(message('zipBrokenExtra'));
        entry[key] = u64(bytes, field);
        field += 8;
      }
      return;
    }
    at += 4 + size;
  }
  throw new Damage(message('zipNoZip64Sizes'));
}

/** CRC-32 (IEEE 802.3, as zip uses), table-driven. */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let index = 0; index < data.length; index++) crc = CRC_TABLE[(crc ^ data[index]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** The entry's data, inflated and checked against its directory record. */
function readEntry(bytes: Uint8Array, entry: Entry): Uint8Array {
  const at = entry.localOffset;
  if (u32(bytes, at) !== 0x04034b50) throw new Damage(message('zipNoLocalHeader', { entry: quote(entry.name) }));
  if (entry.flags & 0x1) throw new Damage(message('zipEncrypted', { entry: quote(entry.name) }));
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) throw new Damage(message('zipEntryPastEnd', { entry: quote(entry.name) }));
  const data = bytes.subarray(start, stop);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    // One byte of room more than declared: an entry that inflates longer fills it and is caught.
    try {
      out = inflateSync(data, { out: new Uint8Array(entry.size + 1) });
    } catch (error) {
      throw new Damage(message('zipNotInflated', { entry: quote(entry.name), detail: (error instanceof Error ? error.message : String(error)).slice(0, 200) }));
    }
  } else {
    throw new Damage(message('zipMethod', { entry: quote(entry.name), method: String(entry.method) }));
  }
  if (out.length !== entry.size) throw new Damage(message(out.length > entry.size ? 'zipSizeMore' : 'zipSizeFewer', { entry: quote(entry.name), size: entry.size }));
  if (crc32(out) !== entry.crc) throw new Damage(message('zipCrc', { entry: quote(entry.name) }));
  return out;
}

function refuse(fileName: string, error: unknown): never {
  if (error instanceof ReportFileError) throw error;
  // Damage we name is a message; anything else (a bug) keeps the browser's words, for support, inside one.
  const reason = error instanceof Damage ? error.problem : message('zipUnreadable', { detail: (error instanceof Error ? error.message : String(error)).slice(0, 200) });
  throw new ReportFileError(fileName, message('reportZipDamaged', { reason: { text: reason } }));
}

/**
 * Unpacks the entries `want` chooses (by name), each checked; the first damage anywhere in the
 * directory or a chosen entry refuses the file with a ReportFileError.
 */
export function unzipEntries(bytes: Uint8Array, fileName: string, want: (name: string) => boolean): Map<string, Uint8Array> {
  try {
    const chosen = readDirectory(bytes).filter((entry) => want(entry.name));
    const total = chosen.reduce((sum, entry) => sum + entry.size, 0);
    if (total > MAX_UNZIPPED_BYTES) throw new ReportFileError(fileName, message('reportZipTooLarge', { size: megabytes(MAX_UNZIPPED_BYTES) }));
    const result = new Map<string, Uint8Array>();
    for (const entry of chosen) {
      if (result.has(entry.name)) throw new Damage(message('zipTwice', { entry: quote(entry.name) }));
      result.set(entry.name, readEntry(bytes, entry));
    }
    return result;
  } catch (error) {
    return refuse(fileName, error);
  }
}

/** Every entry name in the archive (nothing inflated). */
export function zipEntryNames(bytes: Uint8Array, fileName: string): string[] {
  try {
    return readDirectory(bytes).map((entry) => entry.name);
  } catch (error) {
    return refuse(fileName, error);
  }
}
