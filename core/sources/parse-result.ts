/**
 * What a dashboard reader makes of one data response or page part, the same for every site so
 * the content script and the reading session treat them alike (lib/reading-session.ts).
 */
import type { ReadingObservation, TrackRef } from '../messaging/reading';

import { clipMessage, type Message } from '../i18n/message';
import { message } from '../i18n/typed';

export interface ParseResult<Kind extends string, Context> {
  /** A stable shape name, or why none matched ('unknown-path', 'unknown-shape'). */
  kind: Kind;
  /** False when the path is unknown or the body does not have the expected shape. */
  recognised: boolean;
  /** Recognised, but some points were refused (bad count or day): the rest is kept. */
  partial: boolean;
  /** One line: why not recognised, or what was refused when partial; null otherwise. A message (docs/i18n.md), never words. */
  reason: Message | null;
  /** One line: what a recognised response leaves out on purpose (totals, countries …); else null. */
  note: Message | null;
  tracks: TrackRef[];
  observations: ReadingObservation[];
  /** Points refused (not a whole number ≥ 0, not a calendar day, conflicting values). */
  rejected: number;
  /** Points for days that are not final yet: not stored (each reader says which). */
  heldBack: number;
  /** What carries over to the next response of the same visit. */
  context: Context;
}

export function emptyParseResult<Kind extends string, Context>(kind: Kind, context: Context): ParseResult<Kind, Context> {
  return { kind, recognised: true, partial: false, reason: null, note: null, tracks: [], observations: [], rejected: 0, heldBack: 0, context };
}

/** "Token expired", "PERMISSION_DENIED": short words that are safe to repeat in a diagnostic; anything else is left out. */
export function textToken(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return /^[A-Za-z][A-Za-z0-9 _.:-]{0,39}$/.test(trimmed) ? trimmed : null;
}

/** "HTTP 429 rate limit", "HTTP 401 not signed in or not allowed, \"Token expired\"": a status that brought no data. */
export function httpProblem(status: unknown, text?: string | null): Message {
  // A status is a code, not a count: never grouped ("HTTP 429").
  const code = typeof status === 'number' ? String(status) : String(status).slice(0, 10);
  const problem = status === 429 ? message('readerHttpRateLimit', { status: code }) : status === 401 || status === 403 ? message('readerHttpNotAllowed', { status: code }) : message('readerHttpStatus', { status: code });
  const token = textToken(text);
  return token ? message('readerHttpWithText', { problem: { text: problem }, token }) : problem;
}

/** Not recognised, with the reason in one line (never a guess, never 0 or NaN). */
export function unrecognisedResult<Kind extends string, Context>(kind: Kind, reason: Message, context: Context): ParseResult<Kind, Context> {
  return { ...emptyParseResult(kind, context), recognised: false, reason: clipMessage(reason, 300) };
}
