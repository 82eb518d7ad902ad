/**
 * Which rows are streams. Only streams become `streams_month` observations: downloads and
 * other purchases are sales of a file, and YouTube monetisation / Content ID are ad revenue
 * from videos, neither of which S4A or a distributor's stream trends count (docs/domain.md).
 *
 * The rule is positive: a row counts only when its type says "stream". A type we recognise as
 * something else is skipped; a type we do not recognise at all refuses the file (naming the
 * row, column and value), because silently skipping or counting it could both be wrong and
 * the artist would never know. Each format's file says which column holds the type.
 */

export type RowKind = 'stream' | 'not-stream';

const MONETISATION = /monetis|monetiz|content\s*-?\s*id|\bugc\b/;
const NOT_STREAM = /download|purchase|\bsales?\b|ringtone|ringback|physical|\bcd\b|vinyl|cassette|video|\bsync\b|licen[cs]|bundle|\balbum\b/;

/** The kind of a transaction / sales type cell, or null when the value is not recognised. */
export function transactionKind(value: string): RowKind | null {
  const lower = value.trim().toLowerCase();
  if (MONETISATION.test(lower)) return 'not-stream';
  if (/stream/.test(lower)) return 'stream';
  if (NOT_STREAM.test(lower)) return 'not-stream';
  return null;
}
