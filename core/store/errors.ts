/**
 * Store failures in words the artist can act on. IndexedDB's own errors ("AbortError",
 * "QuotaExceededError", "InvalidStateError") mean nothing on screen; the UI shows `message`.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    /** The IndexedDB error name behind it, when there is one (for diagnostics). */
    readonly code: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function errorName(error: unknown): string | null {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return null;
}

/** Wraps an IndexedDB failure; our own errors (already worded) pass through unchanged. */
export function toStoreError(error: unknown, whatFailed: string): Error {
  if (error instanceof StoreError) return error;
  const name = errorName(error);
  const detail = error instanceof Error || (error && typeof error === 'object' && 'message' in error) ? String((error as { message: unknown }).message) : String(error);
  switch (name) {
    case 'QuotaExceededError':
      return new StoreError(`${whatFailed}: the browser has no more storage space for Crosscount; nothing from this write was saved`, name, { cause: error });
    case 'InvalidStateError':
    case 'UnknownError':
      return new StoreError(
        `${whatFailed}: the browser's database is not available (Firefox set to "never remember history", or storage being cleared)`,
        name,
        { cause: error },
      );
    // TransactionInactiveError: a request refused because the transaction already ended,
    // i.e. it was cut off midway.
    case 'AbortError':
    case 'TransactionInactiveError':
      return new StoreError(`${whatFailed}: the write was interrupted and undone; nothing from it was saved`, name, { cause: error });
    case 'VersionError':
      return new StoreError(`${whatFailed}: the database was written by a newer version of Crosscount`, name, { cause: error });
    default:
      // Errors of our own making (bad reading, unknown track reference) keep their wording.
      if (name === null || name === 'Error' || name === 'TypeError' || name === 'RangeError') return error instanceof Error ? error : new Error(detail);
      return new StoreError(`${whatFailed}: ${name}: ${detail}`, name, { cause: error });
  }
}
