/**
 * The messages of an added dashboard's reader (entrypoints/distributor.content/): what it asks
 * the background and what comes back. The recogniser, the recipes and their checks run in the
 * background (core/recipes); the content script only hands over what the page received and
 * shows the answers (docs/architecture.md "Added dashboards").
 */
import { z } from '../zod';
import { daySchema } from '../model/schema';
import { STORE_ID } from '../recipes/confirm';
import type { Message } from '../i18n/message';
import type { AddressPattern, Cadence, CandidatePoint, NoMatchReason } from '../recipes/types';
import type { TaughtSite } from '../taught-sites';
import type { ReadingObservation, TrackRef } from './reading';

const url = z.string().max(2000);

/** One data response as the page channel handed it over (lib/page-channel.ts bounds it). */
export const taughtResponseSchema = z.object({
  url,
  method: z.enum(['GET', 'POST', 'OTHER']),
  status: z.number().int().min(0).max(999),
  body: z.unknown(),
  text: z.string().max(200).nullable(),
});
export type TaughtResponse = z.output<typeof taughtResponseSchema>;

export const taughtRequests = {
  recipes: z.object({ pageUrl: url }),
  recognise: z.object({ pageUrl: url, today: daySchema, response: taughtResponseSchema }),
  /**
   * The artist's answer. The response comes again (the background keeps nothing between
   * messages: a stopped worker forgets), and the candidate is found in it by its id.
   */
  confirmCandidate: z.object({
    pageUrl: url,
    today: daySchema,
    response: taughtResponseSchema,
    candidateId: z.string().regex(/^c-[A-Za-z0-9]{1,40}$/),
    store: z.string().regex(STORE_ID).nullable(),
    name: z.string().min(1).max(200),
  }),
};

/** A recipe as the page's panel names it. */
export interface RecipeName {
  id: string;
  name: string;
}

/** What `cs:recipes` answers: the dashboard, and the recipes that read this page with the pages each reads on. */
export interface TaughtPage {
  site: TaughtSite;
  recipes: Array<RecipeName & { page: AddressPattern }>;
}

/** What a recipe read from one response, as the reading session takes it (lib/reading-session.ts). */
export interface RecipeOutcome {
  kind: string;
  recognised: boolean;
  reason: Message | null;
  note: Message | null;
  tracks: TrackRef[];
  observations: ReadingObservation[];
  /** Days not final yet (today), not stored. */
  heldBack: number;
}

/** A candidate as the panel shows it: its words, its counts (for the check against the page). */
export interface CandidateOffer {
  id: string;
  words: Message;
  /** The store the response names, or null: the panel asks. */
  store: string | null;
  cadence: Cadence;
  points: CandidatePoint[];
}

export type TaughtReading =
  /** A recipe read this response. */
  | { kind: 'read'; template: string; recipe: RecipeName; outcome: RecipeOutcome }
  /**
   * The recipe for this response no longer matches it: nothing is stored, and why; with what
   * the artist could confirm instead (empty in `cs:confirmCandidate`'s answer).
   */
  | { kind: 'no-match'; template: string; recipe: RecipeName; reason: NoMatchReason; words: Message; candidates: CandidateOffer[]; refusals: Message[] }
  /** No recipe reads it: what the artist could confirm, and what was refused. */
  | { kind: 'candidates'; template: string; candidates: CandidateOffer[]; refusals: Message[] }
  /** An error answer, an empty one, or not data. */
  | { kind: 'nothing'; template: string; reason: Message };

export interface TaughtConfirmed {
  /** The new recipe, with the pages it reads on (the reader shows its panel there from now on). */
  recipe: RecipeName & { page: AddressPattern };
  /** The same response read with the new recipe (`read`, or `no-match` should it not read). */
  reading: Extract<TaughtReading, { kind: 'read' | 'no-match' }>;
}
