/** `cs:checkPage` in the background: the page's raw texts read for their days, the refused observations named by index (core/page-check/in-background.ts). */
import { describe, expect, it } from 'vitest';
import { checkPageInBackground } from '../../../core/page-check/in-background';
import { checkPageRequest } from '../../../core/messaging/page-check';
import { inEnglish } from '../said';

const HARBOUR = { ref: 'a', isrc: 'CHA012400001', title: 'Harbour Lights', artists: [], spotifyTrackId: null, distributorId: null };
const observations = [
  { ref: 'a', store: 'spotify', metric: 'streams' as const, day: '2026-03-10', value: 94 },
  { ref: 'a', store: 'spotify', metric: 'streams' as const, day: '2026-03-11', value: 1234 },
  { ref: 'a', store: 'spotify', metric: 'streams' as const, day: '2026-03-12', value: 88 },
];
/** A German trends table as lib/page-evidence.ts sends it: rows of cell texts, the words naming its track. */
const table = (counts: string[]) => ({
  kind: 'table' as const,
  context: 'Harbour Lights · Spotify',
  rows: [['Datum', 'Streams'], ...counts.map((count, index) => [`${10 + index}.03.2026`, count])],
});
const request = (counts: string[], final = false) => checkPageRequest.parse({ tracks: [HARBOUR], observations, evidence: { numbers: [], labels: [], sources: [table(counts)], locale: 'de' }, final });

describe('checkPageInBackground', () => {
  it('names the observation whose day the page shows with another count, reading German numbers', () => {
    const reply = checkPageInBackground(request(['94', '1.243', '88']));
    expect(reply).toMatchObject({ status: 'checked', refused: [1] });
    if (reply.status === 'checked') expect(inEnglish(reply.check)).toBe("checked against the page's days: 2 of 3 days agree; not stored: 2026-03-11 (response 1,234, page 1,243)");
  });

  it('refuses nothing where the page agrees', () => {
    expect(checkPageInBackground(request(['94', '1.234', '88']))).toMatchObject({ status: 'checked', refused: [] });
  });

  it('waits while the page disagrees on every day, until the last attempt', () => {
    expect(checkPageInBackground(request(['1', '2', '3']))).toEqual({ status: 'not-yet' });
    expect(checkPageInBackground(request(['11', '12', '13'], true))).toMatchObject({ status: 'checked' });
  });

  it('a page sending more than its bounds is refused at the message boundary', () => {
    const many = Array.from({ length: 5001 }, (_, index) => index);
    expect(checkPageRequest.safeParse({ tracks: [], observations: [], evidence: { numbers: many, labels: [], sources: [] }, final: true }).success).toBe(false);
  });
});
