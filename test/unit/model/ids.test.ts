import { describe, expect, it } from 'vitest';
import { isBuiltInDistributorSource, SPOTIFY_SOURCE, TAUGHT_SOURCE_PREFIX } from '../../../core/model/ids';
import { isBuiltInDistributor, SITES } from '../../../core/sites';

describe('isBuiltInDistributorSource', () => {
  it('agrees with the site descriptors for every built-in site', () => {
    for (const site of SITES) expect(isBuiltInDistributorSource(site.id), site.id).toBe(isBuiltInDistributor(site.id));
    expect(SITES.some((site) => isBuiltInDistributorSource(site.id))).toBe(true);
  });

  it.each([
    [SPOTIFY_SOURCE, false],
    [`${TAUGHT_SOURCE_PREFIX}distrokid`, false],
    ['distrokid', false],
    ['constructor', false],
    ['__proto__', false],
  ])('%s → %s', (source, expected) => {
    expect(isBuiltInDistributorSource(source)).toBe(expected);
    expect(isBuiltInDistributor(source)).toBe(expected);
  });
});
