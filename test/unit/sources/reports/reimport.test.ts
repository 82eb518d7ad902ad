/**
 * docs/contracts.md §1: importing a newer export of the same report revises it (latest observedAt
 * wins), so re-importing never double counts. Checked with the model's own revision rules.
 */
import { describe, expect, it } from 'vitest';
import { groupRevisions, revisionAsOf } from '../../../../core/model/revisions';
import { readReport } from '../../../../core/sources/reports';
import { fixture, utf8 } from './helpers';

const FIRST = '2024-07-01T08:00:00.000Z';
const SECOND = '2024-08-01T08:00:00.000Z';

describe('re-importing a report', () => {
  it.each(['imusician-sales.csv', 'distrokid-v1.tsv', 'tunecore.csv', 'cdbaby.txt', 'believe-semicolon.csv', 'amuse.xlsx', 'distrokid-v2.zip'])(
    '%s: the same file gives the same tracks and series; merged, each series keeps one value',
    (name) => {
      const first = readReport(fixture(name), name, { importedAt: FIRST });
      const again = readReport(fixture(name), name, { importedAt: SECOND });
      expect(again.tracks).toEqual(first.tracks);
      expect(again.observations).toEqual(first.observations.map((obs) => ({ ...obs, observedAt: SECOND })));
      const merged = groupRevisions([...first.observations, ...again.observations]);
      expect(merged.size).toBe(first.observations.length);
      for (const revisions of merged.values()) expect(revisions).toHaveLength(1);
    },
  );

  it('a newer export with a corrected month replaces the value instead of adding to it', () => {
    const header = 'Sales Date,Statement Date,Artist,Release Title,Barcode,Label,ISRC,Track Title,Track Version,Shop,Transaction Type,Country,Quantity,Revenue EUR\n';
    const row = (quantity: number, country: string) => `2024-01,2024-05,Luma Field,Night Drive,764,Self,CHA1B2400001,Night Drive,,Spotify,stream,${country},${quantity},1.00\n`;
    const older = readReport(utf8(header + row(800, 'CH') + row(200, 'DE')), 'sales.csv', { importedAt: FIRST });
    const newer = readReport(utf8(header + row(800, 'CH') + row(230, 'DE')), 'sales.csv', { importedAt: SECOND });
    const [series] = groupRevisions([...older.observations, ...newer.observations]).values();
    expect(series!.map((obs) => obs.value)).toEqual([1000, 1030]);
    expect(revisionAsOf(series!, '2024-07-15T00:00:00.000Z')?.value).toBe(1000);
    expect(revisionAsOf(series!, SECOND)?.value).toBe(1030);
  });

  it('row order does not change track ids', () => {
    const header = 'Sale Month\tStore\tArtist\tTitle\tISRC\tQuantity\tSong/Album\tEarnings (USD)\n';
    const rows = ['2024-01\tSpotify\tA\tNo Code\t\t5\tSong\t0.01\n', '2024-01\tSpotify\tA\tOther\t\t7\tSong\t0.02\n'];
    const forward = readReport(utf8(header + rows.join('')), 'dk.tsv', { importedAt: FIRST });
    const backward = readReport(utf8(header + [...rows].reverse().join('')), 'dk.tsv', { importedAt: FIRST });
    expect(backward).toEqual(forward);
    expect(forward.tracks.map((track) => track.id)).toEqual(['distrokid:a-no-code', 'distrokid:a-other']);
  });
});

describe('distributor ids that are not per track are left out', () => {
  it('a CD Baby SKU shared by two tracks is kept on neither', () => {
    const header = 'Report Date\tSales Date\tQuantity\tPrice\tSubtotal\tIsrc\tBarcode\tCDBabySku\tAlbum Name\tArtist Name\tTrack Name\tPartner Name\tTransaction Type\tDelivery Country\n';
    const row = (isrc: string, title: string) => `11/30/2023\t10/15/2023\t5\t0.003\t0.015\t${isrc}\t884501000011\tALBUM-SKU\tShoreline\tAda Brook\t${title}\tSpotify\tStream\tUS\n`;
    const history = readReport(utf8(header + row('USCGH2400011', 'Harbor Lights') + row('USCGH2400012', 'Red Kite')), 'cdbaby.txt', { importedAt: FIRST });
    expect(history.tracks.map((track) => track.distributorIds)).toEqual([{}, {}]);
  });
});
