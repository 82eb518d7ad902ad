/**
 * Bytes → text for report files. Distributors' exports come as UTF-8, UTF-8 with a BOM, or
 * Latin-1 / windows-1252 (core/sources/reports/README.md: iMusician, DistroKid); Excel's "Unicode text" is
 * UTF-16 with a BOM. Line ends are left alone here: `parseDelimited` accepts CR, LF and CRLF.
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Decodes a text report: a BOM decides when there is one; otherwise UTF-8 when the bytes are
 * valid UTF-8, else windows-1252 (a superset of Latin-1 for printable text, and what
 * spreadsheet programs on Windows write). Never throws: windows-1252 decodes any byte.
 */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    // ignoreBOM keeps a second BOM as text instead of silently eating it; fatal makes
    // invalid sequences throw, which is how we know the file is not UTF-8.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return repairC1(new TextDecoder('windows-1252').decode(body));
  }
}

/**
 * windows-1252 bytes 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ), in
 * order; the five bytes windows-1252 leaves undefined keep their C1 code point (as WHATWG says).
 */
const WINDOWS_1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, leaving 0x80–0x9F as C1
 * control characters (browsers follow the WHATWG table). Text never holds C1 controls, so
 * mapping them through the table is right in both places.
 */
function repairC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]!);
}
