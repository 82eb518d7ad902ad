/** Where a day's distributor count came from, in the artist's language (docs/ui.md "Provenance"). */
import type { Provenance } from '../core/model/provenance';
import { t } from './i18n';

/** "built-in: iMusician", "recipe ‘DistroKid daily’", "imported file". `name`: the dashboard's name as artists know it. */
export function provenanceLabel(provenance: Provenance, name: string): string {
  if (provenance.kind === 'recipe') return t('provenanceRecipe', { name: provenance.recipeName });
  if (provenance.kind === 'file') return t('provenanceFile');
  return t('provenanceBuiltIn', { name });
}
