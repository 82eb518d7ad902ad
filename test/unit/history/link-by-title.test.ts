import { describe, expect, it } from 'vitest';
import { linkByTitle, normaliseTitle } from '../../../core/history/link-by-title';
import type { Track } from '../../../core/model/schema';

function s4a(id: string, title: string, artists: string[] = []): Track {
  return { id, isrc: null, title, artists, spotifyTrackIds: [], distributorIds: {} };
}
function dist(isrc: string, title: string, artists: string[] = ['Northbound Choir']): Track {
  return { id: `im-${isrc}`, isrc, title, artists, spotifyTrackIds: [], distributorIds: { imusician: isrc.slice(-4) } };
}

describe('normaliseTitle', () => {
  it.each([
    ['Harbour Lights', 'harbour lights'],
    ['HARBOUR  LIGHTS!', 'harbour lights'],
    ['Café Tonight', 'cafe tonight'],
    ['Café Tonight (feat. Mira)', 'cafe tonight'],
    ['Café Tonight [ft. Mira & Jo]', 'cafe tonight'],
    ['Café Tonight feat. Mira', 'cafe tonight'],
    ['Café Tonight featuring Mira - Radio Edit', 'cafe tonight radio edit'],
    ['Harbour Lights - Radio Edit', 'harbour lights radio edit'],
    ['Harbour Lights (Acoustic)', 'harbour lights acoustic'],
    ['Left Feat', 'left feat'],
  ])('%s → %s', (title, expected) => {
    expect(normaliseTitle(title)).toBe(expected);
  });
});

describe('linkByTitle', () => {
  const table: Array<[string, Track[], Track[], Array<[string, string]>]> = [
    ['exact title', [s4a('a', 'Harbour Lights')], [dist('CHXXX2400001', 'Harbour Lights')], [['a', 'CHXXX2400001']]],
    ['case, accents, punctuation, feat.', [s4a('a', 'cafe tonight (feat. Mira)')], [dist('CHXXX2400002', 'Café Tonight')], [['a', 'CHXXX2400002']]],
    ['a version is not the original', [s4a('a', 'Harbour Lights')], [dist('CHXXX2400003', 'Harbour Lights - Radio Edit')], []],
    [
      'original and version each to their own ISRC',
      [s4a('a', 'Harbour Lights'), s4a('b', 'Harbour Lights - Acoustic')],
      [dist('CHXXX2400001', 'Harbour Lights'), dist('CHXXX2400004', 'Harbour Lights - Acoustic')],
      [['a', 'CHXXX2400001'], ['b', 'CHXXX2400004']],
    ],
    ['two distributor ISRCs for one title: ambiguous', [s4a('a', 'Intro')], [dist('CHXXX2400005', 'Intro'), dist('CHXXX2400006', 'Intro')], []],
    ['the same ISRC on single and album counts once', [s4a('a', 'Intro')], [dist('CHXXX2400005', 'Intro'), { ...dist('CHXXX2400005', 'Intro'), id: 'album-copy' }], [['a', 'CHXXX2400005']]],
    ['two S4A tracks with one title: ambiguous', [s4a('a', 'Intro'), s4a('b', 'INTRO')], [dist('CHXXX2400005', 'Intro')], []],
    ['artists differ when both are named', [s4a('a', 'Intro', ['Someone Else'])], [dist('CHXXX2400005', 'Intro')], []],
    ['artists agree when both are named', [s4a('a', 'Intro', ['northbound choir'])], [dist('CHXXX2400005', 'Intro', ['Northbound Choir', 'Mira'])], [['a', 'CHXXX2400005']]],
    ['artist picks between two same-title ISRCs', [s4a('a', 'Intro', ['Mira'])], [dist('CHXXX2400005', 'Intro', ['Northbound Choir']), dist('CHXXX2400007', 'Intro', ['Mira'])], [['a', 'CHXXX2400007']]],
    ['distributor track without ISRC is no candidate', [s4a('a', 'Intro')], [{ ...dist('CHXXX2400005', 'Intro'), isrc: null }], []],
    ['no match', [s4a('a', 'Outro')], [dist('CHXXX2400005', 'Intro')], []],
    ['empty title never links', [s4a('a', '!!!')], [dist('CHXXX2400005', '???')], []],
    ['an S4A track that already has an ISRC is left alone', [{ ...s4a('a', 'Intro'), isrc: 'CHXXX2400009' }], [dist('CHXXX2400005', 'Intro')], []],
    [
      'one ISRC under two titles claimed by two S4A tracks: neither',
      [s4a('a', 'Song'), s4a('b', 'Song (Single Version)')],
      [dist('CHXXX2400008', 'Song'), dist('CHXXX2400008', 'Song (Single Version)')],
      [],
    ],
  ];
  it.each(table)('%s', (_name, s4aTracks, distributorTracks, expected) => {
    expect([...linkByTitle(s4aTracks, distributorTracks)]).toEqual(expected);
  });
});

describe('linkByTitle invariants', () => {
  it('links only equal normalised titles, and never two S4A tracks to one ISRC', async () => {
    const fc = (await import('fast-check')).default;
    const title = fc.constantFrom('Intro', 'intro!', 'Harbour Lights', 'Harbour Lights - Radio Edit', 'Café (feat. Mira)', 'Cafe', 'Outro');
    const isrc = fc.constantFrom('CHXXX2400001', 'CHXXX2400002', 'CHXXX2400003');
    fc.assert(
      fc.property(fc.array(title, { maxLength: 6 }), fc.array(fc.tuple(isrc, title), { maxLength: 6 }), (s4aTitles, distPairs) => {
        const s4aTracks = s4aTitles.map((t, i) => s4a(`s${i}`, t));
        const distTracks = distPairs.map(([code, t]) => dist(code, t));
        const links = linkByTitle(s4aTracks, distTracks);
        expect(new Set(links.values()).size).toBe(links.size);
        for (const [id, code] of links) {
          const key = normaliseTitle(s4aTracks.find((t) => t.id === id)!.title);
          expect(distTracks.some((t) => t.isrc === code && normaliseTitle(t.title) === key)).toBe(true);
          expect(new Set(distTracks.filter((t) => normaliseTitle(t.title) === key).map((t) => t.isrc)).size).toBe(1);
        }
      }),
    );
  });
});
