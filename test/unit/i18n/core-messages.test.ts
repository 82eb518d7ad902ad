/**
 * The core returns codes and parameters, not sentences (docs/i18n.md): every reason and caveat
 * carries its message key and figures, which phrase the same English sentence the CLI prints
 * (even after a JSON round trip, as `compare --json` gives them) and a complete sentence in
 * every language, with that language's numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, compareMonths } from '../../../core/compare/index';
import { eligibility } from '../../../core/eligibility';
import { evidenceReport } from '../../../core/evidence';
import { englishMessage } from '../../../core/i18n/english';
import type { Message } from '../../../core/i18n/message';
import { formatMessage } from '../../../components/i18n';
import { syntheticHistory, type TrackPlan } from '../compare/synthetic';
import { CATALOGS, speak } from './catalogs';

const LANGUAGES = Object.keys(CATALOGS) as (keyof typeof CATALOGS)[];

/** A year with every kind of day: incidents, gaps, a shift, an all-store view, late revisions, tiny counts. */
function year(seed: number, mean: number): TrackPlan[] {
  const base = { start: '2025-01-01', days: 200 } as const;
  return [
    { ...base, id: 'steady', mean, distributors: [{ ratio: 0.91, incidents: { 150: 0.4, 170: 1.9 }, gaps: [120], risesFromZero: [180, 195] }] },
    { ...base, id: 'shifted', mean: mean * 2, spotifyGaps: [60, 61], distributors: [{ ratio: 0.88, lagDays: 1 }] },
    { ...base, id: 'stores', mean, distributors: [{ store: 'all', ratio: 1.35 }] },
    { ...base, id: 'tiny', mean: 3, isrc: null, distributors: [{ ratio: 0.8 }] },
  ].map((plan) => ({ ...plan, id: `${plan.id}-${seed}` }));
}

function everyMessage(seed: number, mean: number): { message: Message; english: string }[] {
  const history = syntheticHistory(year(seed, mean), seed);
  const asOf = '2025-07-25T12:00:00.000Z';
  const found: { message: Message; english: string }[] = [];
  for (const track of compare(history, { asOf }).tracks) {
    for (const row of track.days) for (const reason of row.reasons) found.push({ message: { key: reason.key!, params: reason.params }, english: reason.message });
  }
  for (const track of compareMonths(history, { asOf }).tracks) {
    for (const row of track.months) for (const reason of row.reasons) found.push({ message: { key: reason.key!, params: reason.params }, english: reason.message });
  }
  for (const entry of eligibility(history, { asOfDay: '2025-07-20', assumedListenerMinimum: 100 }).tracks) {
    entry.caveatMessages.forEach((message, index) => found.push({ message, english: entry.caveats[index]! }));
  }
  return found;
}

describe('core messages', () => {
  it('phrase exactly the English the CLI prints, from their key and figures alone (also after JSON)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 40, max: 4_000 }), (seed, mean) => {
        for (const { message, english } of everyMessage(seed, mean)) {
          expect(message.key).toBeTruthy();
          expect(englishMessage(JSON.parse(JSON.stringify(message)) as Message)).toBe(english);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('cover every reason code with keys every catalog has', () => {
    const messages = everyMessage(7, 1500);
    const keys = new Set(messages.map(({ message }) => message.key));
    expect(keys.size).toBeGreaterThan(8);
    for (const language of LANGUAGES) {
      speak(language);
      for (const { message } of messages) {
        const text = formatMessage(message);
        expect(text, `${language}: ${message.key}`).not.toMatch(/\{[A-Za-z]/);
        expect(text, `${language}: ${message.key}`).not.toBe(message.key);
      }
    }
  });

  it('in German, no English sentence and no English thousands separator', () => {
    speak('de', 'de-DE');
    for (const { message, english } of everyMessage(3, 2500)) {
      const text = formatMessage(message);
      if (/[a-z]{4}/.test(english)) expect(text).not.toBe(english);
      expect(text, message.key).not.toMatch(/\d,\d{3}\b/);
    }
  });
});

describe('the evidence report', () => {
  it('is written in the artist’s language, numbers included', () => {
    const history = syntheticHistory(year(5, 1800), 5);
    const options = { isrc: history.tracks[0]!.isrc!, asOf: '2025-07-25T12:00:00.000Z' };
    const english = evidenceReport(history, options);
    expect(english).toMatch(/^# Stream counts: /);
    speak('de', 'de-DE');
    const german = evidenceReport(history, { ...options, say: formatMessage });
    expect(german).toMatch(/^# Streamzahlen: /);
    expect(german).toContain('| Tag (UTC) | Spotify for Artists | iMusician | Differenz |');
    expect(german).toMatch(/\| \d{1,3}\.\d{3} \|/);
    expect(german).not.toMatch(/Usual ratio|Compared:|\(read /);
  });
});
