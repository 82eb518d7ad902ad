/**
 * How an evidence report says where the quoted counts came from (./report.ts for days,
 * ./weeks.ts for weeks): built-in knowledge, each recipe by name with how it came to be and
 * when it was confirmed, or an imported file.
 */
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';
import type { Provenance } from '../model/provenance';
import { markdownText } from './markdown';

/** Phrases a message in the report's language. */
export type Say = (text: Message) => string;

/** One reading of a source's counts: every revision it stored has this time. */
interface Reading {
  readonly source: string;
  readonly observedAt: string;
}

/** Where a reading's counts came from, by the source and time of a revision. */
export type ProvenanceOf = (source: string, observedAt: string) => Provenance;

const ORIGIN_KEYS = { taught: 'evidenceRecipeTaught', imported: 'evidenceRecipeImported', 'built-in': 'evidenceRecipeShipped' } as const;

/**
 * One line per way the quoted counts of this source were read: built-in knowledge, each
 * recipe (its name as inert text, how it came to be, when it was confirmed), an imported file.
 */
export function provenanceLines(say: Say, readings: Iterable<Reading>, source: string, name: string, provenanceOf: ProvenanceOf): string[] {
  let builtIn = false;
  let file = false;
  const recipes = new Map<string, Extract<Provenance, { kind: 'recipe' }>>();
  for (const reading of readings) {
    if (reading.source !== source) continue;
    const provenance = provenanceOf(source, reading.observedAt);
    if (provenance.kind === 'built-in') builtIn = true;
    else if (provenance.kind === 'file') file = true;
    else recipes.set(provenance.recipe, provenance);
  }
  const lines: string[] = [];
  if (builtIn) lines.push(say(message('evidenceReadBuiltIn', { name })));
  const byName = [...recipes.values()].sort((a, b) => (a.recipeName < b.recipeName ? -1 : a.recipeName > b.recipeName ? 1 : a.recipe < b.recipe ? -1 : 1));
  for (const recipe of byName) {
    const details: Message[] = [];
    if (recipe.origin) details.push(message(ORIGIN_KEYS[recipe.origin]));
    if (recipe.confirmedAt) details.push(message('evidenceRecipeConfirmed', { at: { instant: recipe.confirmedAt } }));
    if (details.length === 0) details.push(message('evidenceRecipeUndated'));
    const recipeName = markdownText(recipe.recipeName) || markdownText(recipe.recipe);
    lines.push(say(message('evidenceReadByRecipe', { name, recipe: recipeName, details: { list: details.map((text) => ({ text })) } })));
  }
  if (file) lines.push(say(message('evidenceReadFromFile', { name })));
  return lines;
}

