import { confirmCandidate, DISTRIBUTORS, type Candidate, type Recipe } from '../../../core/recipes';

const distrokid = DISTRIBUTORS.find((one) => one.id === 'distrokid')!;

export function confirm(candidate: Candidate, store: string | null = 'spotify'): Recipe {
  const recipe = confirmCandidate(candidate, { pageUrl: 'https://distrokid.com/stats/', distributor: distrokid, store, name: 'DistroKid daily', now: '2026-03-09T10:00:00.000Z', id: 'r-abcdef12' });
  if (!recipe) throw new Error('not confirmed');
  return recipe;
}
