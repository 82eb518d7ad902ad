/** Parses an absolute URL from untrusted input without throwing (at most 4,096 characters). */
export function safeUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
