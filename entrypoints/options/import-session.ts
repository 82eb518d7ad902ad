/**
 * One import on the history page, from the files chosen to the history file sent to the
 * background: read each file (kind and size checked before it is read whole, docs/contracts.md
 * "Limits"), keep what was read, and on confirmation merge it into one history file. It runs
 * in the import worker (import.worker.ts), so no file can freeze the page; where a page has no
 * workers (the unit tests' DOM) it runs in the page.
 */
import { PREFIX_BYTES } from '../../core/import/limits';
import { checkImportSize } from '../../core/import/registry';
import { importPayload, importProblem, readImportFiles, type FilePreview } from './import-files';

/** A chosen file, as the page hands it over (a File is a Blob with a name). */
export interface ChosenFile {
  name: string;
  size: number;
  slice(start?: number, end?: number): Blob;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What the preview shows of a file: the preview without the history itself (that stays here). */
export type FileSummary = Extract<FilePreview, { ok: false }> | Omit<Extract<FilePreview, { ok: true }>, 'history'>;

export interface ImportProgress {
  /** 1-based: the file being read. */
  file: number;
  files: number;
  fileName: string;
  /** Bytes of the files before this one, and of all of them. */
  bytesDone: number;
  bytesTotal: number;
}

function summarise(preview: FilePreview): FileSummary {
  if (!preview.ok) return preview;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { history, ...summary } = preview;
  return summary;
}

export class ImportSession {
  private previews: FilePreview[] = [];

  /** Reads every file on its own: one bad (or too large) file is reported and does not stop the others. */
  async read(files: readonly ChosenFile[], now: Date, onProgress: (progress: ImportProgress) => void): Promise<FileSummary[]> {
    const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
    let bytesDone = 0;
    this.previews = [];
    for (const [index, file] of files.entries()) {
      onProgress({ file: index + 1, files: files.length, fileName: file.name, bytesDone, bytesTotal });
      this.previews.push(await readChosenFile(file, now));
      bytesDone += file.size;
    }
    onProgress({ file: files.length, files: files.length, fileName: '', bytesDone, bytesTotal });
    return this.previews.map(summarise);
  }

  /** The files that were read, merged into one history file for the background. */
  payload(now: Date): { fileName: string; text: string } | null {
    return importPayload(this.previews, now);
  }
}

/** The size check before reading (from the first 64 KiB and the size), then the import itself. */
async function readChosenFile(file: ChosenFile, now: Date): Promise<FilePreview> {
  try {
    const prefix = new Uint8Array(await file.slice(0, PREFIX_BYTES).arrayBuffer());
    checkImportSize(file.size, prefix, file.name);
  } catch (error) {
    return { fileName: file.name, ok: false, error: importProblem(error) };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const [preview] = await readImportFiles([{ name: file.name, bytes }], now);
  return preview!;
}
