import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures/history');

/**
 * The real entry point, as `npx tsx cli/run.ts` runs it. The tsx binary is called
 * directly: npx itself may print npm configuration warnings on stderr, which are not ours.
 */
function cli(args: string[], cwd: string) {
  return spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'cli/run.ts'), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
}

describe('the crosscount command line, run for real', () => {
  it('imports two history files and exports the CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscount-cli-'));
    const imported = cli(['import', join(fixtures, 's4a-readings.json'), join(fixtures, 'imusician-readings.json'), '--out', 'all.json'], dir);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const exported = cli(['export', 'all.json', '--format', 'csv', '--out', 'all.csv'], dir);
    expect(exported.status).toBe(0);
    expect(readFileSync(join(dir, 'all.csv'), 'utf8').split('\r\n')[0]).toBe('isrc,title,artists,source,store,metric,day,value,observed_at');
  });

  it('refuses a bad file with exit 1 and one line on stderr, no stack trace, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscount-cli-'));
    copyFileSync(join(fixtures, 's4a-readings.json'), join(dir, 'good.json'));
    writeFileSync(join(dir, 'bad.json'), readFileSync(join(fixtures, 'imusician-readings.json'), 'utf8').replace('"value":110', '"value":110.5'));
    const result = cli(['import', 'good.json', 'bad.json', '--out', 'all.json'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('crosscount: bad.json: observations[1].value: 110.5 is not a non-negative whole number\n');
    expect(result.stdout).toBe('');
    expect(existsSync(join(dir, 'all.json'))).toBe(false);
  });

  it('exits 2 on a usage error', () => {
    const result = cli(['export', 'all.json'], tmpdir());
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('crosscount: export needs --out <file>, the file to write');
  });
});
