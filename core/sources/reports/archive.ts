/**
 * Zip containers: an .xlsx workbook is a zip, and DistroKid sometimes delivers its report as
 * a zipped CSV. fflate reads both synchronously and also runs in a browser bundle.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { ReportFileError } from './errors';

/** Local-file-header signature: every zip (and so every .xlsx) starts with it. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Old binary Excel (.xls, OLE compound file). */
export function isLegacyExcel(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/**
 * Unpacked size we accept for all chosen entries together. Real monthly reports are a few MB;
 * the cap stops a crafted zip from exhausting memory (as the declared sizes are checked
 * before inflating, a lying header can still get past it: fflate then fails or stops).
 */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

/** Unzips the entries `want` chooses; any damage in the container becomes a ReportFileError. */
export function unzipEntries(bytes: Uint8Array, fileName: string, want: (name: string) => boolean): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(file: UnzipFileInfo) {
        if (!want(file.name)) return false;
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new ReportFileError(fileName, `the zip unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ReportFileError) throw error;
    throw new ReportFileError(fileName, `the file looks like a zip archive but cannot be unpacked (${describe(error)})`);
  }
}

/** Every entry name in the archive (nothing inflated). */
export function zipEntryNames(bytes: Uint8Array, fileName: string): string[] {
  const names: string[] = [];
  unzipEntries(bytes, fileName, (name) => {
    names.push(name);
    return false;
  });
  return names;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
