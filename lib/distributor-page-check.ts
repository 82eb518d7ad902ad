/**
 * The distributors' readers' check against the page (the iMusician reader, an added
 * dashboard's): what the page renders now (./page-evidence.ts) beside the reading, compared day
 * by day in the background (`cs:checkPage`, core/page-check/in-background.ts: the dated parsing
 * and the comparison stay out of this script). A day the page shows with another count is not
 * stored. For createPageCheckQueue (./page-check-queue.ts).
 */
import { refuseObservations } from '../core/page-check/refuse';
import { send } from './messages';
import { collectPageEvidence } from './page-evidence';
import type { PageCheckStep } from './page-check-queue';
import type { ReaderOutcome } from './reading-session';
import type { CheckPageRequest } from '../core/messaging/page-check';

export function checkDistributorOutcome<Outcome extends ReaderOutcome>(outcome: Outcome, final: boolean): PageCheckStep<Outcome> | Promise<PageCheckStep<Outcome>> {
  // Nothing to compare: known here, so such an outcome is recorded at once.
  if (!outcome.observations.some((obs) => obs.metric === 'streams')) return { status: 'none' };
  return send('cs:checkPage', { tracks: [...outcome.tracks], observations: [...outcome.observations], evidence: collectPageEvidence() as CheckPageRequest['evidence'], final }).then((reply): PageCheckStep<Outcome> => {
    if (reply.status !== 'checked') return reply;
    if (reply.refused.length === 0) return { status: 'checked', outcome, check: reply.check };
    const refused = new Set(reply.refused.map((index) => outcome.observations[index]));
    return { status: 'checked', outcome: refuseObservations(outcome, (obs) => refused.has(obs), reply.check), check: reply.check };
  });
}
