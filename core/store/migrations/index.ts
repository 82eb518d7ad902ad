/**
 * Every version of the database layout, oldest first. To change the layout, add the next
 * numbered file (003-….ts) and append it here; never edit a released step.
 */
import { initial } from './001-initial';
import { identityKeys } from './002-identity-keys';
import { observationBuckets } from './003-observation-buckets';
import { money } from './004-money';
import { recipes } from './005-recipes';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initial, identityKeys, observationBuckets, money, recipes];

/** Throws unless the list is numbered 1, 2, 3 … without gaps (a typo would skip a step). */
export function checkMigrations(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${index + 1} is numbered ${migration.version}: versions must run 1, 2, 3 … without gaps`);
    }
  });
  if (migrations.length === 0) throw new Error('no migrations: the database needs at least version 1');
  return migrations.length;
}
