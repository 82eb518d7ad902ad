/**
 * Runs a TypeScript script in a child Node process (through tsx) and returns what it printed,
 * how long it took and its peak resident memory. A hang is a failure here, not a stuck test
 * run: the child is killed at `timeoutMs`. The script reports its peak memory by ending with
 * `reportPeak()` (child/report.ts).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface ChildRun {
  /** Exit status, or null when killed (timeout or memory limit). */
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
  /** Peak resident set size of the child, in MB (null when it did not report, e.g. killed). */
  peakMb: number | null;
  timedOut: boolean;
}

const ROOT = resolve(import.meta.dirname, '../../..');

export function runChild(script: string, args: readonly string[], options: { timeoutMs: number; maxOldSpaceMb?: number; input?: string }): ChildRun {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [...(options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : []), '--import', 'tsx', resolve(ROOT, script), ...args],
    { cwd: ROOT, input: options.input, timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', killSignal: 'SIGKILL' },
  );
  const elapsedMs = Date.now() - started;
  const peak = /^peak-rss-kb (\d+)$/m.exec(result.stdout ?? '');
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    elapsedMs,
    peakMb: peak ? Math.round(Number(peak[1]) / 1024) : null,
    timedOut: result.error !== undefined && /ETIMEDOUT/.test(String(result.error)) || (result.signal === 'SIGKILL' && elapsedMs >= options.timeoutMs),
  };
}
