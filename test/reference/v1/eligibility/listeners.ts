/**
 * The listener side of eligibility. Spotify also requires a minimum number of unique
 * listeners that it does not publish (docs/domain.md), so streams alone can never prove a
 * recording earns. An artist may set an assumed minimum; the check is then an assumption,
 * and every message says so.
 */
import type { WindowTotal } from './series';

export const UNPUBLISHED_LISTENER_MINIMUM_CAVEAT =
  'Spotify also requires a minimum number of unique listeners in the last 12 months, which it does not publish: this check counts streams only.';

export type ListenerCheck = 'not-set' | 'unknown' | 'meets' | 'below';

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

const count = (value: number) => value.toLocaleString('en-US');

/** Caveats about listeners: always the unpublished minimum, then the assumed check if set. */
export function listenerCaveats(listeners12m: number | null, assumedMinimum: number | null | undefined, countedVersions: number): string[] {
  const caveats = [UNPUBLISHED_LISTENER_MINIMUM_CAVEAT];
  if (listeners12m !== null && countedVersions > 1) {
    caveats.push(`Unique listeners are not added up across the tracks of this ISRC (one person can play both); the largest count, ${count(listeners12m)}, is shown.`);
  }
  const minimum = assumedMinimum ?? null;
  switch (listenerCheck(listeners12m, minimum)) {
    case 'not-set':
      break;
    case 'unknown':
      caveats.push(`Assumption (your setting): a minimum of ${count(minimum!)} unique listeners. It cannot be checked: no 12-month listener count from Spotify for Artists has been read.`);
      break;
    case 'meets':
      caveats.push(`Assumption (your setting): a minimum of ${count(minimum!)} unique listeners. ${count(listeners12m!)} listeners in the last 12 months meet it.`);
      break;
    case 'below':
      caveats.push(`Assumption (your setting): a minimum of ${count(minimum!)} unique listeners. ${count(listeners12m!)} listeners in the last 12 months are below it, so the recording may not earn even with enough streams.`);
      break;
  }
  return caveats;
}
