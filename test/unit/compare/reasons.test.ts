/**
 * One table row per reason code, each on a small hand-made history: a track that S4A shows at
 * 1,000 streams a day and iMusician at 900 (its usual 90 %), with one day changed.
 */
import { describe, expect, it } from 'vitest';
import { compare, type DayComparison, type ReasonCode, type ReasonLevel } from '../../../core/compare/index';
import { addDays } from '../../../core/model/day';
import { daily, endOf, handmade, type Readings, type TrackSpec } from './handmade';

const FIRST = '2025-03-01';
const LAST = '2025-03-20';
const DAY = '2025-03-10';
const SETTLED = endOf('2025-03-31');

function steady(change: { spotify?: Record<string, Readings | null>; distributor?: Record<string, Readings | null> } = {}, store = 'spotify'): TrackSpec {
  const spotify = daily(FIRST, LAST, () => 1000);
  const distributor = daily(FIRST, LAST, () => (store === 'all' ? 1300 : 900));
  const apply = (values: Record<string, Readings>, changes: Record<string, Readings | null>) => {
    for (const [day, value] of Object.entries(changes)) {
      if (value === null) delete values[day];
      else values[day] = value;
    }
  };
  apply(spotify, change.spotify ?? {});
  apply(distributor, change.distributor ?? {});
  return { spotify, distributors: [{ store, values: distributor }] };
}

function rowOf(spec: TrackSpec, day: string, asOf = SETTLED): DayComparison {
  const result = compare(handmade([spec]), { asOf });
  const row = result.tracks[0]!.days.find((candidate) => candidate.day === day);
  if (!row) throw new Error(`no row for ${day}`);
  return row;
}

/** S4A with a shape (weekday rhythm and a bump), so a shifted copy is recognisable. */
const shaped = (index: number) => 1000 + 350 * (((index * 37) % 7) / 6) + (index % 11 === 3 ? 500 : 0);

interface Case {
  name: string;
  spec: TrackSpec;
  day: string;
  asOf?: string;
  code: ReasonCode;
  level: ReasonLevel;
  status: DayComparison['status'];
  /** Text the message must contain: the figures behind it. */
  says: string[];
}

const cases: Case[] = [
  { name: 'equal counts', spec: steady({ distributor: { [DAY]: 1000 } }), day: DAY, code: 'MATCH', level: 'expected', status: 'settled', says: ['Both show 1,000'] },
  { name: 'within 1 %', spec: steady({ distributor: { [DAY]: 995 } }), day: DAY, code: 'MATCH', level: 'expected', status: 'settled', says: ['995', '1,000', 'within 1 %'] },
  {
    name: 'the usual share',
    spec: steady({ distributor: { [DAY]: 905 } }),
    day: DAY,
    code: 'FILTERED_PLAYS',
    level: 'expected',
    status: 'settled',
    says: ["iMusician shows 91 % of Spotify's count, as it usually does for this track (usual 90 %): plays under 30 seconds and non-monetised plays are left out."],
  },
  { name: 'an all-store view', spec: steady({}, 'all'), day: DAY, code: 'OTHER_STORES', level: 'expected', status: 'settled', says: ['all stores', '130 %'] },
  { name: 'a day far below the usual share', spec: steady({ distributor: { [DAY]: 400 } }), day: DAY, code: 'ANOMALY', level: 'unexplained', status: 'settled', says: ['40 %', '400 of 1,000', 'usual 90 %', 'support'] },
  { name: 'a day far above the usual share', spec: steady({ distributor: { [DAY]: 1900 } }), day: DAY, code: 'ANOMALY', level: 'unexplained', status: 'settled', says: ['190 %'] },
  { name: 'a settled day the distributor never showed', spec: steady({ distributor: { [DAY]: null } }), day: DAY, code: 'MISSING_SOURCE', level: 'possible', status: 'missing', says: ['iMusician has no count', '5 days'] },
  { name: 'a day S4A never showed', spec: steady({ spotify: { [DAY]: null } }), day: DAY, code: 'MISSING_SOURCE', level: 'possible', status: 'missing', says: ['Spotify for Artists has no count', '900'] },
  {
    name: 'a handful of streams',
    spec: { spotify: daily(FIRST, LAST, () => 8), distributors: [{ values: daily(FIRST, LAST, (_, i) => (i % 2 ? 5 : 7)) }] },
    day: DAY,
    code: 'LOW_VOLUME',
    level: 'expected',
    status: 'settled',
    says: ['Only 8 streams', '5 on iMusician', 'about 3'],
  },
  {
    name: 'outside the usual band, but within counting noise',
    spec: { spotify: daily(FIRST, LAST, () => 30), distributors: [{ values: { ...daily(FIRST, LAST, () => 27), [DAY]: 15 } }] },
    day: DAY,
    code: 'LOW_VOLUME',
    level: 'expected',
    status: 'settled',
    says: ['15', 'about 27', 'chance'],
  },
  { name: 'a recent day not reported yet', spec: steady(), day: '2025-03-20', asOf: endOf('2025-03-22'), code: 'REPORTING_DELAY', level: 'expected', status: 'pending', says: ['no count for this day yet', 'about 3 days'] },
  {
    name: 'a recent day that shows 0 so far',
    spec: steady({ distributor: { '2025-03-20': [[0, '2025-03-21T08:00:00.000Z']] } }),
    day: '2025-03-20',
    asOf: endOf('2025-03-22'),
    code: 'REPORTING_DELAY',
    level: 'expected',
    status: 'pending',
    says: ['0 %', 'so far', 'usual 90 %'],
  },
  {
    name: 'a recent day already far above: too early to say, never an anomaly',
    spec: steady({ distributor: { '2025-03-20': [[1900, '2025-03-21T08:00:00.000Z']] } }),
    day: '2025-03-20',
    asOf: endOf('2025-03-22'),
    code: 'REPORTING_DELAY',
    level: 'possible',
    status: 'pending',
    says: ['190 %', 'too early to say'],
  },
];

