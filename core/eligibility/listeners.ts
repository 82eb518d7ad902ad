/**
 * The listener side of eligibility. Spotify also requires a minimum number of unique
 * listeners that it does not publish (docs/domain.md), so streams alone can never prove a
 * recording earns. An artist may set an assumed minimum; the check is then an assumption,
 * and every message says so.
 */
import type { WindowTotal } from './series';
import { englishMessage } from '../i18n/english';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';

const UNPUBLISHED_LISTENER_MINIMUM: Message = message('caveatListenerMinimum');
/** The same caveat in English (the CLI's note). */
export const UNPUBLISHED_LISTENER_MINIMUM_CAVEAT = /* @__PURE__ */ englishMessage(UNPUBLISHED_LISTENER_MINIMUM);

type ListenerCheck = 'not-set' | 'unknown' | 'meets' | 'below';

/** The outcome of the artist's assumed minimum; 'not-set' without one, 'unknown' without a count. */
export function listenerCheck(listeners12m: number | null, assumedMinimum: number | null | undefined): ListenerCheck {
  if (assumedMinimum === null || assumedMinimum === undefined) return 'not-set';
  if (listeners12m === null) return 'unknown';
  return listeners12m >= assumedMinimum ? 'meets' : 'below';
}

/**
 * A recording's 12-month unique listeners from its tracks' S4A counts. Listeners are never
 * summed (the same person can play the single and the album version), so the largest count is
 * the best lower bound for the recording.
 */
export function recordingListeners(totals: ReadonlyArray<WindowTotal | null>): number | null {
  let best: number | null = null;
  for (const total of totals) if (total && (best === null || total.value > best)) best = total.value;
  return best;
}

/** Caveats about listeners: always the unpublished minimum, then the assumed check if set. */
export function listenerCaveats(listeners12m: number | null, assumedMinimum: number | null | undefined, countedVersions: number): Message[] {
  const caveats = [UNPUBLISHED_LISTENER_MINIMUM];
  if (listeners12m !== null && countedVersions > 1) caveats.push(message('caveatListenersNotSummed', { listeners: listeners12m }));
  const minimum = assumedMinimum ?? null;
  switch (listenerCheck(listeners12m, minimum)) {
    case 'not-set':
      break;
    case 'unknown':
      caveats.push(message('caveatAssumedUnknown', { minimum: minimum! }));
      break;
    case 'meets':
      caveats.push(message('caveatAssumedMeets', { minimum: minimum!, listeners: listeners12m! }));
      break;
    case 'below':
      caveats.push(message('caveatAssumedBelow', { minimum: minimum!, listeners: listeners12m! }));
      break;
  }
  return caveats;
}
