import { describe, expect, it } from 'vitest';
import { LOOKED_FOR, parseImusicianResponse } from '../../../../core/sources/imusician/parse-response';
import { API, APP, DAYS, HARBOUR, HARBOUR_SPOTIFY, context, parse, rows, seriesOf } from './helpers';
import { said } from '../../said';

const track = { isrc: HARBOUR, title: 'Harbour Lights' };
const REF = `isrc:${HARBOUR}`;

describe('other day/count spellings', () => {
  it.each([
    ['rows {day, count}', { ...track, series: rows(HARBOUR_SPOTIFY, 'day', 'count') }],
    ['rows {x, y} with digit strings', { ...track, points: HARBOUR_SPOTIFY.map((v, i) => ({ x: DAYS[i], y: String(v) })) }],
    ['rows {period, quantity}', { ...track, data: rows(HARBOUR_SPOTIFY, 'period', 'quantity') }],
    ['rows {Date, Streams} (other case)', { ...track, data: rows(HARBOUR_SPOTIFY, 'Date', 'Streams') }],
    ['tuples [day, count]', { ...track, values: HARBOUR_SPOTIFY.map((v, i) => [DAYS[i], v]) }],
    ['a date map {day: count}', { ...track, daily: Object.fromEntries(HARBOUR_SPOTIFY.map((v, i) => [DAYS[i], v])) }],
    ['snake_case identity', { track_isrc: 'ch-xxx-24-00001', track_title: 'Harbour Lights', stream_count: rows(HARBOUR_SPOTIFY, 'date', 'stream_count') }],
  ])('%s', (_name, body) => {
    const result = parse(body, `${API}?dsp=spotify`);
    expect(result.recognised).toBe(true);
    expect(seriesOf(result)).toEqual({ [`${REF} spotify`]: HARBOUR_SPOTIFY });
  });
});

describe('track identity', () => {
  it.each([
    ['title + trackId', { trackId: 4711, title: 'Harbour Lights', daily: rows([198]) }, 'id:4711', { isrc: null, distributorId: '4711' }],
    ['trackName + id', { id: 'trk_4711', trackName: 'Harbour Lights', daily: rows([198]) }, 'id:trk_4711', { distributorId: 'trk_4711' }],
    ['{id, title} inside a tracks list', { tracks: [{ id: 4711, title: 'Harbour Lights', daily: rows([198]) }] }, 'id:4711', { title: 'Harbour Lights' }],
    ['a nested track object', { track: { id: 4711, name: 'Harbour Lights' }, daily: rows([198]) }, 'id:4711', { title: 'Harbour Lights' }],
    ['releaseId + trackTitle', { releaseId: 90210, trackTitle: 'Harbour Lights', daily: rows([198]) }, undefined, { distributorId: 'release-90210/harbour-lights' }],
    ['rows naming their own track', { data: [{ date: DAYS[0], isrc: HARBOUR, streams: 198 }, { date: DAYS[1], isrc: HARBOUR, streams: 204 }] }, REF, { isrc: HARBOUR }],
  ])('%s', (_name, body, ref, expected) => {
    const result = parse(body);
    expect(result.recognised).toBe(true);
    expect(result.tracks).toHaveLength(1);
    expect(result.tracks[0]).toMatchObject(expected);
    if (ref) expect(result.tracks[0]!.ref).toBe(ref);
    expect(result.observations[0]).toMatchObject({ ref: result.tracks[0]!.ref, store: 'all', day: DAYS[0], value: 198 });
  });

  it.each([
    ['no identity at all', { daily: rows([198, 204]) }, /without a track identity/],
    ['a chart-like {id, title} (not surely a track)', { id: 'chart-1', title: 'Streams per day', daily: rows([198]) }, /without a track identity/],
    ['a title alone', { title: 'Harbour Lights', daily: rows([198]) }, /without a track identity/],
    ['a malformed ISRC alone', { isrc: 'CH-XXX-24', daily: rows([198]) }, /without a track identity/],
    ['releaseId + a generic title (maybe the release title)', { releaseId: 9, title: 'Harbour Lights EP', daily: rows([198]) }, /without a track identity/],
  ])('refuses %s', (_name, body, reason) => {
    const result = parse(body);
    expect(result).toMatchObject({ recognised: false, observations: [] });
    expect(said(result.reason)).toMatch(reason);
  });

  it('a track list with one (release) date per track is not a daily series', () => {
    const body = { tracks: [{ isrc: HARBOUR, title: 'Harbour Lights', date: '2025-06-06', streams: 48211 }, { isrc: 'CHXXX2400003', title: 'Café Tonight', date: '2025-09-12', streams: 9120 }] };
    expect(parse(body)).toMatchObject({ recognised: false, reason: LOOKED_FOR });
  });

  it('several tracks on one day in one flat list are read', () => {
    const body = { day: [{ date: DAYS[0], isrc: HARBOUR, streams: 198 }, { date: DAYS[0], isrc: 'CHXXX2400003', streams: 61 }] };
    expect(seriesOf(parse(body))).toEqual({ [REF + ' all']: [198], 'isrc:CHXXX2400003 all': [61] });
  });
});

