/**
 * The one way every reader refuses days that disagree with what the page itself shows
 * (README.md of this folder): the refused days' observations are taken out, the result is
 * partial, `rejected` counts what was taken out, and the reason says what differed. The Spotify
 * check (core/sources/spotify/page-check.ts) and the distributors' (./distributor-check.ts)
 * both end here, so a refusal reads the same in the diagnostics whichever reader made it.
 */
import type { Message } from '../i18n/message';
import type { ReadingObservation } from '../messaging/reading';

/** What a refusal needs of a reader's result (ParseResult, or an added dashboard's outcome). */
export interface RefusableResult {
  observations: readonly ReadingObservation[];
  reason: Message | null;
  partial?: boolean;
  rejected?: number;
}

export function refuseObservations<Result extends RefusableResult>(result: Result, refused: (obs: ReadingObservation) => boolean, why: Message): Result {
  const observations = result.observations.filter((obs) => !refused(obs));
  const dropped = result.observations.length - observations.length;
  return { ...result, observations, partial: true, rejected: (result.rejected ?? 0) + dropped, reason: why };
}
