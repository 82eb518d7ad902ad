/**
 * Polite announcements (docs/ui.md: updates announced without stealing focus). The region is in
 * the page from the start, as screen readers only announce changes to a region they know.
 */
import { useCallback, useState } from 'preact/hooks';

export function LiveRegion({ message }: { message: string }) {
  return (
    <p class="cc-visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {message}
    </p>
  );
}

/** [the current message, announce]: the same text twice is still announced (a counter). */
export function useAnnouncer(): [string, (message: string) => void] {
  const [state, setState] = useState({ message: '', count: 0 });
  const announce = useCallback((message: string) => {
    // A zero-width space alternates so a repeated message is a change the reader announces.
    setState((previous) => ({ message: previous.count % 2 === 0 ? message : `${message}\u200b`, count: previous.count + 1 }));
  }, []);
  return [state.message, announce];
}
