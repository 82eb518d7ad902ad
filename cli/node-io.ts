import { readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
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

export const nodeIO: CliIO = {
  stdout: writeStdout,
  stderr: (text) => process.stderr.write(text),
  async readFile(path) {
    try {
      return await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read'}`);
    }
  },
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
