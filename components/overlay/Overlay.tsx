/**
 * The panel beside a dashboard's own stats (docs/ui.md "Overlay"): recent days with both counts,
 * the difference and the reason, and the recording's eligibility progress. Text only: every
 * title and number from the page is rendered as text.
 */
import type { DayComparison } from '../../core/compare/types';
import { daysBetween } from '../../core/model/day';
import type { OverlayView } from '../../core/views/types';
import type { SiteDescriptor } from '../../core/sources/site';
import { ELIGIBILITY_THRESHOLD } from '../../core/eligibility/rules';
import { eligibilityProgress, streamsToGo } from '../../core/eligibility/status';
import { formatDay } from '../format';
import type { SavedText } from '../../core/i18n/message';
import { formatSavedText, t } from '../i18n';
import { arrivesNote, OverlayHead, PairCells, WhyCell } from './OverlayCells';
import { OverlayWeeks } from './OverlayWeeks';
import { provenanceLabel } from '../provenance-words';
import { moneyFlagLabel, moneyFlagText, moneyMonthLabel } from '../money-words';
import { LEVEL_ICONS } from '../ReasonChip';
import type { ComponentChildren } from 'preact';

/** "iMusician", "DistroKid, iMusician": names of dashboards, the same in every language. */
function listNames(names: readonly string[]): string {
  return names.join(', ');
}

/** The distributors the panel names for this recording (Spotify side), as artists know them. */
function distributorNames(view: OverlayView): { all: string[]; daily: string[]; weekly: string[] } {
  return { all: view.distributorNames, daily: view.dailyDistributorNames, weekly: view.weeklyDistributorNames };
}

export type OverlayState =
  | { kind: 'loading' }
  | { kind: 'ready'; view: OverlayView }
  | { kind: 'unrecognised'; reason: SavedText }
  | { kind: 'error'; message: string };

export interface OverlayProps {
  state: OverlayState;
  /** The dashboard this panel sits on (its side decides which column is which). */
  site: SiteDescriptor;
  /** The dashboards on the other side of the comparison (their names and what to open there). */
  counterparts: readonly SiteDescriptor[];
  collapsed: boolean;
  onToggle(): void;
  onSaveSample?(): void;
  /** Opens the history page on this recording, where the evidence report is prepared. */
  onEvidence?(trackId: string): void;
  today: string;
  locale?: string;
  /**
   * A dashboard the artist added that nothing reads yet: its question instead of "nothing yet"
   * (./TeachPanel.tsx, drawn by lib/taught-reader.ts: only that reader's script carries it).
   */
  question?: ComponentChildren;
  /** One line above the days: which recipe read them, or that an answer was saved. */
  notice?: string | null;
}

function DayRow({ day, settleDays, today, locale, onEvidence, readBy }: { day: DayComparison; settleDays: number; today: string; locale?: string; onEvidence?: () => void; readBy?: string }) {
  // Where the distributor's count came from: hover text, and words for screen readers (the panel stays small).
  const readWith = readBy === undefined ? undefined : t('provenanceDistributorValue', { source: readBy });
  return (
    <tr class={day.status === 'pending' ? 'cc-row--pending' : undefined} data-testid="overlay-day">
      <th scope="row">{formatDay(day.day, locale)}</th>
      <PairCells spotify={day.spotify} distributor={day.distributor} diff={day.diff} ratio={day.ratio} locale={locale} readWith={readWith} testId="overlay-distributor-count" />
      <WhyCell reasons={day.reasons} pending={arrivesNote(day.status, day.day, settleDays, today)} onEvidence={onEvidence} />
    </tr>
  );
}

function EligibilityFooter({ view, today }: { view: OverlayView; today: string }) {
  const entry = view.eligibility;
  if (!entry) return null;
  const progress = eligibilityProgress(entry);
  const toGo = streamsToGo(entry);
  let pace = '';
  if (entry.eligible) pace = ` · ${t('overlayEarningThisMonth')}`;
  else if (entry.projectedEligibleDay) {
    const days = Math.max(0, daysBetween(today, entry.projectedEligibleDay));
    pace = ` · ${days === 0 ? t('overlayAboutNow') : t('overlayDaysToGo', { count: days })}`;
  }
  const caveat = t('caveatListenerMinimum');
  const threshold = ELIGIBILITY_THRESHOLD;
  return (
    <footer class="cc-footer" data-testid="overlay-eligibility">
      <div class="cc-progress" role="progressbar" aria-valuemin={0} aria-valuemax={threshold} aria-valuenow={Math.min(entry.trailing12mStreams, threshold)} aria-label={t('overlayProgressLabel', { threshold })}>
        <div class="cc-progress__fill" style={{ width: `${Math.round(progress * 100)}%` }} />
      </div>
      <p>
        {entry.eligible
          ? t('overlayOverThreshold', { streams: entry.trailing12mStreams, threshold })
          : t('overlayTowardThreshold', { streams: entry.trailing12mStreams, threshold, toGo })}
        {pace}{' '}
        <span class="cc-info" tabIndex={0} title={caveat} aria-label={caveat}>
          i
        </span>
      </p>
    </footer>
  );
}

/**
 * The sales statements' flags worth a look, each with its month (the overlay's month context):
 * the chip and the full sentence on hover and focus, as for the days.
 */