describe('compare: one reason per hand-made case', () => {
  it.each(cases)('$name → $code ($level)', ({ spec, day, asOf, code, level, status, says }) => {
    const row = rowOf(spec, day, asOf);
    expect(row.reasons[0]).toMatchObject({ code, level });
    expect(row.status).toBe(status);
    for (const text of says) expect(row.reasons[0]!.message).toContain(text);
  });

  it('LATE_REVISION: a value that changed after it was first read lists each value with its time', () => {
    const spec = steady({ distributor: { [DAY]: [[700, '2025-03-12T08:00:00.000Z'], [905, '2025-03-16T08:00:00.000Z']] } });
    const row = rowOf(spec, DAY);
    expect(row.reasons.map((reason) => reason.code)).toEqual(['FILTERED_PLAYS', 'LATE_REVISION']);
    expect(row.reasons[1]).toMatchObject({ level: 'expected' });
    expect(row.reasons[1]!.message).toContain('iMusician 700 → 905 (last change read 2025-03-16 08:00 UTC)');
    expect(row.revisions).toEqual([
      { source: 'spotify', value: 1000, observedAt: '2025-03-11T20:00:00.000Z' },
      { source: 'imusician', value: 700, observedAt: '2025-03-12T08:00:00.000Z' },
      { source: 'imusician', value: 905, observedAt: '2025-03-16T08:00:00.000Z' },
    ]);
  });

  it('LATE_REVISION also covers S4A revising a past day (offline plays)', () => {
    const spec = steady({ spotify: { [DAY]: [[1000, '2025-03-11T20:00:00.000Z'], [1010, '2025-03-14T20:00:00.000Z']] } });
    const row = rowOf(spec, DAY);
    expect(row.reasons.map((reason) => reason.code)).toContain('LATE_REVISION');
    expect(row.reasons.find((reason) => reason.code === 'LATE_REVISION')!.message).toContain('Spotify for Artists 1,000 → 1,010');
  });

  it('DAY_SHIFT: a distributor carrying S4A one day late is detected and paired', () => {
    const spotify = daily(FIRST, '2025-04-10', (_, i) => Math.round(shaped(i)));
    const distributor = daily(addDays(FIRST, 1), '2025-04-10', (_, i) => Math.round(0.9 * shaped(i)));
    const result = compare(handmade([{ spotify, distributors: [{ values: distributor }] }]), { asOf: endOf('2025-04-20') });
    const track = result.tracks[0]!;
    expect(track.lagDays).toBe(1);
    const row = track.days.find((candidate) => candidate.day === '2025-03-20')!;
    expect(row.reasons.map((reason) => reason.code)).toEqual(['FILTERED_PLAYS', 'DAY_SHIFT']);
    expect(row.reasons[1]!.message).toContain("1 day behind Spotify's");
    expect(row.reasons[1]!.message).toContain("compared with Spotify's Wed 19 Mar");
    // The row itself still shows the calendar day's own values.
    expect(row.spotify).toBe(spotify['2025-03-20']);
    expect(track.days.some((candidate) => candidate.reasons.some((reason) => reason.code === 'ANOMALY'))).toBe(false);
  });

  it('DAY_SHIFT: a distributor one day early gives lagDays −1', () => {
    const spotify = daily(FIRST, '2025-04-10', (_, i) => Math.round(shaped(i)));
    const distributor = daily(FIRST, '2025-04-09', (_, i) => Math.round(0.9 * shaped(i + 1)));
    const result = compare(handmade([{ spotify, distributors: [{ values: distributor }] }]), { asOf: endOf('2025-04-20') });
    expect(result.tracks[0]!.lagDays).toBe(-1);
  });

  it('an all-store view that is not the main reason is still named', () => {
    const row = rowOf(steady({ distributor: { [DAY]: 300 } }, 'all'), DAY);
    expect(row.reasons.map((reason) => reason.code)).toEqual(['ANOMALY', 'OTHER_STORES']);
  });

  it('without a usual ratio yet, nothing is an anomaly: the reason is only possible', () => {
    const spec: TrackSpec = { spotify: { '2025-03-01': 1000, '2025-03-02': 1000 }, distributors: [{ values: { '2025-03-01': 900, '2025-03-02': 300 } }] };
    const row = rowOf(spec, '2025-03-02');
    expect(row.reasons[0]).toMatchObject({ code: 'FILTERED_PLAYS', level: 'possible' });
    expect(row.reasons[0]!.message).toContain('no usual ratio for this track yet');
  });
});

