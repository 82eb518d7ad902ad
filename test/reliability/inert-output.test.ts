/**
 * Inert output everywhere (test/reliability/README.md): the evidence Markdown, rendered as
 * GitHub renders it, holds no link, autolink, mention, issue reference, HTML or structure that
 * came from page-derived text; no control character reaches the Markdown or the terminal raw.
 *
 * The renderer is micromark with micromark-extension-gfm, which matches github.com's
 * parse-time GFM (autolink literals for `https://…`, `www.…` and e-mail addresses, tables,
 * strikethrough), with raw HTML let through (allowDangerousHtml) so that any HTML we wrote
 * would show. github.com also links at transform time, on text after escapes are resolved
 * (URLs, @mentions, #123, GH-1, owner/repo#1): those are checked on the rendered text outside
 * code spans, where such a pass would run.
 */
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { evidenceReport, markdownText } from '../../core/evidence/index';
import { writeHistoryFile } from '../../core/history/write';
import { addDays } from '../../core/model/day';
import type { History } from '../../core/model/history';
import { escapeControls, hasUnsafeControls } from '../../core/model/inert';
import { endOfPlan, syntheticHistory, type TrackPlan } from '../unit/compare/synthetic';
import { memoryIO } from '../unit/cli/memory-io';

const START = '2025-02-03';
const PLAN: TrackPlan = { id: 't-1', isrc: 'CHXXX2400001', title: 'Glacier Lights', start: START, days: 42, mean: 600, distributors: [{ ratio: 0.9, incidents: { 20: 0.3 } }] };
const AS_OF = endOfPlan(PLAN);
const BASE = syntheticHistory([PLAN], 4);
const DAYS = [addDays(START, 20), addDays(START, 21)];

/** Pieces a hostile page could put in a title or an artist name. */
const HOSTILE_PIECES = [
  'https://evil.example/pay?x=1',
  'http://a.b',
  'HTTPS://EVIL.EXAMPLE',
  'ftp://x.example',
  'mailto:a@b.example',
  'xmpp:a@b.example',
  'www.evil.example',
  'WWW.x.org/path',
  'support@imusician.example',
  'a.b+c@d-e.example.org',
  '@octocat',
  '@org/team',
  '#123',
  '#1',
  'GH-42',
  'gh-7',
  'owner/repo#12',
  'owner/repo@a5c3785ed8d6a35868bc169f07e40e889087fd2e',
  'a5c3785ed8d6a35868bc169f07e40e889087fd2e',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="https://x.example">x</a>',
  '</code>',
  '<!-- c -->',
  '&lt;b&gt;',
  '&#x3C;i>',
  '[link](https://e.example)',
  '![img](https://e.example/i.png)',
  '[ref]: https://e.example',
  '<https://e.example>',
  '**bold**',
  '_em_',
  '~~strike~~',
  '| cell | cell |',
  '|---|',
  '\n# Heading\n',
  '\n- item\n',
  '\n---\n',
  '\n> quote\n',
  '\n```\ncode\n```\n',
  '    indented',
  '`',
  '``',
  '```',
  '\\',
  '\\`',
  ':tada:',
  '\u001b[31mRED\u001b[0m',
  '\u001b]8;;https://e.example\u0007link\u001b]8;;\u0007',
  '\u009b2J',
  '\u202Eevil\u202C',
  '\u2066isolate\u2069',
  '\r',
  '\b\b\b',
  '\u0000',
  '\u007f',
  '\u2028',
  'Glacier',
  ' ',
  'Zürich — ünïcode 👨‍👩‍👧',
];

const hostileText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }), { minLength: 1, maxLength: 8 })
  .map((pieces) => pieces.join(''));

function withNames(history: History, title: string, artists: string[]): History {
  return { ...history, tracks: history.tracks.map((track) => ({ ...track, title, artists })) };
}

function render(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
}

/** The elements the report's own Markdown makes; page text may add none. */
const REPORT_ELEMENTS = new Set(['h1', 'h2', 'h3', 'p', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'hr']);

const decode = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The rendered text outside code spans: where github.com's transform-time linking runs. */
function textOutsideCode(html: string): string {
  return decode(html.replace(/<code>[\s\S]*?<\/code>/g, ' ').replace(/<[^>]*>/g, ' '));
}

/** Everything github.com would link or mention in text (URLs, www., e-mail, @, #123, GH-1, owner/repo#1). */
const LIVE_IN_TEXT: [string, RegExp][] = [
  ['a URL', /[a-z][a-z0-9+.-]*:\/\//i],
  ['a scheme link', /\b(mailto|xmpp):/i],
  ['a www. host', /www\./i],
  ['an e-mail address or @mention', /@/],
  ['an issue reference', /#\d/],
  ['a GH- reference', /\bGH-\d/i],
];

function expectInert(markdown: string, html: string): void {
  expect(hasUnsafeControls(markdown)).toBe(false);
  const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1]!.toLowerCase()));
  for (const tag of tags) expect(REPORT_ELEMENTS, `<${tag}> in the rendered report`).toContain(tag);
  expect(html).not.toMatch(/<a[\s>]/);
  const text = textOutsideCode(html);
  for (const [what, pattern] of LIVE_IN_TEXT) expect(text, `${what} outside code`).not.toMatch(pattern);
}

/** Tag sequence: the report's structure (headings, lists, tables) without the text in it. */
const structure = (html: string) => [...html.matchAll(/<\/?[a-z0-9]+/g)].map((match) => match[0]).join('');

