import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { InputFileError } from '../core/history/input-error';
import { LIMITS, megabytes, PREFIX_BYTES } from '../core/import/limits';
import { fileChunks } from './file-chunks';
import { CliError, type CliIO, type FileData } from './io';
import { writeFileAtomic } from './safe-write';

/** Writes `data` into `file`, chunk by chunk when it comes in chunks. */
async function writeData(file: FileHandle, data: FileData): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    await file.writeFile(data);
    return;
  }
  let pending = '';
  for await (const chunk of data as AsyncIterable<string>) {
    pending += chunk;
    if (pending.length >= WRITE_BATCH) {
      await file.write(pending);
      pending = '';
    }
  }
  if (pending.length > 0) await file.write(pending);
}

/** Characters gathered before one write. */
const WRITE_BATCH = 1 << 20;

/** process.stdout.write, settling once the stream can take more (or at once when it can). */
function writeStdout(text: string): Promise<void> | void {
  if (process.stdout.write(text)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** The largest file any importer takes (a history file); each kind's own cap is checked by `check`. */
const MAX_READ_BYTES = LIMITS.historyBytes;

/**
 * Opens without blocking (a FIFO would wait for a writer), refuses anything but a regular file
 * before reading a byte (a symlink to /dev/zero never ends), checks the size, then reads
 * exactly that many bytes.
 */
async function readRegularFile(path: string, check?: (size: number, prefix: Uint8Array) => void): Promise<Uint8Array> {
  let file;
  try {
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`}`);
  }
  try {
    const stat = await file.stat();
    if (stat.isDirectory()) throw new CliError(`${path}: is a folder, not a file`);
    if (!stat.isFile()) throw new CliError(`${path}: is not a regular file (a device, pipe or socket), so it is not read; give a file`);
    if (stat.size > MAX_READ_BYTES) throw new CliError(`${path}: is larger than the ${megabytes(MAX_READ_BYTES)} any file Crosscount reads can be`);
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    const fill = async (until: number) => {
      while (filled < until) {
        const { bytesRead } = await file.read(bytes, filled, until - filled, filled);
        if (bytesRead === 0) throw new CliError(`${path}: changed while it was read (shorter than its size); read it again`);
        filled += bytesRead;
      }
    };
    await fill(Math.min(stat.size, PREFIX_BYTES));
    try {
      check?.(stat.size, bytes.subarray(0, filled));
    } catch (error) {
      if (error instanceof InputFileError) throw new CliError(`${path}: ${error.message}`);
      throw error;
    }
    await fill(stat.size);
    const { bytesRead } = await file.read(new Uint8Array(1), 0, 1, stat.size);
    if (bytesRead !== 0) throw new CliError(`${path}: changed while it was read (longer than its size); read it again`);
    return bytes;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'error')})`);
  } finally {
    await file.close();
  }
}

export const nodeIO: CliIO = {
  stdout: writeStdout,
  stderr: (text) => process.stderr.write(text),
  readFile: readRegularFile,
  async writeFile(path, data) {
    // Exclusive, unpredictable temporary file, renamed over the target (cli/safe-write.ts).
    try {
      await writeFileAtomic(path, (file) => writeData(file, data));
    } catch (error) {
      throw new CliError(`${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  },
  readFileChunks: fileChunks,
  now: () => new Date(),
};
