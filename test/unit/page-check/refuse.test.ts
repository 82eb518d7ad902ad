/** The one refusal step every reader's page check ends in (core/page-check/refuse.ts). */
import { describe, expect, it } from 'vitest';
import { refuseObservations } from '../../../core/page-check/refuse';
import { message } from '../../../core/i18n/typed';

const obs = (day: string, value: number) => ({ ref: 't1', store: 'spotify', metric: 'streams' as const, day, value });
const why = message('checkNoCounts');

describe('refuseObservations', () => {
  it.each([
    { name: 'a parse result: rejected adds to what the parser refused', rejected: 2, expected: 3 },
    { name: 'an outcome without a count of refusals (an added dashboard): counted from 0', rejected: undefined, expected: 1 },
  ])('$name', ({ rejected, expected }) => {
    const result = { kind: 'x', observations: [obs('2026-03-01', 5), obs('2026-03-02', 6)], reason: null, partial: false, ...(rejected === undefined ? {} : { rejected }) };
    const refused = refuseObservations(result, (one) => one.day === '2026-03-02', why);
    expect(refused).toEqual({ kind: 'x', observations: [obs('2026-03-01', 5)], reason: why, partial: true, rejected: expected });
  });

  it('refusing nothing that is there still marks the result partial, with the reason', () => {
    const refused = refuseObservations({ observations: [obs('2026-03-01', 5)], reason: message('readerEmptySeries') }, () => false, why);
    expect(refused).toMatchObject({ observations: [obs('2026-03-01', 5)], partial: true, rejected: 0, reason: why });
  });
});
