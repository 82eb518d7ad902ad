/**
 * A reader's saved text as the English the CLI and the en catalog phrase (docs/i18n.md), so a
 * test can state what the artist reads in English whatever the text's key and values are.
 */
import { englishMessage } from '../../core/i18n/english';
import type { Message, SavedText } from '../../core/i18n/message';

export function said(text: SavedText): string;
export function said(text: SavedText | null | undefined): string | null | undefined;
export function said(text: SavedText | null | undefined): string | null | undefined {
  return text === null || text === undefined || typeof text === 'string' ? text : englishMessage(text);
}

function isMessage(value: unknown): value is { key: string; params?: Record<string, unknown> } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return typeof (value as { key?: unknown }).key === 'string' && keys.every((name) => name === 'key' || name === 'params');
}

/** `value` with every message in it (a reason, a note, a check) phrased in English, for matching what a reader said. */
export function inEnglish<T>(value: T): T {
  if (isMessage(value)) return englishMessage(value as Message) as T;
  if (Array.isArray(value)) return value.map(inEnglish) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, inEnglish(item)])) as T;
  }
  return value;
}