function MoneyLine({ view }: { view: OverlayView }) {
  if (view.moneyFlags.length === 0) return null;
  return (
    <ul class="cc-money" data-testid="overlay-money">
      {view.moneyFlags.map(({ month, store, flag }) => (
        <li key={`${month}-${store}-${flag.code}`}>
          <span class="cc-muted">{moneyMonthLabel(month)}</span>{' '}
          <span class={`cc-chip cc-chip--${flag.level}`} title={moneyFlagText(flag)} tabIndex={0} aria-label={`${moneyFlagLabel(flag.code)}: ${moneyFlagText(flag)}`}>
            <span class="cc-chip__icon" aria-hidden="true">
              {LEVEL_ICONS[flag.level]}
            </span>
            {moneyFlagLabel(flag.code)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** True when the panel has days or eligibility to show for the page's track. */
function hasData(state: OverlayState): boolean {
  return state.kind === 'ready' && state.view.found && (state.view.hasDistributor || state.view.hasSpotify);
}

function Body(props: OverlayProps) {
  const { state, locale } = props;
  // Until something is read for this page, an added dashboard asks (nothing is stored before the answer).
  if (props.question && !hasData(state)) return <>{props.question}</>;
  if (state.kind === 'loading') return <p class="cc-muted">{t('overlayLoading')}</p>;
  if (state.kind === 'error') return <p role="alert">{t('overlayError', { error: state.message })}</p>;
  if (state.kind === 'unrecognised') {
    return (
      <p>
        {t('overlayUnrecognised', { reason: formatSavedText(state.reason) })}{' '}
        {props.onSaveSample ? (
          <button type="button" class="cc-link" onClick={props.onSaveSample}>
            {t('overlaySaveSample')}
          </button>
        ) : null}
      </p>
    );
  }
  const { view } = state;
  if (!view.found || (!view.hasDistributor && !view.hasSpotify)) return <p class="cc-muted">{t('overlayNothingYet')}</p>;
  const onSpotify = props.site.side === 'streams-service';
  const missingOther = onSpotify ? !view.hasDistributor : !view.hasSpotify;
  const names = distributorNames(view);
  const other = listNames(props.counterparts.map((site) => site.label));
  // The column names the distributors the days come from, not a guess.
  const otherColumn = onSpotify ? listNames(names.daily.length > 0 ? names.daily : names.all) || t('colDistributor') : props.site.label;
  const hint = missingOther
    ? onSpotify
      ? t('overlayNoDistributorData')
      : t('overlayNoOtherData', { other, hint: props.counterparts.map((site) => t(site.words.openHint)).join(' ') })
    : onSpotify && names.daily.length === 0
      ? // Weekly counts are compared below; only reports' months are left to the history page.
        names.weekly.length > 0
        ? t('overlayWeeklyOnly', { names: listNames(names.weekly) })
        : t('overlayMonthlyOnly', { names: listNames(names.all) })
      : null;
  // The background names the distributors (distributorNames): the panel's script does not carry the names' table.
  const nameOf = (source: string) => view.distributorNames[view.distributorSources.indexOf(source)] ?? source;
  const readBy = new Map((view.dayProvenance ?? []).map((entry) => [`${entry.day}|${entry.source}`, provenanceLabel(entry.provenance, nameOf(entry.source))]));
  return (
    <>
      {hint ? <p data-testid="overlay-hint">{hint}</p> : null}
      {view.days.length > 0 ? (
        <table class="cc-days">
          <OverlayHead period={t('colDay')} other={otherColumn} otherTestId="overlay-other-column" />
          <tbody>
            {view.days.map((day) => (
              <DayRow
                key={`${day.day}-${day.distributorSource}`}
                day={day}
                settleDays={view.settleDays}
                today={props.today}
                locale={locale}
                onEvidence={props.onEvidence && view.track ? () => props.onEvidence!(view.track!.id) : undefined}
                readBy={readBy.get(`${day.day}|${day.distributorSource}`)}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      <OverlayWeeks view={view} today={props.today} locale={locale} onEvidence={props.onEvidence && view.track ? () => props.onEvidence!(view.track!.id) : undefined} />
      <MoneyLine view={view} />
      <EligibilityFooter view={view} today={props.today} />
    </>
  );
}

export function Overlay(props: OverlayProps) {
  const title = props.state.kind === 'ready' && props.state.view.track ? props.state.view.track.title : '';
  return (
    <section class={`cc-overlay${props.collapsed ? ' cc-overlay--collapsed' : ''}`} aria-label="Crosscount" data-testid="crosscount-overlay">
      <header class="cc-overlay__header">
        <strong>Crosscount</strong>
        {title ? <span class="cc-muted cc-overlay__title"> · {title}</span> : null}
        <button type="button" class="cc-toggle" data-testid="overlay-toggle" aria-expanded={!props.collapsed} onClick={props.onToggle}>
          {props.collapsed ? t('overlayShow') : t('overlayHide')}
        </button>
      </header>
      <div aria-live="polite">
        {props.collapsed ? null : (
          <>
            {props.notice ? (
              <p class="cc-notice" data-testid="overlay-notice">
                {props.notice}
              </p>
            ) : null}
            <Body {...props} />
          </>
        )}
      </div>
    </section>
  );
}
