/** The recipe an artist's answer makes of a candidate (the panel's confirmation, core/recipes/README.md). */
import { patternOf } from './address';
import type { Candidate, ConfirmAnswer, Recipe } from './types';

export const RECIPE_ID = /^r-[A-Za-z0-9]{8,32}$/;
export const MAX_NAME = 80;
export const STORE_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** A name as the artist typed it, as one line of text (no control or format characters), at most MAX_NAME; '' when nothing is left. */
export function cleanRecipeName(name: string): string {
  return name.replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

/** Null when the answer cannot make a recipe (no https page address, no store, a bad id or time). */
export function confirmCandidate(candidate: Candidate, answer: ConfirmAnswer): Recipe | null {
  const page = patternOf(answer.pageUrl);
  const store = candidate.recipe.store ?? (answer.store && STORE_ID.test(answer.store) ? { kind: 'fixed' as const, store: answer.store } : null);
  const name = cleanRecipeName(answer.name);
  if (!page || !store || !RECIPE_ID.test(answer.id) || Number.isNaN(Date.parse(answer.now)) || name === '') return null;
  return {
    ...candidate.recipe,
    id: answer.id,
    name,
    distributor: answer.distributor.id,
    distributorLabel: answer.distributor.label,
    page,
    store,
    confirmedAt: new Date(answer.now).toISOString(),
    origin: 'taught',
  };
}
