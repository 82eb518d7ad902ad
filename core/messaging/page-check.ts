/**
 * `cs:checkPage`: a distributor reader's reading beside what its page renders, compared in the
 * background (core/page-check/distributor-check.ts) so the dated parsing and the comparison stay
 * out of the dashboards' content scripts (BENCHMARKS.md, the 25 kB budget). The content script
 * sends the page's raw texts (lib/page-evidence.ts) with the reading's tracks and observations;
 * the answer names the observations to refuse by their index, and the words of the check.
 */
import { z } from '../zod';
import { MAX_READING_OBSERVATIONS, MAX_READING_TRACKS, readingObservationSchema, trackRefSchema } from './reading';
import { MAX_DATED_SERIES } from '../page-check/dated';
import type { Message } from '../i18n/message';

/** Bounds of the page's texts, as lib/page-evidence.ts collects them (a little above its own caps). */
export const PAGE_EVIDENCE_LIMITS = { numbers: 5000, labels: 500, text: 200, context: 600, rows: 4000, cells: 20, chartLabels: 500 } as const;

const text = z.string().max(PAGE_EVIDENCE_LIMITS.text);

const datedSourceSchema = z.union([
  z.object({ kind: z.literal('table'), context: z.string().max(PAGE_EVIDENCE_LIMITS.context), rows: z.array(z.array(text).max(PAGE_EVIDENCE_LIMITS.cells)).max(PAGE_EVIDENCE_LIMITS.rows) }),
  z.object({ kind: z.literal('chart'), context: z.string().max(PAGE_EVIDENCE_LIMITS.context), labels: z.array(text).max(PAGE_EVIDENCE_LIMITS.chartLabels) }),
]);

export const checkPageRequest = z.object({
  tracks: z.array(trackRefSchema).max(MAX_READING_TRACKS),
  observations: z.array(readingObservationSchema).max(MAX_READING_OBSERVATIONS),
  evidence: z.object({
    numbers: z.array(z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)).max(PAGE_EVIDENCE_LIMITS.numbers),
    labels: z.array(text).max(PAGE_EVIDENCE_LIMITS.labels),
    sources: z.array(datedSourceSchema).max(MAX_DATED_SERIES * 2),
    locale: z.string().max(35).optional(),
  }),
  /** The last attempt: the page had its time to render. */
  final: z.boolean(),
});

export type CheckPageRequest = z.output<typeof checkPageRequest>;

export type CheckPageReply =
  | { status: 'none' }
  | { status: 'not-yet' }
  /** `refused`: indexes into the request's observations that the page shows otherwise. */
  | { status: 'checked'; check: Message; refused: number[] };
