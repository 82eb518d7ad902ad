/**
 * Text-level redaction, applied to every string that a page sample keeps (track titles,
 * addresses, keys, diagnostics): e-mail addresses and long opaque tokens are replaced
 * wherever they appear inside the text. Over-redaction is the safe side: an "@handle" or a
 * 30-letter compound word is also replaced.
 */

/** Any run of non-space characters that contains an "@": every e-mail address is one. */
const EMAIL_LIKE = /[^\s@]*@[^\s]*/g;
/** JWT-like: three (or two) base64url parts starting with the `{"` header. */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?/g;
/** Opaque tokens: 24 or more characters of base64 / base64url / hex in one run. */
const TOKEN_LIKE = /[A-Za-z0-9+/=_-]{24,}/g;

const EMAIL_MARK = '<email>';
const TOKEN_MARK = '<token>';

export function scrubText(text: string): string {
  // Long runs first, so a JWT match can never cut a planted token in two and leave half.
  return text.replace(EMAIL_LIKE, EMAIL_MARK).replace(TOKEN_LIKE, TOKEN_MARK).replace(JWT_LIKE, TOKEN_MARK);
}

/** Scrubbed and cut to `max` characters (cut after scrubbing, so no half token survives). */
export function scrubLine(text: string, max: number): string {
  const scrubbed = scrubText(text);
  return scrubbed.length > max ? `${scrubbed.slice(0, max)}…` : scrubbed;
}
