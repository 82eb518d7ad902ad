/**
 * A recording's way to 1,000 streams (docs/ui.md): a progress bar with its sentence, "812 of 1,000
 * streams in the last 12 months · about 9 days to go at this pace". Shared by popup, history
 * page and overlays.
 */
import type { EligibilityTrack } from '../core/eligibility/recording';
import { ELIGIBILITY_THRESHOLD } from '../core/eligibility/rules';
import { eligibilityProgress } from '../core/eligibility/status';
import type { Day } from '../core/model/day';
import { projectionText, trailingText } from './recording-status';
import { t } from './i18n';

interface EligibilityBarProps {
  eligibility: Pick<EligibilityTrack, 'trailing12mStreams' | 'eligible' | 'projectedEligibleDay'>;
  /** The UTC day the view was computed for ("days to go" counts from it). */
  today: Day;
  locale?: string;
  /** Without the sentence (the popup prints its own shorter line). */
  barOnly?: boolean;
  /** Names what the bar is about when several bars are on screen. */
  label?: string;
}

export function EligibilityBar({ eligibility, today, barOnly = false, label }: EligibilityBarProps) {
  const progress = eligibilityProgress(eligibility);
  const sentence = trailingText(eligibility);
  const projection = projectionText(eligibility, today);
  const fullText = projection ? `${sentence} · ${projection}` : sentence;
  return (
    <div class="cc-elig">
      <div
        class={`cc-progress${eligibility.eligible ? '' : ' cc-progress--climbing'}`}
        role="progressbar"
        aria-label={label ?? t('eligibilityBarLabel')}
        aria-valuemin={0}
        aria-valuemax={ELIGIBILITY_THRESHOLD}
        aria-valuenow={Math.min(ELIGIBILITY_THRESHOLD, eligibility.trailing12mStreams)}
        aria-valuetext={fullText}
      >
        <div class="cc-progress__fill" style={{ width: `${(progress * 100).toFixed(1)}%` }} />
      </div>
      {!barOnly && <p class="cc-elig__text">{fullText}</p>}
    </div>
  );
}
