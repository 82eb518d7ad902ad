/**
 * A comparison or eligibility result without the additive message data (docs/i18n.md): each
 * reason as `{ code, level, message }` and no `caveatMessages`, i.e. what the row-by-row
 * reference core (test/reference/v1) returns. The English `message`s must still be equal.
 */
export function withoutMessageData<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, entry: unknown) => {
      if (key === 'caveatMessages') return undefined;
      if (entry && typeof entry === 'object' && 'code' in entry && 'level' in entry && 'message' in entry) {
        const { code, level, message } = entry as { code: unknown; level: unknown; message: unknown };
        return { code, level, message };
      }
      return entry;
    }),
  ) as T;
}
