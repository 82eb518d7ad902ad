/** Edge-case tables for the small parsers every format shares. */
import { describe, expect, it } from 'vitest';
import { transactionKind } from '../../../../core/sources/reports/kinds';
import { parseMonthSerial, parseMonthText } from '../../../../core/sources/reports/months';
import { parseLocaleNumber } from '../../../../core/sources/reports/numbers';
import { isContentIdStore, storeId } from '../../../../core/sources/reports/stores';
import { localTrackId } from '../../../../core/sources/reports/identity';

describe('parseLocaleNumber', () => {
  it.each([
    ['1234', 1234],
    ['  42 ', 42],
    ['0', 0],
    ['1,234', 1234],
    ['1.234', 1234],
    ['0,234', 0.234],
    ['1234,0', 1234],
    ['1234.00', 1234],
    ['12,5', 12.5],
    ['1.5', 1.5],
    ['1,2345', 1.2345],
    ['1.234,50', 1234.5],
    ['1,234.50', 1234.5],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1.234.567,0', 1234567],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ["1'234", 1234],
    ['-3', -3],
    ['\u22123', -3],
    ['(3)', -3],
    ['+7', 7],
    ['1.2E+03', 1200],
    [',5', 0.5],
  ])('%j → %d', (raw, value) => {
    expect(parseLocaleNumber(raw)).toBe(value);
  });

  it.each(['', 'abc', '12a', '1,23,4', '1.234,567.8', '1..2', '--3', '1,2,3', '.', '1e5x', '(3'])('%j is not a number', (raw) => {
    expect(parseLocaleNumber(raw)).toBeNull();
  });
});

describe('parseMonthText', () => {
  it.each([
    ['2024-03', '2024-03'],
    ['2024-3', '2024-03'],
    ['2024-03-31', '2024-03'],
    ['2024-02-29', '2024-02'],
    ['2024/03', '2024-03'],
    ['2024/03/15', '2024-03'],
    ['2024-03-15T00:00:00Z', '2024-03'],
    ['2024-03-15 13:45:00', '2024-03'],
    ['10/15/2023 12:00:00 AM', '2023-10'],
    ['10/2/2023 12:00:00 PM', '2023-10'],
    ['3/4/2024', '2024-03'], // month first, as CD Baby writes it
    ['15/10/2023', '2023-10'], // the first number cannot be a month: day first
    ['15.03.2024', '2024-03'],
    ['03/2024', '2024-03'],
    ['202403', '2024-03'],
    ['Mar 2024', '2024-03'],
    ['March 2024', '2024-03'],
    ['Sept 2024', '2024-09'],
    ['2024 December', '2024-12'],
  ])('%j → %s', (raw, month) => {
    expect(parseMonthText(raw)).toBe(month);
  });

  it.each(['', '2024', '2024-13', '2024-00', '2025-02-29', '2024-03-32', '13/13/2024', 'Foo 2024', 'Ma 2024', '1969-12', '2024-03-15 noon', '45322'])('%j is refused', (raw) => {
    expect(parseMonthText(raw)).toBeNull();
  });
});

describe('parseMonthSerial', () => {
  it.each([
    [45_322, false, '2024-01'], // 2024-01-31
    [45_323, false, '2024-02'],
    [45_322.75, false, '2024-01'], // a time of day does not move the day
    [43_860, true, '2024-01'], // 1904 system: 2024-01-31 is 1462 days lower
  ])('%d (1904: %s) → %s', (serial, date1904, month) => {
    expect(parseMonthSerial(serial, date1904)).toBe(month);
  });

  it.each([0, 12, 1_000_000, Number.NaN])('%d is not a report date', (serial) => {
    expect(parseMonthSerial(serial, false)).toBeNull();
  });
});

describe('storeId', () => {
  it.each([
    ['Spotify', 'spotify'],
    ['  SPOTIFY ', 'spotify'],
    ['Apple Music', 'apple'],
    ['iTunes', 'apple'],
    ['Apple Music (streaming)', 'apple'],
    ['Amazon Music Unlimited', 'amazon'],
    ['Amazon Unlimited', 'amazon'],
    ['Deezer', 'deezer'],
    ['YouTube Music', 'youtube'],
    ['YouTube (Red)', 'youtube'],
    ['TIDAL', 'tidal'],
    ['24/7 MusicShop', '24-7-musicshop'],
    ['Anghami', 'anghami'],
    ['Pineapple Radio', 'pineapple-radio'], // "apple" only as a word
    ['Qobuz Téléchargement', 'qobuz-telechargement'],
  ])('%j → %s', (name, id) => {
    expect(storeId(name)).toBe(id);
  });

  it('gives names without ASCII letters a stable, valid id', () => {
    expect(storeId('网易云音乐')).toMatch(/^store-[0-9a-z]{7}$/);
    expect(storeId('网易云音乐')).toBe(storeId(' 网易云音乐 '));
    expect(storeId('网易云音乐')).not.toBe(storeId('酷狗音乐'));
  });

  it.each([
    ['YouTube (ContentID)', true],
    ['YouTube Content ID', true],
    ['Content-ID', true],
    ['YouTube Music', false],
  ])('%j is Content ID: %s', (name, expected) => {
    expect(isContentIdStore(name)).toBe(expected);
  });
});

describe('transactionKind', () => {
  it.each([
    ['stream', 'stream'],
    ['Stream', 'stream'],
    ['Streaming', 'stream'],
    ['Ad-supported streams', 'stream'],
    ['Video stream', 'stream'],
    ['download', 'not-stream'],
    ['Digital Download', 'not-stream'],
    ['Purchase', 'not-stream'],
    ['YouTube monetisation', 'not-stream'],
    ['YouTube Monetization', 'not-stream'],
    ['Content ID', 'not-stream'],
    ['UGC', 'not-stream'],
    ['Ringtone', 'not-stream'],
    ['Physical', 'not-stream'],
    ['Album', 'not-stream'],
    ['royalty', null],
    ['Song', null],
    ['', null],
  ])('%j → %s', (value, kind) => {
    expect(transactionKind(value)).toBe(kind);
  });
});

describe('localTrackId', () => {
  it('prefers the ISRC, then the distributor id, then artist and title', () => {
    expect(localTrackId('believe', { isrc: 'FRBLV2400021', distributorId: '9', artist: 'A', title: 'T' })).toBe('believe:FRBLV2400021');
    expect(localTrackId('tunecore', { isrc: null, distributorId: '5550102', artist: 'A', title: 'T' })).toBe('tunecore:id-5550102');
    expect(localTrackId('cdbaby', { isrc: null, artist: 'Zoë Café', title: 'Été indien!' })).toBe('cdbaby:zoë-café-été-indien');
  });

  it('stays within 100 characters and tells long titles apart', () => {
    const long = (end: string) => localTrackId('distrokid', { isrc: null, artist: 'An Artist', title: `${'very long title '.repeat(10)}${end}` });
    expect(long('a').length).toBeLessThanOrEqual(100);
    expect(long('a')).not.toBe(long('b'));
  });
});
