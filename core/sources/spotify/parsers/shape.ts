/**
 * The shape checks the parsers need, by hand rather than with zod: these parsers ship in the
 * Spotify for Artists content script, where zod (even zod/mini) would be a quarter of its
 * size. Each check accepts exactly what the zod schema it replaced accepted on a JSON body
 * (`z.looseObject`, `z.array(z.unknown())`, `z.string()` with a length range, `z.record`).
 */

/** A JSON object's fields: what z.looseObject accepts (an object, not null, not an array). */
type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when `value` is an object whose `key` is an array, else undefined. */
export function arrayIn(value: unknown, key: string): unknown[] | undefined {
  if (!isFields(value)) return undefined;
  const field = value[key];
  return Array.isArray(field) ? field : undefined;
}

/** A string of `min` to `max` UTF-16 code units (zod's `.min()` / `.max()` count the same way). */
export function isText(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

/** Every element passes `check` (z.array of that element schema). */
export function everyItem(items: readonly unknown[], check: (item: unknown) => boolean): boolean {
  for (const item of items) if (!check(item)) return false;
  return true;
}
