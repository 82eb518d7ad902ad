/**
 * One recording on the history page: who it is, its way to 1,000 streams, the chart, then
 * Days · Months · Money · Eligibility · Evidence.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { sourceName, storeName } from '../../core/compare/format';
import { formatMessage, t } from '../../components/i18n';
import { statusText } from '../../components/recording-status';
import type { TrackView } from '../../core/views/types';
import { DayTable } from '../../components/DayTable';
import { WeeksNote, WeekTable } from './WeekTable';
import { EligibilityBar } from '../../components/EligibilityBar';
import { EligibilityTable } from '../../components/EligibilityTable';
import { formatPercent } from '../../components/format';
import { failureText, type Send } from '../../components/send';
import { Tabs } from '../../components/Tabs';
import { Chart, ChartTable } from './Chart';
import { chartData } from './chart-data';
import { EvidencePanel } from './EvidencePanel';
import { MonthTable } from './MonthTable';
import { MoneyPanel } from './MoneyPanel';
import { ALL_STORES } from '../../core/model/ids';

type TabId = 'days' | 'months' | 'money' | 'eligibility' | 'evidence';
const tabs = () =>
  [
    { id: 'days', label: t('tabDays') },
    { id: 'months', label: t('tabMonths') },
    { id: 'money', label: t('moneyTab') },
    { id: 'eligibility', label: t('tabEligibility') },
    { id: 'evidence', label: t('tabEvidence') },
  ] as const;

/** "Spotify", or "all stores" in the artist's language. */
const storeLabel = (store: string) => (store === ALL_STORES ? t('storeAll') : storeName(store));

interface TrackPanelProps {
  send: Send;
  trackId: string;
  /** Changes when the stored data changed: the view is fetched again. */
  version: number;
  locale?: string;
  now: () => Date;
  announce: (message: string) => void;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'missing' } | { kind: 'ready'; view: TrackView; asOf: string };

export function TrackPanel({ send, trackId, version, locale, now, announce }: TrackPanelProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [tab, setTab] = useState<TabId>('days');
  // Months put into the evidence report from the Money tab; per recording.
  const [evidenceMonths, setEvidenceMonths] = useState<{ trackId: string; months: string[] }>({ trackId, months: [] });
  useEffect(() => {
    let live = true;
    const asOf = now().toISOString();
    setState((previous) => (previous.kind === 'ready' && previous.view.track.id === trackId ? previous : { kind: 'loading' }));
    send('ui:trackView', { trackId })
      .then((view) => live && setState(view ? { kind: 'ready', view, asOf } : { kind: 'missing' }))
      .catch((failure: unknown) => live && setState({ kind: 'error', message: failureText(failure) }));
    return () => {
      live = false;
    };
    // `now` is a clock, not data: a new function each render must not refetch.
  }, [send, trackId, version]);

  if (state.kind === 'loading') {
    return (
      <section class="hp-panel hp-panel--loading" aria-busy="true" aria-label={t('trackLabel')}>
        <p class="cc-muted">{t('trackLoading')}</p>
      </section>
    );
  }
  if (state.kind === 'error') {
    return (
      <section class="hp-panel" aria-label={t('trackLabel')}>
        <div class="cc-alert" role="alert">
          <p>
            <strong>{t('trackLoadFailed')}</strong> {state.message}
          </p>
          <p>{t('historyLoadFailedAdvice')}</p>
        </div>
      </section>
    );
  }
  if (state.kind === 'missing') {
    return (
      <section class="hp-panel" aria-label={t('trackLabel')}>
        <p>{t('trackMissing')}</p>
      </section>
    );
  }
  const months = evidenceMonths.trackId === trackId ? evidenceMonths.months : [];
  const addMonth = (month: string) => {
    setEvidenceMonths({ trackId, months: [...new Set([...months, month])] });
    setTab('evidence');
  };
  return <TrackDetails view={state.view} asOf={state.asOf} locale={locale} tab={tab} onTab={setTab} announce={announce} evidenceMonths={months} onEvidenceMonth={addMonth} />;
}

