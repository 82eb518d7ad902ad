import { CliError, type CliIO } from '../../../cli/io';
import { InputFileError } from '../../../core/history/input-error';
import { PREFIX_BYTES } from '../../../core/import/limits';

/** An in-memory CliIO for command tests: files in a Map, output collected. */
export function memoryIO(files: Record<string, string | Uint8Array> = {}, now = new Date('2025-04-06T12:00:00.000Z')) {
  const stored = new Map<string, Uint8Array>(Object.entries(files).map(([path, data]) => [path, typeof data === 'string' ? new TextEncoder().encode(data) : data]));
  const out: string[] = [];
  const err: string[] = [];
  const written: string[] = [];
  /** For files written in chunks: how many chunks. */
  const chunkCounts = new Map<string, number>();
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    async readFile(path, check) {
      const data = stored.get(path);
      if (!data) throw new CliError(`${path}: no such file`);
      try {
        check?.(data.length, data.subarray(0, PREFIX_BYTES));
      } catch (error) {
        if (error instanceof InputFileError) throw new CliError(`${path}: ${error.message}`);
        throw error;
      }
      return data;
    },
    async writeFile(path, data) {
      written.push(path);
      if (typeof data === 'string' || data instanceof Uint8Array) {
        stored.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
        return;
      }
      chunkCounts.set(path, 0);
      let text = '';
      for await (const chunk of data as AsyncIterable<string>) {
        text += chunk;
        chunkCounts.set(path, chunkCounts.get(path)! + 1);
      }
      stored.set(path, new TextEncoder().encode(text));
    },
    now: () => now,
  };
  return {
    io,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    written,
    chunkCounts,
    stdoutWrites: () => out.length,
    bytes: (path: string) => stored.get(path)!,
    text: (path: string) => new TextDecoder().decode(stored.get(path)),
  };
}
