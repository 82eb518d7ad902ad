/**
 * The one question the overview asks of every compared day, answered on numbers alone: is it
 * an ANOMALY? It is the path of reasons.ts that ends in ANOMALY (settled, both counts, not a
 * match, enough streams, outside the usual band and beyond counting noise), without building
 * the reason. A pending day is never one (reasons.ts rule 1). The reference test checks it
 * against the reasons themselves on generated histories.
 */
import { isUsualRatio, type Baseline } from './baseline';
import { isLowVolume, isMatch, withinNoise } from './noise';

export function isAnomalousPair(spotify: number, distributor: number, baseline: Baseline): boolean {
  if (isMatch(spotify, distributor) || isLowVolume(spotify, distributor)) return false;
  const ratio = spotify > 0 ? distributor / spotify : Number.POSITIVE_INFINITY;
  if (isUsualRatio(baseline, ratio)) return false;
  return !withinNoise(distributor, baseline.ratio * spotify);
}
