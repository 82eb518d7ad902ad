/**
 * Text from pages and files (titles, artists, file names) made inert for the places it is
 * shown raw: a terminal (the CLI) and Markdown files (the evidence report). Everything from a
 * page or a file is untrusted (docs/architecture.md).
 *
 * Unsafe here: C0 controls but tab and line feed (ESC starts the terminal's ANSI sequences,
 * carriage return and backspace overwrite what was printed), DEL, C1 controls (U+009B is a
 * one-character CSI in some terminals), the line and paragraph separators, and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source" text that
 * reads differently from what it is). Bidi marks (LRM, RLM, ALM) only nudge neutral
 * characters and stay, as does the zero-width joiner of emoji sequences.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** True when `text` holds a character escapeControls would replace. */
export function hasUnsafeControls(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * Each unsafe character as the six visible characters `\uXXXX` (upper-case hex). Inside a JSON
 * string that is the same value, so JSON output stays valid and equal; in plain text the
 * character is shown, never obeyed.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
