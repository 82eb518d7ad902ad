/**
 * The distributors' readers' check against the page (the iMusician reader, an added
 * dashboard's): what the page renders now (./page-evidence.ts) beside the reading, day by day
 * where the page shows days (core/page-check/distributor-check.ts). A day the page shows with
 * another count is not stored. For createPageCheckQueue (./page-check-queue.ts).
 */
import { checkDistributorReading } from '../core/page-check/distributor-check';
import { collectPageEvidence } from './page-evidence';
import type { PageCheckStep } from './page-check-queue';
import type { ReaderOutcome } from './reading-session';

export function checkDistributorOutcome<Outcome extends ReaderOutcome>(outcome: Outcome, final: boolean): PageCheckStep<Outcome> {
  return checkDistributorReading(outcome, collectPageEvidence(), final);
}
