/** Saving a file from the page: a Blob URL on a temporary `<a download>`, then released. */

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "crosscount-history-2025-04-20.json". */
export function exportFileName(now: Date, extension: 'json' | 'csv'): string {
  return `crosscount-history-${now.toISOString().slice(0, 10)}.${extension}`;
}
