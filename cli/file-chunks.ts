/**
 * A file read in chunks of 1 MiB, synchronously, each chunk read when it is asked for. Only a
 * regular file is read (opened without blocking, so a FIFO does not wait for a writer);
 * anything that cannot be opened or is not a regular file gives no chunks, and the caller's
 * whole-file read then says what is wrong with it. The file is opened on the first chunk and
 * closed when the iteration ends or is abandoned.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

export function* fileChunks(path: string): Generator<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return;
  }
  try {
    if (!fstatSync(fd).isFile()) return;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) return;
      yield chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}
