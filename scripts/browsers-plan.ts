/**
 * Which browsers the demo and the tests can use, and what to do when one is missing (README:
 * two commands on a fresh machine). Pure: the machine is passed in, so every case is tested
 * without touching the real browsers (test/unit/setup/browsers.test.ts).
 */

export type BrowserKind = 'chromium' | 'firefox';

export interface Machine {
  env: Readonly<Record<string, string | undefined>>;
  /** True for an existing, executable file. */
  executable(path: string): boolean;
  exists(path: string): boolean;
  /** Debian or Ubuntu (apt-get and Debian's package names). */
  debian: boolean;
  /** Root, or sudo without a password prompt. */
  canInstall: 'root' | 'sudo' | false;
}

interface BrowserSpec {
  label: string;
  /** The variables that name a binary, in order of precedence. */
  variables: readonly string[];
  candidates: readonly string[];
  /** Debian packages: the browser, then what the German e2e run needs (its locale pack). */
  packages: readonly string[];
  localePack: { path: string; package: string };
}

const SPECS: Readonly<Record<BrowserKind, BrowserSpec>> = {
  chromium: {
    label: 'Chromium',
    variables: ['CHROMIUM_PATH', 'CHROME_PATH'],
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    packages: ['chromium'],
    localePack: { path: '/usr/lib/chromium/locales/de.pak', package: 'chromium-l10n' },
  },
  firefox: {
    label: 'Firefox ESR',
    variables: ['FIREFOX_PATH'],
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'],
    packages: ['firefox-esr'],
    localePack: { path: '/usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi', package: 'firefox-esr-l10n-de' },
  },
};

export type Plan =
  | { kind: 'ready'; paths: Partial<Record<BrowserKind, string>> }
  | { kind: 'install'; packages: string[]; command: string[]; line: string }
  | { kind: 'stop'; line: string };

/** The binary of one browser: a set variable must point at one (a wrong one is an error, not ignored). */
export function resolveBrowser(kind: BrowserKind, machine: Machine): { path: string } | { wrong: string } | null {
  const spec = SPECS[kind];
  for (const variable of spec.variables) {
    const value = machine.env[variable];
    if (value === undefined || value === '') continue;
    return machine.executable(value) ? { path: value } : { wrong: `${variable}=${value} is not an executable file: point it at a ${spec.label} binary, or unset it` };
  }
  const found = spec.candidates.find((path) => machine.executable(path));
  return found ? { path: found } : null;
}

/** What to do so that `kinds` can run (with their German locale packs when `german`). */
export function planBrowsers(kinds: readonly BrowserKind[], machine: Machine, options: { german?: boolean } = {}): Plan {
  const paths: Partial<Record<BrowserKind, string>> = {};
  const packages: string[] = [];
  const missing: string[] = [];
  for (const kind of kinds) {
    const spec = SPECS[kind];
    const resolved = resolveBrowser(kind, machine);
    if (resolved && 'wrong' in resolved) return { kind: 'stop', line: resolved.wrong };
    if (resolved) {
      paths[kind] = resolved.path;
      // Debian's own browser without its locale pack: the German run needs it.
      const debianBinary = spec.candidates.includes(resolved.path);
      if (options.german && debianBinary && machine.debian && !machine.exists(spec.localePack.path)) packages.push(spec.localePack.package);
      continue;
    }
    missing.push(spec.label);
    packages.push(...spec.packages, ...(options.german ? [spec.localePack.package] : []));
  }
  if (packages.length === 0) return { kind: 'ready', paths };
  if (machine.debian && machine.canInstall) {
    const command = [...(machine.canInstall === 'sudo' ? ['sudo', '-n'] : []), 'apt-get', 'install', '-y', '-qq', ...packages];
    return { kind: 'install', packages, command, line: `setup: installing ${packages.join(', ')} from Debian (${command.join(' ')})` };
  }
  const install = machine.debian ? `sudo apt-get install ${packages.join(' ')}` : null;
  if (missing.length === 0) {
    return { kind: 'stop', line: `setup: the German test run needs ${packages.join(' and ')}: ${install ?? 'install the browsers’ German language packs'}` };
  }
  const variables = kinds.filter((kind) => !paths[kind]).map((kind) => SPECS[kind].variables[0]).join(' / ');
  return {
    kind: 'stop',
    line: `setup: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing: ${install ? `run "${install}"` : 'install it'}, or set ${variables} to the browser's binary`,
  };
}
