/**
 * The popup's recordings, climbing ones first, earning ones grouped below (docs/ui.md), as a
 * windowed list: only the rows in view (plus a few) are in the DOM.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ELIGIBILITY_THRESHOLD } from '../../core/eligibility/rules';
import type { Day } from '../../core/model/day';
import type { RecordingSummary } from '../../core/views/types';
import { EligibilityBar } from '../../components/EligibilityBar';
import { formatCount, formatMoney } from '../../components/format';
import { sourceName } from '../../core/compare/format';
import { t } from '../../components/i18n';
import { groupRecordings, projectionText, statusText, unexplainedText } from '../../components/recording-status';
import { layout, visibleRange } from './windowing';

/** Which distributors a row's counts are compared with (their names are the same in every language). */
function distributorLine(sources: readonly string[]): string {
  return sources.length === 0 ? t('popupNoDistributorData') : t('popupVsDistributors', { names: sources.map(sourceName).join(', ') });
}

export const HEADING_HEIGHT = 34;
export const ROW_HEIGHT = 74;
/** A row with a sales statement in has one more line. */
const MONEY_LINE_HEIGHT = 18;

type Item = { kind: 'heading'; id: string; text: string } | { kind: 'row'; recording: RecordingSummary };

interface RecordingListProps {
  recordings: readonly RecordingSummary[];
  today: Day;
  locale?: string;
  /** The history page's address for a track (a link per row). */
  historyHref: (trackId: string) => string;
}

export function RecordingList({ recordings, today, locale, historyHref }: RecordingListProps) {
  const items = useMemo<Item[]>(() => {
    const { climbing, earning } = groupRecordings(recordings);
    const list: Item[] = [];
    if (climbing.length > 0) {
      list.push({ kind: 'heading', id: 'climbing', text: t('popupHeadingClimbing', { threshold: ELIGIBILITY_THRESHOLD, total: climbing.length }) });
      for (const recording of climbing) list.push({ kind: 'row', recording });
    }
    if (earning.length > 0) {
      list.push({ kind: 'heading', id: 'earning', text: t('popupHeadingEarning', { total: earning.length }) });
      for (const recording of earning) list.push({ kind: 'row', recording });
    }
    return list;
  }, [recordings, locale]);
  const heights = useMemo(() => items.map((item) => (item.kind === 'heading' ? HEADING_HEIGHT : ROW_HEIGHT + (item.recording.money ? MONEY_LINE_HEIGHT : 0))), [items]);
  const positions = useMemo(() => layout(heights), [heights]);

  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // The popup's list area is about 400 px; measured once laid out (before paint).
  const [viewport, setViewport] = useState(420);
  useLayoutEffect(() => {
    const height = scroller.current?.clientHeight;
    if (height) setViewport(height);
  }, []);

  const [first, last] = visibleRange(positions, heights, scrollTop, viewport);
  return (
    <div class="pp-list" ref={scroller} tabIndex={0}  aria-label={t('popupRecordingsLabel')} onScroll={(event) => setScrollTop((event.currentTarget as HTMLElement).scrollTop)}>
      <div class="pp-list__inner" style={{ height: `${positions.totalHeight}px` }}>
        {items.slice(first, last).map((item, offset) => {
          const top = positions.offsets[first + offset]!;
          if (item.kind === 'heading') {
            return (
              <h2 key={item.id} class="pp-heading" style={{ top: `${top}px`, height: `${HEADING_HEIGHT}px` }}>
                {item.text}
              </h2>
            );
          }
          return <RecordingRow key={item.recording.key} recording={item.recording} top={top} today={today} locale={locale} historyHref={historyHref} />;
        })}
      </div>
    </div>
  );
}

function RecordingRow({ recording, top, today, locale, historyHref }: { recording: RecordingSummary; top: number; today: Day; locale?: string; historyHref: (trackId: string) => string }) {
  const { eligibility } = recording;
  const titleId = `rec-${recording.key}`;
  const unexplained = unexplainedText(recording.unexplainedDays);
  const projection = projectionText(eligibility, today);
  const title = recording.title || t('untitled');
  const trackId = recording.trackIds[0];
  return (
    <article class="pp-row" style={{ top: `${top}px`, height: `${ROW_HEIGHT + (recording.money ? MONEY_LINE_HEIGHT : 0)}px` }} aria-labelledby={titleId} data-testid="recording">
      <div class="pp-row__top">
        <h3 class="pp-row__title" id={titleId}>
          {trackId ? (
            <a href={historyHref(trackId)} target="_blank" rel="noopener">
              {title}
            </a>
          ) : (
            title
          )}
        </h3>
        {unexplained && (
          <span class="cc-chip cc-chip--unexplained" title={t('popupUnexplainedHint')}>
            <span class="cc-chip__icon" aria-hidden="true">
              !
            </span>
            {unexplained}
          </span>
        )}
      </div>
      <EligibilityBar eligibility={eligibility} today={today} locale={locale} barOnly label={t('popupRowBarLabel', { title, threshold: ELIGIBILITY_THRESHOLD })} />
      <p class="pp-row__line">
        <span class="cc-num">
          {formatCount(eligibility.trailing12mStreams, locale)} / {formatCount(ELIGIBILITY_THRESHOLD, locale)}
        </span>
        <span aria-hidden="true"> · </span>
        <strong class="pp-row__status">{statusText(eligibility, locale ?? 'en')}</strong>
        <span aria-hidden="true"> · </span>
        <span class="cc-muted" data-testid="recording-distributors">
          {distributorLine(recording.distributorSources)}
        </span>
      </p>
      <p class="pp-row__line cc-muted">{projection ?? (eligibility.eligible ? t('popupSoFarThisMonth', { streams: eligibility.streamsThisMonth }) : t('popupNotOnCourse', { threshold: ELIGIBILITY_THRESHOLD }))}</p>
      {recording.money && (
        <p class="pp-row__line" data-testid="recording-money">
          {[
            t('popupMoneyStatement', { amounts: recording.money.amounts.map((amount) => formatMoney(amount, locale)).join(' + ') }),
            recording.money.unpaidSpotifyStreams > 0 ? t('popupMoneyUnpaid', { count: recording.money.unpaidSpotifyStreams }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
    </article>
  );
}
