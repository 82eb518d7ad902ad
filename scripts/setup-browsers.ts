/**
 * `npm test` and `npm run demo` start here (README: two commands on a fresh machine): find
 * Chromium and Firefox ESR; where one is missing on Debian/Ubuntu and we are root (or have
 * sudo), install Debian's packages, saying so in one line; elsewhere stop with one line naming
 * what is missing and how to get it. Never a stack trace.
 *
 * Usage: tsx scripts/setup-browsers.ts chromium [firefox] [--german]
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { planBrowsers, type BrowserKind, type Machine } from './browsers-plan';

function thisMachine(): Machine {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return {
    env: process.env,
    executable(path) {
      try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    exists: existsSync,
    debian: existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get'),
    canInstall: root ? 'root' : spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? 'sudo' : false,
  };
}

/** Makes `kinds` available or says in one line why not; false when the caller should stop. */
export function ensureBrowsers(kinds: readonly BrowserKind[], options: { german?: boolean } = {}): boolean {
  const machine = thisMachine();
  const plan = planBrowsers(kinds, machine, options);
  if (plan.kind === 'ready') return true;
  if (plan.kind === 'stop') {
    console.error(plan.line);
    return false;
  }
  console.log(plan.line);
  const [program, ...args] = plan.command;
  const sudo = plan.command[0] === 'sudo' ? ['sudo', '-n'] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'update', '-qq'], { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' });
  const install = update.status === 0 ? spawnSync(program!, args, { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' }) : update;
  if (install.status !== 0) {
    const reason = (install.stderr ?? '').trim().split('\n').pop() || `exit ${install.status}`;
    console.error(`setup: installing ${plan.packages.join(', ')} failed (${reason}): run "${plan.command.join(' ')}" yourself, or set CHROMIUM_PATH / FIREFOX_PATH`);
    return false;
  }
  const after = planBrowsers(kinds, thisMachine(), options);
  if (after.kind !== 'ready') {
    console.error(after.kind === 'stop' ? after.line : `setup: ${after.packages.join(', ')} still missing after installing them`);
    return false;
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kinds = process.argv.slice(2).filter((arg): arg is BrowserKind => arg === 'chromium' || arg === 'firefox');
  process.exit(ensureBrowsers(kinds.length > 0 ? kinds : ['chromium', 'firefox'], { german: process.argv.includes('--german') }) ? 0 : 1);
}
