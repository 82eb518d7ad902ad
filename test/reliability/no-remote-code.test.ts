/**
 * Guarantee 13, in the shipped code: the BUILT bundles (.output/chrome-mv3 and
 * .output/firefox-mv3; `npm run build` first, as npm test does) contain no `eval`, no
 * `new Function` / `Function(…)` and load no remote script. The one tolerated hit is zod's
 * guarded probe — `if (config.jitless || …Cloudflare…) return false; try { Function(''); … }
 * catch { … }` — which never runs because zod is configured jitless (checked below, on the
 * same zod instance the code uses). Any other hit, or a second copy of the probe, fails.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from '../../core/zod';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const TARGETS = ['chrome-mv3', 'firefox-mv3'];

/**
 * zod 4's "can this environment eval?" probe as esbuild/rolldown minify it: the jitless check
 * (a minified name for zod's globalConfig), then `Function(``)` inside try/catch. Anchored on
 * both sides so nothing else can hide in it.
 */
const ZOD_PROBE = /if\([\w$]+\.jitless\|\|typeof navigator<`u`&&navigator\?\.userAgent\?\.includes\(`Cloudflare`\)\)return!1;try\{return Function\(``\),!0\}catch\{return!1\}/g;

/** Code from strings, and script loaded from elsewhere. */
const FORBIDDEN: [string, RegExp][] = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['indirect eval', /\(\s*0\s*,\s*eval\s*\)/],
  ['new Function', /new\s+Function\b/],
  ['Function(…)', /(?<![\w$.])Function\s*\(/],
  ['setTimeout/setInterval with code text', /set(?:Timeout|Interval)\s*\(\s*[`'"]/],
  ['importScripts', /importScripts\s*\(/],
  ['import() of a remote address', /import\s*\(\s*[`'"](?:https?:)?\/\//],
  ['a script element made at run time', /createElement\s*\(\s*[`'"]script[`'"]\s*\)/i],
  ['a remote script tag', /<script[^>]*\ssrc\s*=\s*["'`]?(?:https?:)?\/\//i],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every forbidden construct in `source`, after taking out the allowed zod probes. */
export function scan(source: string): { probes: number; hits: string[] } {
  const probes = source.match(ZOD_PROBE)?.length ?? 0;
  const rest = source.replace(ZOD_PROBE, '');
  const hits: string[] = [];
  for (const [name, pattern] of FORBIDDEN) {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const match of rest.matchAll(global)) hits.push(`${name}: …${rest.slice(Math.max(0, match.index - 60), match.index + 60)}…`);
  }
  return { probes, hits };
}

describe('the scanner (it must be able to fail)', () => {
  it.each([
    ['eval', 'var a=1;eval("2+2")'],
    ['indirect eval', 'var r=(0,eval)("x")'],
    ['new Function', 'const f=new Function("a","return a")'],
    ['bare Function', 'return Function("return this")()'],
    ['Function with a template', 'x=Function(`return 1`)'],
    ['string timer', 'setTimeout("alert(1)",10)'],
    ['importScripts', 'importScripts("https://cdn.example/x.js")'],
    ['remote import', 'await import("https://cdn.example/x.js")'],
    ['script element', 'document.createElement(`script`)'],
    ['remote script tag', '<script type="module" src="https://cdn.example/x.js"></script>'],
    ['a second probe with a payload after it', 'if(a.jitless||x)return!1;try{return Function(`alert(1)`),!0}catch{return!1}'],
  ])('catches %s', (_name, source) => {
    expect(scan(source).hits).not.toEqual([]);
  });

  it('lets zod’s probe through, and only it', () => {
    const probe = 'var pe=_(()=>{if(O.jitless||typeof navigator<`u`&&navigator?.userAgent?.includes(`Cloudflare`))return!1;try{return Function(``),!0}catch{return!1}});';
    expect(scan(probe)).toEqual({ probes: 1, hits: [] });
    expect(scan(`${probe}Function("x")`).hits).toHaveLength(1);
    // Words that merely contain the names are not code from strings.
    expect(scan('isFunction(x);t.evaluate(y);"function"==typeof z;node.src=`/chunks/a.js`').hits).toEqual([]);
  });
});

describe.each(TARGETS)('the built %s', (target) => {
  const dir = resolve(OUTPUT, target);
  if (!existsSync(resolve(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run "npm run build" before the unit tests`);
  const code = files(dir).filter((path) => /\.(m?js|html)$/.test(path));

  it('has scripts to scan (background, pages, content scripts)', () => {
    const names = code.map((path) => relative(dir, path));
    expect(names).toEqual(expect.arrayContaining(['background.js', 'popup.html', 'options.html', 'content-scripts/spotify.js', 'content-scripts/imusician.js']));
  });

  it.each(code.map((path) => [relative(dir, path), path]))('%s: no eval, no code from strings, no remote script', (_name, path) => {
    const { probes, hits } = scan(readFileSync(path, 'utf8'));
    expect(hits).toEqual([]);
    // zod is bundled once per entry at most; its probe never reaches a content script.
    expect(probes).toBeLessThanOrEqual(1);
    if (/content-scripts\//.test(path)) expect(probes).toBe(0);
  });

  it('HTML pages load only their own scripts', () => {
    for (const page of code.filter((path) => path.endsWith('.html'))) {
      const sources = [...readFileSync(page, 'utf8').matchAll(/<script\b[^>]*>/g)].map((tag) => /\ssrc="([^"]*)"/.exec(tag[0])?.[1] ?? 'inline');
      for (const source of sources) expect(source, `${relative(dir, page)}`).toMatch(/^\/[\w./-]+\.js$/);
    }
  });

  it('the manifest allows no remote code or eval', () => {
    const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(manifest.content_security_policy ?? {})).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    expect(JSON.stringify(manifest.web_accessible_resources ?? [])).not.toMatch(/https?:/);
  });
});

describe('zod runs jitless', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    z.config({ jitless: true });
  });

  it('core/zod.ts configures the zod instance the code imports', () => {
    expect(z.config().jitless).toBe(true);
  });

  it('a new object schema parses without compiling code (and would compile it if JIT were on)', () => {
    const compiled = vi.spyOn(globalThis, 'Function');
    const schema = z.object({ day: z.string(), value: z.number().int().nonnegative() });
    expect(schema.parse({ day: '2025-03-30', value: 153 })).toEqual({ day: '2025-03-30', value: 153 });
    expect(schema.safeParse({ day: '2025-03-30', value: -1 }).success).toBe(false);
    expect(compiled).not.toHaveBeenCalled();

    // The control: with JIT allowed, the same kind of schema asks for `Function`.
    z.config({ jitless: false });
    const jitted = z.object({ day: z.string(), value: z.number().int().nonnegative() });
    jitted.parse({ day: '2025-03-30', value: 153 });
    expect(compiled).toHaveBeenCalled();
  });
});
