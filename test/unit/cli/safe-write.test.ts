/**
 * Files written safely (test/reliability/README.md): the CLI's output goes through an
 * exclusively created temporary file with an unpredictable name, renamed over the target;
 * nothing is ever written through a symlink. Real files in a fresh folder.
 */
import { lstat, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExclusive, temporaryPathFor, writeFileAtomic } from '../../../cli/safe-write';
import { nodeIO } from '../../../cli/node-io';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'crosscount-safe-write-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(folder, { recursive: true, force: true });
});

async function* chunks(...parts: string[]): AsyncIterable<string> {
  for (const part of parts) yield part;
}

describe('temporary files', () => {
  it('have unpredictable names: 16 random hex digits, never the same twice', () => {
    const names = new Set(Array.from({ length: 1000 }, () => temporaryPathFor(join(folder, 'history.json'))));
    expect(names.size).toBe(1000);
    for (const name of names) expect(name).toMatch(/\/\.history\.json\.[0-9a-f]{16}\.tmp$/);
    // No process id or time in it (the old name was `.history.json.<pid>.tmp`).
    for (const name of names) expect(name).not.toContain(`.${process.pid}.`);
  });

  it('are created exclusively: an existing file or a planted symlink at the name is refused, its target untouched', async () => {
    const victim = join(folder, 'victim.txt');
    await writeFile(victim, 'precious');
    const planted = join(folder, 'planted.tmp');
    await symlink(victim, planted);
    await expect(createExclusive(planted)).rejects.toMatchObject({ code: 'EEXIST' });
    const dangling = join(folder, 'dangling.tmp');
    await symlink(join(folder, 'would-be-created'), dangling);
    await expect(createExclusive(dangling)).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(readdir(folder)).resolves.not.toContain('would-be-created');
    await writeFile(join(folder, 'taken.tmp'), 'x');
    await expect(createExclusive(join(folder, 'taken.tmp'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(victim, 'utf8')).toBe('precious');
  });
});

describe('nodeIO.writeFile', () => {
  it('writeFileAtomic: what `write` puts in the file replaces the target', async () => {
    const out = join(folder, 'h.json');
    await writeFileAtomic(out, (file) => file.writeFile('new'));
    expect(await readFile(out, 'utf8')).toBe('new');
  });

  it('replaces a symlink planted at the target instead of writing through it', async () => {
    const victim = join(folder, 'victim.txt');
    await writeFile(victim, 'precious');
    const out = join(folder, 'history.json');
    await symlink(victim, out);
    await nodeIO.writeFile(out, chunks('{"a":', '1}'));
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect((await lstat(out)).isSymbolicLink()).toBe(false);
    expect(await readFile(out, 'utf8')).toBe('{"a":1}');
    expect(await readdir(folder)).toEqual(['history.json', 'victim.txt']);
  });

  it('writes strings, bytes and chunks whole, leaving no temporary file', async () => {
    const out = join(folder, 'h.csv');
    await nodeIO.writeFile(out, 'a,b\r\n');
    expect(await readFile(out, 'utf8')).toBe('a,b\r\n');
    await nodeIO.writeFile(out, new Uint8Array([0x50, 0x41, 0x52, 0x31]));
    expect(await readFile(out, 'utf8')).toBe('PAR1');
    const big = 'x'.repeat(1 << 20);
    await nodeIO.writeFile(out, chunks(big, big, 'end'));
    expect((await readFile(out, 'utf8')).length).toBe(2 * big.length + 3);
    expect(await readdir(folder)).toEqual(['h.csv']);
  });

  it('a failure midway leaves the old file as it was and no temporary file', async () => {
    const out = join(folder, 'history.json');
    await writeFile(out, 'old history');
    async function* failing(): AsyncIterable<string> {
      yield 'x'.repeat((1 << 20) + 1);
      throw new Error('disk gone');
    }
    await expect(nodeIO.writeFile(out, failing())).rejects.toThrow(/history\.json: cannot be written/);
    expect(await readFile(out, 'utf8')).toBe('old history');
    expect(await readdir(folder)).toEqual(['history.json']);
  });

  it('into a folder that does not exist: one line naming the file', async () => {
    await expect(nodeIO.writeFile(join(folder, 'missing', 'h.json'), 'x')).rejects.toThrow(/missing\/h\.json: cannot be written \(ENOENT\)/);
  });

  it('a symlinked temporary name planted in advance (a guessed name) is never written through', async () => {
    const victim = join(folder, 'victim.txt');
    await writeFile(victim, 'precious');
    const out = join(folder, 'history.json');
    // The old, predictable name, planted as a link to the victim.
    await symlink(victim, join(folder, `.history.json.${process.pid}.tmp`));
    await nodeIO.writeFile(out, 'new');
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect(await readFile(out, 'utf8')).toBe('new');
    expect(await readlink(join(folder, `.history.json.${process.pid}.tmp`))).toBe(victim);
  });
});
