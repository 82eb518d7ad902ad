/**
 * The history file's optional `provenance` list (docs/contracts.md §1 "Provenance"): which
 * recipe read which reading. Checked here when a file is read, and merged as a union that
 * depends only on the contents of the inputs.
 */
import { z } from '../zod';
import { compareProvenance, provenanceKey, provenanceOf, type ProvenanceRecord } from '../model/provenance';
import { hasUnsafeControls } from '../model/inert';
import { instantSchema, sourceIdSchema, type Observation } from '../model/schema';
import { MAX_NAME, RECIPE_ID } from '../recipes/confirm';

const recipeNameSchema = z
  .string()
  .min(1)
  .max(MAX_NAME)
  .refine((name) => !hasUnsafeControls(name), { error: 'a recipe name may not hold control characters' });

export const provenanceRecordSchema = z.object({
  source: sourceIdSchema,
  observedAt: instantSchema,
  recipe: z.string().regex(RECIPE_ID, { error: (issue) => `${JSON.stringify(issue.input)} is not a recipe id ("r-" and 8–32 letters or digits)` }),
  recipeName: recipeNameSchema,
  confirmedAt: instantSchema.optional(),
  origin: z.enum(['built-in', 'taught', 'imported']).optional(),
});

/** The record with its optional fields only when present (what the schema gives back, without `undefined` keys). */
export function plainProvenance(record: z.output<typeof provenanceRecordSchema>): ProvenanceRecord {
  const plain: ProvenanceRecord = { source: record.source, observedAt: record.observedAt, recipe: record.recipe, recipeName: record.recipeName };
  if (record.confirmedAt !== undefined) plain.confirmedAt = record.confirmedAt;
  if (record.origin !== undefined) plain.origin = record.origin;
  return plain;
}

/**
 * One record per reading (source, reading time) that some observation still has, sorted.
 * Where inputs disagree about one reading, the record that sorts last (compareProvenance:
 * recipe id, name, confirmation time, origin) is kept, so a record with a confirmation time
 * wins over the same one without.
 */
export function mergeProvenance(records: readonly ProvenanceRecord[], observations: readonly Observation[]): ProvenanceRecord[] {
  const byKey = new Map<string, ProvenanceRecord>();
  for (const record of records) {
    const key = provenanceKey(record.source, record.observedAt);
    const kept = byKey.get(key);
    if (!kept || compareProvenance(record, kept) > 0) byKey.set(key, record);
  }
  return provenanceOf([...byKey.values()], observations);
}
