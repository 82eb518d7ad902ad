import { describe, expect, it } from 'vitest';
import { eligibility, listenerCheck, UNPUBLISHED_LISTENER_MINIMUM_CAVEAT } from '../../../core/eligibility';
import { history, s4a, steady, track } from './fixtures';

const ISRC = 'CHXXX2400001';
const streams = steady('t-1', '2025-01-01', '2025-06-14', 8);

describe('listeners', () => {
  it('always carries the unpublished-minimum caveat; listeners12m is null when not read', () => {
    const [entry] = eligibility(history([track('t-1', ISRC)], streams), { asOfDay: '2025-06-15' }).tracks;
    expect(entry!.listeners12m).toBeNull();
    expect(entry!.caveats).toContain(UNPUBLISHED_LISTENER_MINIMUM_CAVEAT);
  });

  it('shows the latest S4A 12-month listener count up to the asOf day', () => {
    const observations = [...streams, s4a('t-1', '2025-05-31', 310, 'listeners_12m'), s4a('t-1', '2025-06-14', 334, 'listeners_12m'), s4a('t-1', '2025-06-30', 350, 'listeners_12m')];
    const [entry] = eligibility(history([track('t-1', ISRC)], observations), { asOfDay: '2025-06-15' }).tracks;
    expect(entry!.listeners12m).toBe(334);
  });

  it('takes the largest count of the tracks of an ISRC, never their sum', () => {
    const observations = [...streams, s4a('t-1', '2025-06-14', 334, 'listeners_12m'), s4a('t-2', '2025-06-14', 120, 'listeners_12m')];
    const [entry] = eligibility(history([track('t-1', ISRC), track('t-2', ISRC)], observations), { asOfDay: '2025-06-15' }).tracks;
    expect(entry!.listeners12m).toBe(334);
    expect(entry!.caveats.some((caveat) => caveat.startsWith('Unique listeners are not added up'))).toBe(true);
  });

  it.each([
    [null, 334, 'not-set', undefined],
    [300, 334, 'meets', 'Assumption (your setting): a minimum of 300 unique listeners. 334 listeners in the last 12 months meet it.'],
    [
      1000,
      334,
      'below',
      'Assumption (your setting): a minimum of 1,000 unique listeners. 334 listeners in the last 12 months are below it, so the recording may not earn even with enough streams.',
    ],
    [300, null, 'unknown', 'Assumption (your setting): a minimum of 300 unique listeners. It cannot be checked: no 12-month listener count from Spotify for Artists has been read.'],
  ] as const)('assumed minimum %s with %s listeners: %s', (minimum, listeners, check, caveat) => {
    expect(listenerCheck(listeners, minimum)).toBe(check);
    const observations = listeners === null ? streams : [...streams, s4a('t-1', '2025-06-14', listeners, 'listeners_12m')];
    const [entry] = eligibility(history([track('t-1', ISRC)], observations), { asOfDay: '2025-06-15', assumedListenerMinimum: minimum }).tracks;
    const assumption = entry!.caveats.find((text) => text.startsWith('Assumption'));
    expect(assumption).toBe(caveat);
    // The check is an assumption: it never changes the stream-based verdict.
    expect(entry!.eligible).toBe(true);
  });
});
