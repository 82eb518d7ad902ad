/**
 * Readings that wait for the page to render what they are checked against (see
 * core/sources/spotify/page-check.ts, core/page-check/): asked again every PAGE_CHECK_EVERY_MS
 * while the check answers `not-yet`, and once with `final` after PAGE_CHECK_WAIT_MS or when the
 * visit ends. A check answers at once (Spotify's, in this script) or later (the distributors',
 * compared in the background: lib/distributor-page-check.ts); an item is never asked twice at
 * the same time. Its own module, so a site without a page check does not carry it.
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

interface Waiting<Outcome> {
  outcome: Outcome;
  path: string;
  /** When the last attempt is due; 0 once the visit ended. */
  until: number;
  /** An answer is on its way. */
  busy: boolean;
}

export function createPageCheckQueue<Outcome extends ReaderOutcome>(
  ctx: ContentScriptContext,
  check: (outcome: Outcome, final: boolean) => PageCheckStep<Outcome> | Promise<PageCheckStep<Outcome>>,
  record: (outcome: ReaderOutcome, path: string) => void,
): PageCheckQueue<Outcome> {
  let waiting: Waiting<Outcome>[] = [];
  let timer: number | null = null;

  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = waiting.some((item) => !item.busy) ? ctx.setTimeout(() => settle(false), PAGE_CHECK_EVERY_MS) : null;
  }

  function finish(item: Waiting<Outcome>, outcome: ReaderOutcome): void {
    waiting = waiting.filter((each) => each !== item);
    record(outcome, item.path);
  }

  function conclude(item: Waiting<Outcome>, step: PageCheckStep<Outcome>, last: boolean): void {
    if (step.status === 'not-yet' && !last) {
      // The visit ended while this answer was on its way: one last attempt now.
      if (item.until === 0) attempt(item, true);
      else schedule();
      return;
    }
    finish(item, step.status === 'checked' ? { ...step.outcome, check: step.check } : item.outcome);
  }

  /** An answer now or later; a later one that never comes (the background restarting) records the reading unchecked, as a page without a check is. */
  function take(item: Waiting<Outcome>, step: PageCheckStep<Outcome> | Promise<PageCheckStep<Outcome>>, last: boolean): void {
    if (!(step instanceof Promise)) return conclude(item, step, last);
    item.busy = true;
    step.then(
      (answer) => {
        item.busy = false;
        conclude(item, answer, last);
      },
      // Gone from the queue with it: no need to mark it idle.
      () => finish(item, item.outcome),
    );
  }

  function attempt(item: Waiting<Outcome>, last: boolean): void {
    take(item, check(item.outcome, last), last);
  }

  function settle(final: boolean): void {
    for (const item of [...waiting]) {
      if (final) item.until = 0;
      if (!item.busy) attempt(item, Date.now() >= item.until);
    }
    schedule();
  }

  return {
    offer(outcome) {
      const step = check(outcome, false);
      if (!(step instanceof Promise) && step.status === 'none') return false;
      const item: Waiting<Outcome> = { outcome, path: location.pathname, until: Date.now() + PAGE_CHECK_WAIT_MS, busy: false };
      waiting.push(item);
      // A later 'none' (nothing to compare) records the reading as it is: conclude does.
      take(item, step, false);
      return true;
    },
    flush() {
      if (waiting.length > 0) settle(true);
    },
  };
}
