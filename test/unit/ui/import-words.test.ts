/** What a file was read as, phrased in the artist's language from the importer's name (docs/i18n.md). */
import { describe, expect, it } from 'vitest';
import { formatName } from '../../../entrypoints/options/ImportPanel';
import { IMPORTERS } from '../../../core/import/registry';
import { speak } from '../i18n/catalogs';

describe('import format names', () => {
  it('English: the history file, the Spotify download, each distributor’s report by its own name', () => {
    expect(formatName('history')).toBe('Crosscount history file');
    expect(formatName('spotify-csv')).toBe('Spotify for Artists download');
    expect(formatName('distrokid')).toBe('DistroKid sales report');
    expect(formatName('cdbaby')).toBe('CD Baby sales report');
  });

  it('German, French, Italian, Spanish: every importer is named, none in English', () => {
    const expected = {
      de: ['Crosscount-Verlaufsdatei', 'Download aus Spotify for Artists', 'Verkaufsbericht von TuneCore'],
      fr: ['Fichier d’historique Crosscount', 'Téléchargement Spotify for Artists', 'Relevé de ventes TuneCore'],
      it: ['File di cronologia Crosscount', 'Download da Spotify for Artists', 'Report di vendita TuneCore'],
      es: ['Archivo de historial de Crosscount', 'Descarga de Spotify for Artists', 'Informe de ventas de TuneCore'],
    } as const;
    for (const [language, [history, spotify, tunecore]] of Object.entries(expected)) {
      speak(language as keyof typeof expected);
      expect([formatName('history'), formatName('spotify-csv'), formatName('tunecore')], language).toEqual([history, spotify, tunecore]);
      for (const importer of IMPORTERS) expect(formatName(importer.name), `${language} ${importer.name}`).not.toMatch(/report|download|history file/);
    }
  });
});