describe('store', () => {
  it.each([
    ['store field on the series', { ...track, store: 'Spotify', daily: rows([198]) }, API, 'spotify'],
    ['shop object with a name', { ...track, shop: { id: 3, name: 'Apple Music' }, daily: rows([31]) }, API, 'apple'],
    ['a key naming a known store', { ...track, spotify: rows([198]) }, API, 'spotify'],
    ['a name that is a known store', { ...track, series: [{ name: 'Deezer', data: rows([12]) }] }, API, 'deezer'],
    ['row-level platform', { ...track, data: [{ date: DAYS[0], platform: 'Amazon Music', streams: 8 }] }, API, 'amazon'],
    ['address filter ?store=spotify', { ...track, daily: rows([198]) }, `${API}?store=spotify`, 'spotify'],
    ['address filter ?filter[shop]=Apple%20Music', { ...track, daily: rows([31]) }, `${API}?filter[shop]=Apple%20Music`, 'apple'],
    ['address filter ?stores=all', { ...track, daily: rows([251]) }, `${API}?stores=all`, 'all'],
    ['the body beats the address', { ...track, store: 'Deezer', daily: rows([12]) }, `${API}?store=spotify`, 'deezer'],
    ['no store anywhere', { ...track, daily: rows([251]) }, API, 'all'],
    ['a "Total" entry in a store breakdown', { ...track, stores: { Spotify: rows([198]), Total: rows([251]) } }, API, 'all'],
  ])('%s', (_name, body, url, store) => {
    const result = parse(body, url);
    expect(result.recognised).toBe(true);
    expect(result.observations.map((obs) => obs.store)).toContain(store);
  });

  it('an unknown store in a store list is slugified', () => {
    const result = parse({ ...track, stores: [{ store: 'Qobuz Hi-Res', data: rows([3]) }] });
    expect(result.observations[0]!.store).toBe('qobuz-hi-res');
  });

  it.each([
    ['several stores in the filter', `${API}?store=spotify,deezer`, /several stores/],
    ['a store number in the filter', `${API}?storeId=7`, /names no store/],
  ])('refuses unlabelled series under %s', (_name, url, reason) => {
    const result = parse({ ...track, daily: rows([198]) }, url);
    expect(result.recognised).toBe(false);
    expect(said(result.reason)).toMatch(reason);
  });

  it('a store list item without a store name is refused, the others kept', () => {
    const result = parse({ ...track, stores: [{ store: 'Spotify', data: rows([198]) }, { id: 9, data: rows([5]) }] });
    expect(seriesOf(result)).toEqual({ [REF + ' spotify']: [198] });
    expect(result.partial).toBe(true);
    expect(said(result.reason)).toMatch(/store list names no store/);
  });

  it('"spotifyPlaylistAdds" is not the Spotify store', () => {
    const result = parse({ ...track, spotifyPlaylistAdds: rows([12]) });
    expect(result.observations.map((obs) => obs.store)).toEqual(['all']);
  });
});