describe('compare: settling', () => {
  it('a day settles exactly settleDays after its end', () => {
    const spec = steady();
    expect(rowOf(spec, '2025-03-15', '2025-03-20T23:59:59.998Z').status).toBe('pending');
    expect(rowOf(spec, '2025-03-15', '2025-03-20T23:59:59.999Z').status).toBe('settled');
    expect(rowOf(spec, '2025-03-15', '2025-03-21T23:59:59.998Z').status).toBe('settled');
  });

  it('the settle window is a setting', () => {
    const result = compare(handmade([steady()]), { asOf: endOf('2025-03-22'), settleDays: 1 });
    expect(result.tracks[0]!.days.find((row) => row.day === '2025-03-17')!.status).toBe('settled');
    expect(result.tracks[0]!.sources[0]).toMatchObject({ settleDays: 1, settleLearned: false });
  });

  it('learns a longer window from a distributor whose days keep changing, and says so', () => {
    // Every day is first read at 0 after one day and reaches its value only 9 days after it.
    const values = daily(FIRST, LAST, (day) => [
      [0, `${addDays(day, 1)}T08:00:00.000Z`],
      [900, `${addDays(day, 9)}T08:00:00.000Z`],
    ]);
    const result = compare(handmade([{ spotify: daily(FIRST, LAST, () => 1000), distributors: [{ values }] }]), { asOf: endOf('2025-03-25') });
    const track = result.tracks[0]!;
    expect(track.sources[0]).toMatchObject({ settleDays: 9, settleLearned: true });
    const recent = track.days.find((row) => row.day === '2025-03-18')!;
    expect(recent.status).toBe('pending');
    expect(recent.reasons[0]!.code).toBe('REPORTING_DELAY');
    expect(recent.reasons[0]!.message).toContain("this history shows iMusician's counts still changing up to 9 days");
  });

  it('a taught dashboard (taught-<name>) learns its own window from its own revisions, apart from iMusician', () => {
    // The taught DistroKid dashboard's days reach their value 8 days after the day; iMusician's are final after 2.
    const slow = daily(FIRST, LAST, (day) => [
      [0, `${addDays(day, 1)}T08:00:00.000Z`],
      [870, `${addDays(day, 8)}T08:00:00.000Z`],
    ]);
    const quick = daily(FIRST, LAST, (day) => [
      [0, `${addDays(day, 1)}T08:00:00.000Z`],
      [900, `${addDays(day, 2)}T08:00:00.000Z`],
    ]);
    const result = compare(handmade([{ spotify: daily(FIRST, LAST, () => 1000), distributors: [{ values: quick }, { source: 'taught-distrokid', values: slow }] }]), { asOf: endOf('2025-03-25') });
    const track = result.tracks[0]!;
    const bySource = new Map(track.sources.map((summary) => [summary.source, summary]));
    expect(bySource.get('taught-distrokid')).toMatchObject({ settleDays: 8, settleLearned: true });
    expect(bySource.get('imusician')).toMatchObject({ settleDays: 5, settleLearned: false });
    // Its day 2025-03-18 waits for its own window; iMusician's same day is settled.
    const row = (source: string) => track.days.find((each) => each.day === '2025-03-18' && each.distributorSource === source)!;
    expect(row('taught-distrokid').status).toBe('pending');
    expect(row('taught-distrokid').reasons[0]!.message).toContain("this history shows DistroKid's counts still changing up to 8 days");
    expect(row('imusician').status).toBe('settled');
  });

  it('a few late corrections do not stretch the window (rare changes are late revisions)', () => {
    const values = daily(FIRST, LAST, () => 900);
    values['2025-03-03'] = [[900, '2025-03-08T08:00:00.000Z'], [880, '2025-03-25T08:00:00.000Z']];
    const result = compare(handmade([{ spotify: daily(FIRST, LAST, () => 1000), distributors: [{ values }] }]), { asOf: endOf('2025-03-31') });
    expect(result.tracks[0]!.sources[0]).toMatchObject({ settleDays: 5, settleLearned: false });
  });
});