/** What a code span shows of page text: whitespace collapsed, controls written out. */
const shown = (text: string) => escapeControls(text.replace(/\s+/g, ' ').trim());

describe('the evidence Markdown is inert under GitHub-flavoured rendering', () => {
  const benign = render(evidenceReport(withNames(BASE, 'Glacier Lights', ['Nora Vell']), { isrc: PLAN.isrc!, asOf: AS_OF, days: DAYS }));

  it('a fixed set of hostile titles and artists: no link, HTML, mention, reference or extra structure; the text is all there', () => {
    for (const piece of HOSTILE_PIECES) {
      const title = `Song ${piece} end`;
      const markdown = evidenceReport(withNames(BASE, title, [piece, `feat. ${piece}`]), { isrc: PLAN.isrc!, asOf: AS_OF, days: DAYS });
      const html = render(markdown);
      expectInert(markdown, html);
      expect(structure(html)).toBe(structure(benign));
      const heading = /<h1>[^<]*<code>([\s\S]*?)<\/code>/.exec(html)?.[1];
      expect(heading === undefined ? undefined : decode(heading)).toBe(shown(title));
    }
  });

  it('random hostile titles and artists (property)', () => {
    fc.assert(
      fc.property(hostileText, fc.array(hostileText, { maxLength: 3 }), (title, artists) => {
        const markdown = evidenceReport(withNames(BASE, title, artists), { isrc: PLAN.isrc!, asOf: AS_OF, days: DAYS });
        const html = render(markdown);
        expectInert(markdown, html);
        // A whitespace-only title reads "Untitled"; otherwise it is the heading's code span, whole.
        if (shown(title) !== '') expect(decode(/<h1>[^<]*<code>([\s\S]*?)<\/code>/.exec(html)![1]!)).toBe(shown(title));
        // The artist line is there when the joined names show anything (", " alone does).
        const hasArtistLine = shown(artists.join(', ')) !== '';
        expect(structure(html)).toBe(structure(render(evidenceReport(withNames(BASE, 'Glacier Lights', hasArtistLine ? ['Nora Vell'] : []), { isrc: PLAN.isrc!, asOf: AS_OF, days: DAYS }))));
      }),
      { numRuns: 300 },
    );
  });

  it('hostile recipe names (a shared recipe file names its recipe): inert, and shown whole in the provenance line', () => {
    const readings = [...new Set(BASE.observations.filter((obs) => obs.source === 'imusician').map((obs) => obs.observedAt))];
    for (const piece of HOSTILE_PIECES) {
      const name = `DK ${piece}`;
      const history: History = { ...BASE, provenance: readings.map((observedAt) => ({ source: 'imusician', observedAt, recipe: 'r-hostile0001', recipeName: name, origin: 'imported' as const })) };
      const markdown = evidenceReport(history, { isrc: PLAN.isrc!, asOf: AS_OF, days: DAYS });
      const html = render(markdown);
      expectInert(markdown, html);
      const line = html.split('\n').find((each) => each.includes('by the recipe'))!;
      expect(decode(/<code>([\s\S]*?)<\/code>/.exec(line)![1]!)).toBe(shown(name));
    }
  });

  it('control: without the code span a bare URL, a mention and HTML would be live', () => {
    const raw = render('# Stream counts: https://evil.example @octocat <img src=x> (ISRC X)');
    expect(raw).toMatch(/<a href="https:\/\/evil.example">/);
    expect(raw).toContain('<img src=x>');
    expect(textOutsideCode(raw)).toMatch(/@/);
    expect(render(`# ${markdownText('https://evil.example @octocat <img src=x>')}`)).not.toMatch(/<a|<img/);
  });
});

describe('no control character reaches the terminal raw', () => {
  const hostile = 'Glacier \u001b[2J\u001b[31mRED\u001b[0m \u009b2J \u202Egnp.exe\u202C \r\u0007';
  const history = withNames(BASE, hostile, [`Nora \u001b]0;pwned\u0007Vell`]);
  const file = writeHistoryFile(history, new Date(AS_OF));

  it.each([
    ['compare', ['compare', 'h.json', '--as-of', AS_OF]],
    ['compare --json', ['compare', 'h.json', '--as-of', AS_OF, '--json']],
    ['eligibility', ['eligibility', 'h.json', '--as-of', AS_OF.slice(0, 10)]],
    ['eligibility --json', ['eligibility', 'h.json', '--as-of', AS_OF.slice(0, 10), '--json']],
    ['evidence', ['evidence', 'h.json', '--isrc', PLAN.isrc!, '--days', DAYS.join(',')]],
  ])('%s: titles with ANSI escapes, C1 and bidi overrides are printed as \\uXXXX', async (_, argv) => {
    const io = memoryIO({ 'h.json': file }, new Date(AS_OF));
    expect(await main(argv, io.io)).toBe(0);
    const out = io.stdout();
    expect(hasUnsafeControls(out)).toBe(false);
    expect(out).toContain('Glacier');
    if (argv.includes('--json')) {
      // The same values: \uXXXX is the character in JSON.
      expect(JSON.stringify(JSON.parse(out))).toContain(JSON.stringify(hostile).slice(1, -1));
    } else {
      expect(out).toContain('\\u001B[31mRED');
    }
  });

  it('an error naming a hostile file name stays inert', async () => {
    const io = memoryIO({});
    expect(await main(['compare', 'evil\u001b[2J\u202E.json'], io.io)).toBe(1);
    expect(hasUnsafeControls(io.stderr())).toBe(false);
    expect(io.stderr()).toContain('evil\\u001B[2J\\u202E.json');
  });
});
