import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HistoryFileError, parseHistoryFile } from '../../../core/history/parse';
import { MAX_HISTORY_OBSERVATIONS, MAX_HISTORY_TRACKS } from '../../../core/history/history-file';
import { observationSchema } from '../../../core/model/schema';

const TRACK = { id: 't-7f3a', isrc: 'CHA012400001', title: 'Glacier Lights', artists: ['Nora Vell'], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: { imusician: '804113' } };
const OBS = { track: 't-7f3a', source: 'spotify', store: 'spotify', metric: 'streams', day: '2025-03-30', value: 153, observedAt: '2025-04-01T08:00:00.000Z' };

function file(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 'crosscount-history', version: 1, exportedAt: '2026-11-21T10:00:00.000Z', tracks: [TRACK], observations: [OBS, { ...OBS, day: '2025-03-31', value: 160 }], ...overrides };
}

/** A file whose observation at `index` is replaced by `bad` (others valid). */
function withObservation(index: number, bad: unknown): string {
  const observations: unknown[] = Array.from({ length: index + 2 }, (_, i) => ({ ...OBS, day: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}` }));
  observations[index] = bad;
  return JSON.stringify(file({ observations }));
}

function problem(text: string): string {
  try {
    parseHistoryFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(HistoryFileError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/[\r\n]/);
    return message;
  }
  throw new Error('the file was accepted');
}

describe('parseHistoryFile accepts', () => {
  it('a version 1 file, as written', () => {
    expect(parseHistoryFile(JSON.stringify(file()))).toEqual({ tracks: [TRACK], observations: [OBS, { ...OBS, day: '2025-03-31', value: 160 }] });
  });

  it('a byte-order mark, unknown extra fields (dropped) and instants with an offset (normalised)', () => {
    const text = '\uFEFF' + JSON.stringify(file({ note: 'from a newer minor writer', observations: [{ ...OBS, observedAt: '2025-04-01T10:00+02:00', extra: 1 }] }));
    expect(parseHistoryFile(text).observations).toEqual([OBS]);
  });

  it('streams_month on the last day of a month, and zero values', () => {
    const month = { ...OBS, metric: 'streams_month', day: '2024-02-29', value: 0 };
    expect(parseHistoryFile(JSON.stringify(file({ observations: [month] }))).observations).toEqual([month]);
  });
});

describe('parseHistoryFile refuses, naming the first problem and where it is', () => {
  it.each([
    ['impossible date', withObservation(1043, { ...OBS, day: '2025-02-30' }), 'observations[1043].day: "2025-02-30" is not a calendar day (YYYY-MM-DD)'],
    ['negative value', withObservation(3, { ...OBS, value: -5 }), 'observations[3].value: -5 is not a non-negative whole number'],
    ['fractional value', withObservation(0, { ...OBS, value: 12.5 }), 'observations[0].value: 12.5 is not a non-negative whole number'],
    ['value as text', withObservation(0, { ...OBS, value: '153' }), 'observations[0].value: "153" is not a number'],
    ['unknown track reference', withObservation(5, { ...OBS, track: 't-9' }), 'observations[5].track: "t-9" is not a track in this file'],
    ['missing field', withObservation(2, { ...OBS, observedAt: undefined }), 'observations[2].observedAt: missing'],
    ['instant without zone', withObservation(1, { ...OBS, observedAt: '2025-04-01T08:00:00' }), 'observations[1].observedAt: "2025-04-01T08:00:00" is not an ISO time with a zone (e.g. 2025-04-01T08:00:00.000Z)'],
    ['hour 25', withObservation(1, { ...OBS, observedAt: '2025-04-01T25:00:00.000Z' }), 'observations[1].observedAt: "2025-04-01T25:00:00.000Z" is not an ISO time with a zone (e.g. 2025-04-01T08:00:00.000Z)'],
    ['unknown metric', withObservation(0, { ...OBS, metric: 'plays' }), 'observations[0].metric: "plays" is not a metric (streams, listeners, streams_28d, streams_12m, listeners_28d, listeners_12m, streams_month, streams_week)'],
    ['streams_month mid-month', withObservation(0, { ...OBS, metric: 'streams_month', day: '2025-03-15' }), 'observations[0].day: a streams_month observation must be dated on the last day of its month'],
    ['observation not an object', withObservation(0, 'streams=153'), 'observations[0]: expected object'],
    ['bad ISRC', JSON.stringify(file({ tracks: [TRACK, { ...TRACK, id: 't-2', isrc: 'CH-XXX-24' }] })), 'tracks[1].isrc: "CH-XXX-24" is not an ISRC (12 characters, e.g. CHXXX2400001)'],
    ['bad Spotify id', JSON.stringify(file({ tracks: [{ ...TRACK, spotifyTrackIds: ['spotify:track:1'] }] })), 'tracks[0].spotifyTrackIds[0]: "spotify:track:1" is not a Spotify track id'],
    ['duplicate track id', JSON.stringify(file({ tracks: [TRACK, { ...TRACK, isrc: null }] })), 'tracks[1].id: "t-7f3a" is used twice (also tracks[0].id)'],
    ['future version', JSON.stringify(file({ version: 2 })), 'version: 2 is newer than this Crosscount understands (1); update Crosscount to read it'],
    ['version as text', JSON.stringify(file({ version: '1' })), 'version: "1" is not a format version (this Crosscount reads version 1)'],
    ['wrong format', JSON.stringify(file({ format: 'spotify-export' })), 'format: "spotify-export" is not "crosscount-history": not a Crosscount history file'],
    ['no format', JSON.stringify({ tracks: [], observations: [] }), 'format: missing: not a Crosscount history file (expected "format": "crosscount-history")'],
    ['bad exportedAt', JSON.stringify(file({ exportedAt: 'yesterday' })), 'exportedAt: "yesterday" is not an ISO time with a zone (e.g. 2025-04-01T08:00:00.000Z)'],
    ['tracks not a list', JSON.stringify(file({ tracks: {} })), 'tracks: expected a list, found {}'],
    ['observations missing', JSON.stringify(file({ observations: undefined })), 'observations: missing'],
    ['a JSON list', '[1, 2]', 'file: the JSON is a list, not a Crosscount history object'],
    ['truncated JSON', JSON.stringify(file(), null, 2).slice(0, 300), 'line 14 column 25: not JSON: the text ends too early, inside a string (cut off?)'],
    ['truncated between values', '{\n  "format": "crosscount-history",\n', 'line 3 column 1: not JSON: the text ends too early (cut off?)'],
    ['not JSON at all', 'isrc,title,artists\nCHA012400001,Glacier Lights,Nora Vell\n', 'line 1 column 1: not JSON: unexpected "i" where a value should be'],
    ['empty file', '', 'line 1 column 1: not JSON: the text is empty'],
    ['a trailing comma', '{\n  "format": "crosscount-history",\n}', 'line 3 column 1: not JSON: expected a property name in double quotes, found "}"'],
  ])('%s', (_name, text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('too many tracks or observations', () => {
    // Sparse arrays are enough to reach the count caps without building millions of objects.
    const manyTracks = `{"format":"crosscount-history","version":1,"exportedAt":"2026-11-21T10:00:00.000Z","tracks":[${'0,'.repeat(MAX_HISTORY_TRACKS)}0],"observations":[]}`;
    expect(problem(manyTracks)).toBe(`tracks: ${MAX_HISTORY_TRACKS + 1} entries is more than the ${MAX_HISTORY_TRACKS} a history file may hold`);
    const manyObservations = `{"format":"crosscount-history","version":1,"exportedAt":"2026-11-21T10:00:00.000Z","tracks":[],"observations":[${'0,'.repeat(MAX_HISTORY_OBSERVATIONS)}0]}`;
    expect(problem(manyObservations)).toBe(`observations: ${MAX_HISTORY_OBSERVATIONS + 1} entries is more than the ${MAX_HISTORY_OBSERVATIONS} a history file may hold`);
  });

  it('a text longer than the size cap', () => {
    // A string that claims to be huge, without allocating 512 MB.
    const huge = { length: 512 * 1024 * 1024 + 1 } as unknown as string;
    expect(problem(huge)).toBe('file: larger than the 512 MB a history file may have');
  });

  it('keeps messages short when a hostile value is huge', () => {
    const message = problem(JSON.stringify(file({ tracks: [{ ...TRACK, isrc: 'X'.repeat(100_000) }] })));
    expect(message.length).toBeLessThanOrEqual(1000);
  });
});

describe('hostile input', () => {
  it.each([
    ['the file', '{"__proto__":{"polluted":"yes"},"format":"crosscount-history"}', '__proto__: not allowed as a key (it could change how objects behave)'],
    ['a track', JSON.stringify(file()).replace('{"id":"t-7f3a"', '{"__proto__":{"polluted":"yes"},"id":"t-7f3a"'), 'tracks[0].__proto__: not allowed as a key (it could change how objects behave)'],
    ['distributor ids', JSON.stringify(file()).replace('{"imusician":"804113"}', '{"__proto__":"804113"}'), 'tracks[0].distributorIds.__proto__: not allowed as a key (it could change how objects behave)'],
    ['an observation', withObservation(7, JSON.parse(JSON.stringify(OBS).replace('{', '{"__proto__":{"polluted":"yes"},'))), 'observations[7].__proto__: not allowed as a key (it could change how objects behave)'],
  ])('refuses a __proto__ key on %s', (_name, text, expected) => {
    expect(problem(text)).toBe(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps constructor and prototype keys as plain data, reaching no prototype', () => {
    const text = JSON.stringify(
      file({
        tracks: [{ ...TRACK, distributorIds: { constructor: '5' }, constructor: { prototype: { polluted: 'yes' } } }],
        observations: [{ ...OBS, constructor: { prototype: { polluted: 'yes' } }, prototype: { polluted: 'yes' } }],
      }),
    );
    const history = parseHistoryFile(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(history.observations[0])).toBe(Object.prototype);
    expect(Object.keys(history.observations[0]!)).toEqual(['track', 'source', 'store', 'metric', 'day', 'value', 'observedAt']);
    expect(Object.entries(history.tracks[0]!.distributorIds)).toEqual([['constructor', '5']]);
  });

  it('the fast check for observations agrees with the schema on arbitrary near-valid input', () => {
    const field = <T>(valid: T, ...bad: unknown[]) => fc.constantFrom(valid, ...bad);
    const arbitraryObservation = fc.record({
      track: field('t-7f3a', 't-9', '', 5),
      source: field('spotify', 'Spotify', 'imusician', ''),
      store: field('spotify', 'all', 'apple music'),
      metric: field('streams', 'streams_month', 'plays', null),
      day: field('2025-03-30', '2025-02-29', '2024-02-29', '2025-03-31', '2025-3-30', 20250330),
      value: field(153, 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, '153', -0),
      observedAt: field('2025-04-01T08:00:00.000Z', '2025-04-01T08:00:00Z', '2025-04-01T23:59:60.000Z', '2025-04-01T08:00:00.000+01:00', '2025-02-30T08:00:00.000Z', '1969-12-31T23:59:59.999Z'),
    });
    fc.assert(
      fc.property(arbitraryObservation, (obs) => {
        // What the file holds: JSON has no -0 and no undefined.
        const schema = observationSchema.safeParse(JSON.parse(JSON.stringify(obs)));
        let parsed: unknown;
        let refused: string | undefined;
        try {
          parsed = parseHistoryFile(JSON.stringify(file({ observations: [obs] }))).observations[0];
        } catch (error) {
          refused = (error as Error).message;
        }
        if (schema.success && obs.track === 't-7f3a') expect(parsed).toEqual(schema.data);
        else expect(refused).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });
});
