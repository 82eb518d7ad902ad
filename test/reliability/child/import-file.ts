/**
 * Child of import-bounds.test.ts: builds one hostile file (adversarial.ts), writes it to a
 * temporary folder (or makes the special file asked for) and runs `crosscount import` on it
 * through the real Node I/O. Prints one JSON line { status, stderr }, then its peak memory.
 * Usage: import-file.ts <case> <scale> | import-file.ts dev-zero | import-file.ts fifo
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../core/cli/main';
import { nodeIO } from '../../../core/cli/node-io';
import { CASES } from './adversarial';
import { reportPeak } from './report';

const [kind = '', scaleText = '1', ...extra] = process.argv.slice(2);
const folder = mkdtempSync(join(tmpdir(), 'crosscount-bounds-'));
let path: string;
if (kind === 'dev-zero') {
  path = join(folder, 'Glacier Lights-timeline.csv');
  symlinkSync('/dev/zero', path);
} else if (kind === 'fifo') {
  path = join(folder, 'report.csv');
  execFileSync('mkfifo', [path]);
} else {
  const build = CASES[kind];
  if (!build) throw new Error(`unknown case ${kind}`);
  const file = build(Number(scaleText));
  path = join(folder, file.name);
  writeFileSync(path, file.bytes);
}
let stderr = '';
const started = performance.now();
const status = await main(['import', path, '--out', join(folder, 'out.json'), ...extra], { ...nodeIO, stderr: (text) => void (stderr += text) });
rmSync(folder, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ status, ms: Math.round(performance.now() - started), stderr: stderr.replaceAll(folder, '<tmp>') })}\n`);
reportPeak();