describe('never guesses', () => {
  it.each([
    ['two count keys', { ...track, daily: DAYS.slice(0, 2).map((d) => ({ date: d, streams: 198, total: 251 })) }, /ambiguous count key \(streams, total\)/],
    ['two day keys', { ...track, daily: [{ date: DAYS[0], day: DAYS[0], streams: 198 }] }, /ambiguous day key/],
    ['months, not days', { ...track, daily: [{ date: '2026-03', streams: 5920 }] }, /"2026-03" is not a calendar day/],
    ['impossible days', { ...track, daily: [{ date: '2026-02-30', streams: 5 }] }, /"2026-02-30" is not a calendar day/],
    ['a time of day that is not midnight UTC', { ...track, daily: [{ date: '2026-03-18T23:00:00Z', streams: 5 }] }, /not a calendar day/],
    ['abbreviated counts', { ...track, daily: [{ date: DAYS[0], streams: '1.2K' }] }, /"1.2K" is not a whole number/],
    ['fractions', { ...track, daily: [{ date: DAYS[0], streams: 12.5 }] }, /12.5 is not a whole number/],
    ['negative counts', { ...track, daily: [{ date: DAYS[0], streams: -3 }] }, /-3 is not a whole number/],
    ['revenue rows', { ...track, daily: [{ date: DAYS[0], value: 3, currency: 'EUR' }] }, /not daily streams/],
    ['a downloads series', { ...track, downloads: rows([2]) }, /not daily streams.*download/],
    ['a metric field saying downloads', { ...track, metric: 'downloads', data: rows([2]) }, /not daily streams.*download/],
    ['a per-country slice', { ...track, countries: [{ code: 'CH', data: rows([80]) }] }, /not daily streams.*countr/],
    ['a country field', { ...track, country: 'CH', data: rows([80]) }, /not daily streams.*country/],
    ['a list of numbers', [1, 2, 3], /no daily series found/],
    ['a GraphQL error answer', { errors: [{ message: 'Not authorised' }], data: null }, /GraphQL answered with 1 error and no daily series/],
  ])('refuses %s', (_name, body, reason) => {
    const result = parse(body);
    expect(result).toMatchObject({ recognised: false, observations: [] });
    expect(said(result.reason)).toMatch(reason);
  });

  it('keeps the good points of a partly bad series and says what was refused', () => {
    const result = parse({ ...track, daily: [{ date: DAYS[0], streams: 198 }, { date: '2026-02-30', streams: 5 }, { date: DAYS[2], streams: '1.2K' }] });
    expect(result).toMatchObject({ recognised: true, partial: true, rejected: 2 });
    expect(seriesOf(result)).toEqual({ [REF + ' all']: [198] });
    expect(said(result.reason)).toMatch(/2026-02-30/);
  });

  it('a day given twice with different values is refused whole; the same value twice is kept once', () => {
    const result = parse({ ...track, daily: [{ date: DAYS[0], streams: 198 }, { date: DAYS[0], streams: 199 }, { date: DAYS[1], streams: 204 }, { date: DAYS[1], streams: 204 }] });
    expect(seriesOf(result)).toEqual({ [REF + ' all']: [204] });
    expect(result.rejected).toBe(2);
    expect(said(result.reason)).toMatch(/appears twice with different values/);
  });

  it('keeps the streams beside a refused downloads series, and notes it', () => {
    const result = parse({ ...track, streams: rows([198]), downloads: rows([2]) });
    expect(seriesOf(result)).toEqual({ [REF + ' all']: [198] });
    expect(said(result.note)).toMatch(/not daily streams, not stored: downloads/);
  });
});

describe('chart series', () => {
  const chart = (datasets: unknown[]) => ({ labels: DAYS.slice(0, 3), datasets });

  it('reads datasets that carry an ISRC', () => {
    const result = parse({ chart: chart([{ label: 'Harbour Lights', isrc: HARBOUR, data: [198, 204, 192] }]) }, `${API}?store=spotify`);
    expect(result.kind).toBe('chart-series');
    expect(result.tracks[0]).toMatchObject({ isrc: HARBOUR, title: 'Harbour Lights' });
    expect(seriesOf(result)).toEqual({ [REF + ' spotify']: [198, 204, 192] });
  });

  it('reads datasets labelled by store under a track', () => {
    const result = parse({ ...track, chart: chart([{ label: 'Spotify', data: [198, 204, 192] }, { label: 'Apple Music', data: [31, 29, 34] }]) });
    expect(seriesOf(result)).toEqual({ [REF + ' spotify']: [198, 204, 192], [REF + ' apple']: [31, 29, 34] });
  });

  it('refuses a dataset whose length does not match the days', () => {
    const result = parse({ chart: chart([{ label: 'x', isrc: HARBOUR, data: [198, 204] }]) });
    expect(result.recognised).toBe(false);
    expect(said(result.reason)).toMatch(/2 values for 3 days/);
  });
});

