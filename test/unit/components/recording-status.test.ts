import { describe, expect, it } from 'vitest';
import { daysUntil, groupRecordings, projectionText, trailingText, unexplainedText } from '../../../components/recording-status';
import type { RecordingSummary } from '../../../core/views/types';
import { demoOverview } from '../ui/helpers';
import { speak } from '../i18n/catalogs';

const recording = (key: string, trailing12mStreams: number, eligible: boolean, title = key): RecordingSummary =>
  ({ key, isrc: null, title, trackIds: [key], unexplainedDays: 0, eligibility: { trailing12mStreams, eligible } }) as unknown as RecordingSummary;

describe('groupRecordings', () => {
  it('puts the recordings still climbing first, closest to 1,000 first, and the earning ones below, nearest the threshold first', () => {
    const grouped = groupRecordings([recording('a', 120, false), recording('b', 5_400, true), recording('c', 986, false), recording('d', 1_020, true), recording('e', 0, false)]);
    expect(grouped.climbing.map((entry) => entry.key)).toEqual(['c', 'a', 'e']);
    expect(grouped.earning.map((entry) => entry.key)).toEqual(['d', 'b']);
  });

  it('orders ties by title, so the list does not jump between openings', () => {
    const grouped = groupRecordings([recording('k2', 500, false, 'Zebra'), recording('k1', 500, false, 'Apple')]);
    expect(grouped.climbing.map((entry) => entry.title)).toEqual(['Apple', 'Zebra']);
  });

  it('groups the demo year as the popup shows it', () => {
    const { climbing, earning } = groupRecordings(demoOverview().recordings);
    expect(climbing[0]!.title).toBe('Paper Boats');
    expect(earning.map((entry) => entry.title)).toEqual(['Harbour Lights']);
  });
});

describe('words', () => {
  it.each([
    [812, 'en', 'en-US', '812 of 1,000 streams in the last 12 months'],
    [1000, 'en', 'en-US', '1,000 of 1,000 streams in the last 12 months'],
    [15444, 'de', 'de-DE', '15.444 Streams in den letzten 12 Monaten (1.000 nötig)'],
    [812, 'fr', 'fr-FR', '812 écoutes sur 1\u202f000 au cours des 12 derniers mois'],
    [15444, 'es', 'es-ES', '15.444 reproducciones en los últimos 12 meses (se necesitan 1000)'],
    [15444, 'it', 'it-IT', '15.444 stream negli ultimi 12 mesi (ne servono 1000)'],
  ] as const)('trailingText(%s) in %s (%s)', (streams, language, locale, expected) => {
    speak(language, locale);
    expect(trailingText({ trailing12mStreams: streams })).toBe(expected);
  });

  it.each([
    ['2026-04-20', '2026-04-20', 0],
    ['2026-04-29', '2026-04-20', 9],
    ['2026-04-10', '2026-04-20', 0],
    ['2026-05-01', '2026-02-28', 62],
  ])('daysUntil(%s from %s) = %s', (day, today, expected) => {
    expect(daysUntil(day, today)).toBe(expected);
  });

  it('projects a day only for recordings still climbing', () => {
    speak('en', 'en-GB');
    expect(projectionText({ eligible: false, projectedEligibleDay: '2026-04-29' }, '2026-04-20')).toBe('about 9 days to go at this pace (Wed 29 Apr)');
    expect(projectionText({ eligible: false, projectedEligibleDay: '2026-04-21' }, '2026-04-20')).toBe('about 1 day to go at this pace (Tue 21 Apr)');
    expect(projectionText({ eligible: false, projectedEligibleDay: '2026-04-20' }, '2026-04-20')).toBe('reaching 1,000 about now at this pace');
    expect(projectionText({ eligible: false, projectedEligibleDay: null }, '2026-04-20')).toBeNull();
    expect(projectionText({ eligible: true, projectedEligibleDay: '2026-04-29' }, '2026-04-20')).toBeNull();
  });

  it('counts unexplained days, and says nothing when there are none', () => {
    expect(unexplainedText(0)).toBeNull();
    expect(unexplainedText(1)).toBe('1 unexplained day');
    expect(unexplainedText(1200)).toBe('1,200 unexplained days');
  });

  it('says it in German with German plurals, numbers and days', () => {
    speak('de', 'de-DE');
    expect(unexplainedText(1)).toBe('1 ungeklärter Tag');
    expect(unexplainedText(1200)).toBe('1.200 ungeklärte Tage');
    expect(projectionText({ eligible: false, projectedEligibleDay: '2026-04-29' }, '2026-04-20')).toBe('bei diesem Tempo noch etwa 9 Tage (Mi., 29. Apr.)');
  });
});
