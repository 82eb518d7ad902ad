/**
 * Files written safely (test/reliability/README.md): a temporary file beside the target,
 * created exclusively (O_CREAT | O_EXCL, and O_NOFOLLOW) under a name no other process can
 * predict (16 random hex digits from node:crypto), then renamed over the target in one step.
 * O_EXCL refuses any existing path, a symlink planted there included, so nothing is written
 * through a link; rename(2) replaces the target's directory entry itself, so a symlink at the
 * target is replaced, never followed. Either the whole new file is there or the old one is.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Flags of an exclusive create that never follows a symlink (O_NOFOLLOW where the platform has it). */
const EXCLUSIVE_CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Attempts at a fresh random name before giving up (a clash of 64 random bits means something is wrong). */
const NAME_ATTEMPTS = 4;

/** A temporary path beside `path`: `.<name>.<16 hex digits>.tmp`. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
}

/** Creates a new file exclusively (never an existing path, never through a symlink). */
export async function createExclusive(path: string): Promise<FileHandle> {
  return open(path, EXCLUSIVE_CREATE, 0o666);
}

/**
 * Writes a file whole or not at all: `write` fills an exclusively created temporary file,
 * which then replaces `path` atomically. On failure the temporary file is removed and the
 * target is as it was.
 */
export async function writeFileAtomic(path: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  let temporary = '';
  let file: FileHandle | undefined;
  for (let attempt = 1; !file; attempt++) {
    temporary = temporaryPathFor(path);
    try {
      file = await createExclusive(temporary);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= NAME_ATTEMPTS) throw error;
    }
  }
  try {
    try {
      await write(file);
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
