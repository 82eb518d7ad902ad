/**
 * Readings that wait for the page to render what they are checked against (see
 * core/sources/spotify/page-check.ts, core/page-check/distributor-check.ts): asked again every PAGE_CHECK_EVERY_MS while the check
 * answers `not-yet`, and once with `final` after PAGE_CHECK_WAIT_MS or when the visit ends.
 * Its own module, so a site without a page check does not carry it.
 */
import type { Message } from '../core/i18n/message';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ReaderOutcome } from './reading-session';

const PAGE_CHECK_WAIT_MS = 3000;
const PAGE_CHECK_EVERY_MS = 250;

/** One attempt at checking a reading against the page. */
export type PageCheckStep<Outcome> =
  | { status: 'none' }
  | { status: 'not-yet' }
  | { status: 'checked'; outcome: Outcome; check: Message };

export interface PageCheckQueue<Outcome> {
  /** False when the outcome needs no check (the caller records it now). */
  offer(outcome: Outcome): boolean;
  /** Checks everything still waiting against the page as it is now (the visit ends). */
  flush(): void;
}

export function createPageCheckQueue<Outcome extends ReaderOutcome>(
  ctx: ContentScriptContext,
  check: (outcome: Outcome, final: boolean) => PageCheckStep<Outcome>,
  record: (outcome: ReaderOutcome, path: string) => void,
): PageCheckQueue<Outcome> {
  let waiting: Array<{ outcome: Outcome; path: string; until: number }> = [];
  let timer: number | null = null;
  const done = (step: PageCheckStep<Outcome>, outcome: Outcome, path: string) => record(step.status === 'checked' ? { ...step.outcome, check: step.check } : outcome, path);

  function settle(final: boolean): void {
    const still: typeof waiting = [];
    for (const item of waiting) {
      const last = final || Date.now() >= item.until;
      const step = check(item.outcome, last);
      if (step.status === 'not-yet' && !last) still.push(item);
      else done(step, item.outcome, item.path);
    }
    waiting = still;
    if (timer !== null) clearTimeout(timer);
    timer = waiting.length > 0 ? ctx.setTimeout(() => settle(false), PAGE_CHECK_EVERY_MS) : null;
  }

  return {
    offer(outcome) {
      const step = check(outcome, false);
      if (step.status === 'none') return false;
      if (step.status === 'checked') done(step, outcome, location.pathname);
      else {
        waiting.push({ outcome, path: location.pathname, until: Date.now() + PAGE_CHECK_WAIT_MS });
        timer ??= ctx.setTimeout(() => settle(false), PAGE_CHECK_EVERY_MS);
      }
      return true;
    },
    flush() {
      if (waiting.length > 0) settle(true);
    },
  };
}
