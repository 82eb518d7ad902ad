/** Text from the history as inert Markdown, for the evidence report (./report.ts, ./weeks.ts). */
import { escapeControls } from '../model/inert';

/**
 * Text from the history (titles, artists: scraped from pages or read from files) as inert
 * Markdown: one line in a code span. GitHub-flavoured renderers turn nothing inside a code span
 * into a link, an autolink (`https://…`, `www.…`, e-mail addresses), a @mention, an issue
 * reference (#123, GH-1, owner/repo#1), HTML, emphasis or a heading, and they link text after
 * resolving backslash escapes, so escaping alone cannot keep a bare URL dead; a code span can.
 * The fence is one backtick longer than the longest run inside, padded with a space where the
 * text starts or ends with a backtick. Whitespace becomes single spaces; control characters
 * and bidi overrides are written as `\uXXXX` (core/model/inert.ts). Not for table cells (a `|`
 * would still split the cell): those hold only figures and our own names.
 */
export function markdownText(text: string): string {
  const flat = escapeControls(text.replace(/\s+/g, ' ').trim());
  if (flat === '') return '';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
