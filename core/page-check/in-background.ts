/**
 * The background's side of `cs:checkPage` (core/messaging/page-check.ts): the page's raw texts
 * become dated figures (./dated.ts), the reading is compared with them
 * (./distributor-check.ts), and the answer names the observations to refuse by index, so the
 * content script refuses them with the one shared step (./refuse.ts).
 */
import type { CheckPageReply, CheckPageRequest } from '../messaging/page-check';
import { datedSeriesOf } from './dated';
import { checkDistributorReading } from './distributor-check';

export function checkPageInBackground(request: CheckPageRequest): CheckPageReply {
  const { tracks, observations, evidence, final } = request;
  const page = { numbers: evidence.numbers, labels: evidence.labels, dated: datedSeriesOf(evidence.sources, evidence.locale) };
  const step = checkDistributorReading({ tracks, observations, reason: null }, page, final);
  if (step.status !== 'checked') return step;
  // The refusal keeps the observations it does not refuse, as they were: what is gone is refused.
  const kept = new Set(step.outcome.observations);
  const refused = observations.flatMap((obs, index) => (kept.has(obs) ? [] : [index]));
  return { status: 'checked', check: step.check, refused };
}