describe('compare: rows and values', () => {
  it('one row per day and distributor source, S4A values as of asOf, diff and ratio of the calendar day', () => {
    const history = handmade([
      {
        spotify: daily(FIRST, LAST, () => 1000),
        distributors: [{ values: daily(FIRST, LAST, () => 900) }, { source: 'distrokid', values: daily(FIRST, LAST, () => 880) }],
      },
    ]);
    const track = compare(history, { asOf: SETTLED }).tracks[0]!;
    const rows = track.days.filter((row) => row.day === DAY);
    expect(rows.map((row) => row.distributorSource)).toEqual(['distrokid', 'imusician']);
    expect(rows[1]).toMatchObject({ spotify: 1000, distributor: 900, diff: -100, ratio: 0.9, status: 'settled' });
    expect(track.sources.map((source) => source.source)).toEqual(['distrokid', 'imusician']);
    expect(rows[0]!.reasons[0]!.message).toContain('DistroKid');
  });

  it("prefers the distributor's Spotify-only store over its all-store view", () => {
    const history = handmade([{ spotify: daily(FIRST, LAST, () => 1000), distributors: [{ store: 'all', values: daily(FIRST, LAST, () => 1400) }, { values: daily(FIRST, LAST, () => 900) }] }]);
    const track = compare(history, { asOf: SETTLED }).tracks[0]!;
    expect(track.sources).toMatchObject([{ source: 'imusician', store: 'spotify', baselineRatio: 0.9 }]);
    expect(track.days.every((row) => row.distributor === 900)).toBe(true);
  });

  it('filters by ISRC in any spelling and keeps the contract fields', () => {
    const history = handmade([steady(), { ...steady(), isrc: 'DEAB72500117' }]);
    const result = compare(history, { asOf: SETTLED, isrc: 'de-ab7-25-00117' });
    expect(result.tracks.map((track) => track.isrc)).toEqual(['DEAB72500117']);
    expect(Object.keys(result)).toEqual(['asOf', 'tracks']);
    expect(Object.keys(result.tracks[0]!)).toEqual(['track', 'isrc', 'title', 'baselineRatio', 'lagDays', 'days', 'sources']);
    expect(Object.keys(result.tracks[0]!.days[0]!)).toEqual(['day', 'spotify', 'distributor', 'distributorSource', 'diff', 'ratio', 'status', 'reasons', 'revisions']);
    // `key` and `params` are additive (docs/contracts.md): the sentence as data for the screens.
    expect(Object.keys(result.tracks[0]!.days[0]!.reasons[0]!)).toEqual(['code', 'level', 'message', 'key', 'params']);
    expect(Object.keys(result.tracks[0]!.days[0]!.revisions[0]!)).toEqual(['source', 'value', 'observedAt']);
  });

  it('a track without distributor counts has no rows; the asOf is canonical', () => {
    const result = compare(handmade([{ spotify: { [DAY]: 10 } }]), { asOf: '2025-04-01T10:00:00+02:00' });
    expect(result.asOf).toBe('2025-04-01T08:00:00.000Z');
    expect(result.tracks[0]).toMatchObject({ baselineRatio: null, lagDays: 0, days: [], sources: [] });
  });

  it('S4A history reaching back before the distributor is not a run of missing days', () => {
    const spotify = daily('2024-01-01', LAST, () => 1000);
    const track = compare(handmade([{ spotify, distributors: [{ values: daily(FIRST, LAST, () => 900) }] }]), { asOf: SETTLED }).tracks[0]!;
    expect(track.days[0]!.day).toBe(FIRST);
  });
});