interface TrackDetailsProps {
  view: TrackView;
  asOf: string;
  locale?: string;
  tab: TabId;
  onTab: (tab: TabId) => void;
  announce: (message: string) => void;
  evidenceMonths: readonly string[];
  onEvidenceMonth: (month: string) => void;
}

function TrackDetails({ view, asOf, locale, tab, onTab, announce, evidenceMonths, onEvidenceMonth }: TrackDetailsProps) {
  const data = useMemo(() => chartData(view), [view]);
  const today = asOf.slice(0, 10);
  const { track } = view;
  return (
    <section class="hp-panel" aria-labelledby="track-title" data-testid="track-panel">
      <header class="hp-panel__header">
        <h2 id="track-title">{track.title || t('untitled')}</h2>
        <p class="cc-muted hp-panel__meta">
          {track.isrc ? t('trackIsrc', { isrc: track.isrc }) : t('trackNoIsrc')}
          {track.artists.length > 0 && ` · ${track.artists.join(', ')}`}
        </p>
        {view.sources.map((source) => (
          <p key={source.source} class="hp-panel__ratio">
            {source.baselineRatio === null
              ? t('trackNoUsual', { name: sourceName(source.source), store: storeLabel(source.store) })
              : t('trackUsual', { name: sourceName(source.source), store: storeLabel(source.store), percent: formatPercent(source.baselineRatio, locale) })}{' '}
            <span class="cc-muted">
              {source.settleLearned ? t('trackSettledLearned', { count: source.settleDays }) : t('trackSettledAfter', { count: source.settleDays })}
              {source.lagDays !== 0 && ` ${source.lagDays > 0 ? t('trackRunsBehind', { count: source.lagDays }) : t('trackRunsAhead', { count: -source.lagDays })}`}
            </span>
          </p>
        ))}
        {view.eligibility && (
          <div class="hp-panel__elig">
            <p class="hp-panel__status">
              <strong>{statusText(view.eligibility, locale ?? 'en')}</strong>
            </p>
            <EligibilityBar eligibility={view.eligibility} today={today} locale={locale} />
          </div>
        )}
      </header>
      {data.days.length > 0 ? (
        <>
          <Chart data={data} locale={locale} />
          <ChartTable data={data} locale={locale} />
        </>
      ) : (
        <p class="cc-note">{t('trackNoDaily')}</p>
      )}
      {view.weeks.length > 0 && <WeeksNote weeks={view.weeks} onShow={() => onTab('days')} />}
       <Tabs idPrefix="track" label={t('trackTabsLabel')} tabs={tabs()} selected={tab} onSelect={onTab}>
        {tab === 'days' && (
          <>
            {view.days.length > 0 ? (
              <div class="hp-scroll">
                <DayTable rows={view.days} locale={locale} provenance={view.dayProvenance} />
              </div>
            ) : (
              <p class="cc-muted">{t('trackNoDays')}</p>
            )}
            {view.weeks.length > 0 && (
              <div class="hp-scroll">
                <WeekTable weeks={view.weeks} locale={locale} />
              </div>
            )}
          </>
        )}
        {tab === 'months' &&
          (view.months.length > 0 ? (
            <div class="hp-scroll">
              <MonthTable months={view.months} locale={locale} />
            </div>
          ) : (
            <p class="cc-muted">{t('trackNoMonths')}</p>
          ))}
        {tab === 'money' && <MoneyPanel money={view.money} locale={locale} onEvidence={view.track.isrc ? onEvidenceMonth : undefined} />}
        {tab === 'eligibility' &&
          (view.eligibility ? (
            <>
              <div class="hp-scroll">
                <EligibilityTable months={view.eligibility.months} locale={locale} />
              </div>
              <ul class="hp-caveats">
                {view.eligibility.caveatMessages.map(formatMessage).map((caveat) => (
                  <li key={caveat}>{caveat}</li>
                ))}
              </ul>
            </>
          ) : (
            <p class="cc-muted">{t('trackNoEligibility')}</p>
          ))}
        {tab === 'evidence' && <EvidencePanel key={`${view.track.id}|${evidenceMonths.join(',')}`} view={view} asOf={asOf} locale={locale} announce={announce} initialMonths={evidenceMonths} />}
      </Tabs>
    </section>
  );
}
