/**
 * Child of import-bounds.test.ts: runs `crosscount import <path> --out <tmp>` through the real
 * Node I/O on a file the parent made, and prints one JSON line { status, ms, stderr } (ms: the
 * import alone), then its peak memory (report.ts).
 * Usage: import-file.ts <path> [more import arguments]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../cli/main';
import { nodeIO } from '../../../cli/node-io';
import { reportPeak } from './report';

const [path = '', ...extra] = process.argv.slice(2);
const folder = mkdtempSync(join(tmpdir(), 'crosscount-out-'));
let stderr = '';
const started = performance.now();
const status = await main(['import', path, '--out', join(folder, 'out.json'), ...extra], { ...nodeIO, stderr: (text) => void (stderr += text) });
const ms = Math.round(performance.now() - started);
rmSync(folder, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ status, ms, stderr })}\n`);
reportPeak();
