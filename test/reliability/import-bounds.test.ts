/**
 * Every import path is bounded (docs/contracts.md, "Limits"): `crosscount import` runs in a
 * child process (child/import-file.ts, the real Node file I/O) on hostile files at the caps,
 * one per class of the review behind issue 14, and each must end within a time and a peak
 * memory bound, refusing with one line that names the file, or reading what is valid. The
 * bounds are generous for a loaded machine; the figures measured on an idle one are in the
 * README ("Limits"). Before the caps, the newline zip crashed V8 after 20 s and 1.6 GB, the
 * unclosed-rows workbook ran for minutes, the 300 MB timeline exhausted the heap and the
 * symlink to /dev/zero and the FIFO were read (or waited on) forever.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../core/import/limits';
import { CASES } from './child/adversarial';
import { runChild } from './child/run-child';
import { fixture } from '../unit/sources/reports/helpers';

const folder = mkdtempSync(join(tmpdir(), 'crosscount-bounds-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(kind: string, scale: number): string {
  const file = CASES[kind]!(scale);
  const path = join(folder, `${kind}-${scale}-${file.name}`);
  writeFileSync(path, file.bytes);
  return path;
}

interface Outcome {
  status: number;
  ms: number;
  stderr: string;
  peakMb: number;
}

function importInChild(path: string, timeoutMs = 60_000): Outcome {
  const run = runChild('test/reliability/child/import-file.ts', [path], { timeoutMs });
  expect(run.timedOut, `import of ${path} did not end within ${timeoutMs} ms`).toBe(false);
  expect(run.status, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout.trim().split('\n').find((line) => line.startsWith('{'))!) as Omit<Outcome, 'peakMb'>;
  // CROSSCOUNT_BOUNDS_REPORT=1 prints the figures the README's "Limits" quotes.
  if (process.env['CROSSCOUNT_BOUNDS_REPORT']) process.stdout.write(`bounds ${path.slice(folder.length + 1)}: ${result.ms} ms, ${run.peakMb} MB peak, exit ${result.status}\n`);
  return { ...result, peakMb: run.peakMb! };
}

/** A refusal: exit 1, one line, naming the file. */
function expectRefusal(outcome: Outcome, path: string, problem: RegExp): void {
  expect(outcome.status).toBe(1);
  expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(outcome.stderr).toContain(`crosscount: ${path}`);
  expect(outcome.stderr).toMatch(problem);
  expect(outcome.stderr).not.toMatch(/unexpected failure/);
}

const MB = 1024 * 1024;

describe('every import path ends within time and memory bounds, at the caps', () => {
  it('a 194 KB zip of 200 MB of line breaks is refused before inflating (it crashed V8)', () => {
    const path = write('newline-zip', 200);
    const outcome = importInChild(path);
    expectRefusal(outcome, path, /unpacks to more than 64 MB/);
    expect(outcome.ms).toBeLessThan(5_000);
    expect(outcome.peakMb).toBeLessThan(300);
  });

  it('a zip of line breaks just under the unpacked cap is refused at the row cap, without splitting the text', () => {
    const path = write('newline-zip', Math.floor(LIMITS.unpackedBytes / MB) - 1);
    const outcome = importInChild(path);
    expectRefusal(outcome, path, /more than 1,000,000 rows/);
    expect(outcome.ms).toBeLessThan(20_000);
    expect(outcome.peakMb).toBeLessThan(600);
  });

  it('a 3 kB workbook of 100,000 unclosed <row> tags ends at once (it burnt 149 s of CPU)', () => {
    const path = write('unclosed-rows-xlsx', 100);
    const outcome = importInChild(path);
    expectRefusal(outcome, path, /the file is empty \(no header row\)/);
    expect(outcome.ms).toBeLessThan(5_000);
    expect(outcome.peakMb).toBeLessThan(300);
  });

  it('a workbook of 1.9 million shared strings is read in bounded memory (one of 639 KB took 3.7 GB)', () => {
    const path = write('shared-strings-xlsx', 1.9);
    const outcome = importInChild(path);
    expect(outcome.stderr).not.toMatch(/unexpected failure/);
    expect(outcome.ms).toBeLessThan(15_000);
    expect(outcome.peakMb).toBeLessThan(600);
  });

  it('a workbook over the shared-string cap is refused naming the file', () => {
    const path = write('shared-strings-xlsx', 2.1);
    expectRefusal(importInChild(path), path, /more than 2,000,000 shared strings/);
  });

  it('a 300 MB Spotify timeline is refused by its size before it is read (it exhausted the heap)', () => {
    const path = join(folder, 'Glacier Lights-timeline.csv');
    writeFileSync(path, 'date,streams\n2024-01-01,5\n');
    truncateSync(path, 300 * MB);
    const outcome = importInChild(path);
    expectRefusal(outcome, path, /larger than the 16 MB a Spotify for Artists download can be/);
    expect(outcome.ms).toBeLessThan(2_000);
    expect(outcome.peakMb).toBeLessThan(200);
  });

  it('a Spotify timeline at the size cap is refused at the row cap', () => {
    const path = write('spotify-timeline', Math.floor(LIMITS.spotifyBytes / MB) - 1);
    const outcome = importInChild(path);
    expectRefusal(outcome, path, /more than 100,000 rows/);
    expect(outcome.ms).toBeLessThan(10_000);
    expect(outcome.peakMb).toBeLessThan(400);
  });

  it('a report at the size cap is read within the bounds', () => {
    const path = write('report-csv', Math.floor(LIMITS.reportBytes / MB) - 1);
    const outcome = importInChild(path, 90_000);
    expect(outcome.stderr).toBe('');
    expect(outcome.status).toBe(0);
    expect(outcome.ms).toBeLessThan(45_000);
    expect(outcome.peakMb).toBeLessThan(800);
  }, 100_000);

  it('a workbook of 100,000 rows is read within the bounds', () => {
    const path = write('report-xlsx', 100);
    const outcome = importInChild(path);
    expect(outcome.stderr).toBe('');
    expect(outcome.status).toBe(0);
    expect(outcome.ms).toBeLessThan(30_000);
    expect(outcome.peakMb).toBeLessThan(600);
  });

  it('a symlink to /dev/zero and a FIFO are refused at once, in one line naming the file', () => {
    const zero = join(folder, 'zero-timeline.csv');
    symlinkSync('/dev/zero', zero);
    const fifo = join(folder, 'report.csv');
    execFileSync('mkfifo', [fifo]);
    for (const path of [zero, fifo]) {
      const outcome = importInChild(path, 20_000);
      expectRefusal(outcome, path, /is not a regular file/);
      expect(outcome.ms).toBeLessThan(2_000);
    }
  });

  it('a damaged zip is refused whole, naming the file and the entry', () => {
    const zip = fixture('distrokid-v2.zip');
    zip[60]! ^= 0x55; // inside the entry's compressed data
    const path = join(folder, 'damaged.zip');
    writeFileSync(path, zip);
    expectRefusal(importInChild(path), path, /the zip archive is damaged, so nothing of it is read: the entry "DistroKid_1718890000000\.csv"/);
  });
}, 120_000);