describe('responses that are not data', () => {
  it.each([
    [{ url: `${APP}/api/user/profile`, status: 200, body: {} }, 'unknown-path', /not an iMusician data address/],
    [{ url: 'https://example.com/api/trends', status: 200, body: {} }, 'unknown-path', /not an iMusician data address/],
    [{ url: API, status: 200, body: 'ok' }, 'unknown-shape', /a bare string/],
    [{ url: API, status: 200, body: null, text: '<html>maintenance</html>' }, 'unknown-shape', /a text body, not JSON \(24 characters\)/],
  ])('%o', (input, kind, reason) => {
    const result = parseImusicianResponse(input, context());
    expect(result).toMatchObject({ kind, recognised: false, observations: [] });
    expect(said(result.reason)).toMatch(reason);
  });

  // As the Spotify reader says it (core/sources/spotify/README.md, "No data"): an error status,
  // 204 or an empty body is "the page had no data (HTTP n)", recognised, nothing stored, never
  // "not recognised". Shapes hypothetical for iMusician (no public sample of its errors); the
  // statuses are the ones any signed-in web app answers with.
  it.each([
    [{ url: API, status: 500, body: { error: 'Internal Server Error' } }, 'the page had no data (HTTP 500)'],
    [{ url: API, status: 401, body: null, text: 'Unauthorized' }, 'the page had no data (HTTP 401 not signed in or not allowed, "Unauthorized")'],
    [{ url: API, status: 429, body: null, text: '<html><body>Too many requests from 203.0.113.7</body></html>' }, 'the page had no data (HTTP 429 rate limit)'],
    [{ url: API, status: 404, body: { message: 'Not found' } }, 'the page had no data (HTTP 404)'],
    [{ url: API, status: 204, body: null }, 'the page had no data (HTTP 204, empty response)'],
    [{ url: API, status: 200, body: null, text: '' }, 'the page had no data (HTTP 200, empty response)'],
    [{ url: API, status: 200, body: {} }, 'the page had no data (HTTP 200, an empty object)'],
    [{ url: API, status: 200, body: [] }, 'the page had no data (HTTP 200, an empty list)'],
  ])('no data: %o', (input, note) => {
    const result = parseImusicianResponse(input, context());
    expect(result).toMatchObject({ kind: 'no-data', recognised: true, partial: false, reason: null, observations: [], tracks: [], rejected: 0 });
    expect(said(result.note)).toBe(note);
  });

  it('an error status never stores what its body holds, even a body shaped like data', () => {
    const result = parseImusicianResponse({ url: API, status: 503, body: { ...track, daily: [{ date: '2026-03-30', streams: 150 }] } }, context());
    expect(result).toMatchObject({ kind: 'no-data', recognised: true, observations: [] });
    expect(said(result.note)).toBe('the page had no data (HTTP 503)');
  });
});

describe('recent days', () => {
  it('stores yesterday (revisions handle later changes) and holds back today and later', () => {
    const result = parse({ ...track, daily: [{ date: '2026-03-30', streams: 150 }, { date: '2026-03-31', streams: 40 }, { date: '2026-04-02', streams: 1 }] });
    expect(result.observations.map((obs) => obs.day)).toEqual(['2026-03-30']);
    expect(result.heldBack).toBe(2);
  });

  it('a series of only unfinished days is recognised with nothing stored', () => {
    const result = parse({ ...track, daily: [{ date: '2026-03-31', streams: 40 }] });
    expect(result).toMatchObject({ recognised: true, observations: [], heldBack: 1 });
  });
});
