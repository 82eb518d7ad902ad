/**
 * The popup (docs/ui.md, ≈ 360 × 560): every recording's way to 1,000 streams, when each dashboard
 * was last read, and the way to the history page. It paints its frame at once (space reserved
 * for the list) and fills in the overview the background keeps computed.
 */
import { useEffect, useState } from 'preact/hooks';
import { SITES } from '../../core/sites';
import type { Overview } from '../../core/views/types';
import { EmptyState, FirstStepsList } from '../../components/EmptyState';
import { formatRelativeTime } from '../../components/format';
import { t } from '../../components/i18n';
import { LiveRegion, useAnnouncer } from '../../components/LiveRegion';
import { failureText, type Send } from '../../components/send';
import { PermissionPrompt } from '../../components/PermissionPrompt';
import { StorageBanner } from '../../components/StorageBanner';
import type { PermissionsApi } from '../../core/permissions';
import { RecordingList } from './RecordingList';

interface PopupAppProps {
  send: Send;
  locale?: string;
  now?: () => Date;
  /** Opens the history page (browser.runtime.openOptionsPage in the extension). */
  openHistory: () => void;
  /** The history page's address showing one track. */
  historyHref: (trackId: string) => string;
  /** browser.permissions: a prompt appears when a dashboard's access was taken back. */
  permissions?: PermissionsApi;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; overview: Overview };

export function PopupApp({ send, locale, now = () => new Date(), openHistory, historyHref, permissions }: PopupAppProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [announcement, announce] = useAnnouncer();
  useEffect(() => {
    let live = true;
    send('ui:overview', {})
      .then((overview) => {
        if (!live) return;
        setState({ kind: 'ready', overview });
        announce(overview.recordings.length === 0 ? t('popupAnnounceEmpty') : t('popupAnnounceLoaded', { count: overview.recordings.length }));
      })
      .catch((failure: unknown) => live && setState({ kind: 'error', message: failureText(failure) }));
    return () => {
      live = false;
    };
  }, [send, locale, announce]);

  const overview = state.kind === 'ready' ? state.overview : null;
  const earning = overview?.recordings.filter((recording) => recording.eligibility.eligible).length ?? 0;
  return (
    <div class="pp">
      <header class="pp-header">
        <h1 class="pp-header__title">Crosscount</h1>
        <p class="pp-header__summary cc-muted" data-testid="popup-summary">
          {state.kind === 'loading'
            ? t('popupLoading')
            : overview
              ? overview.recordings.length === 0
                ? t('popupNothingRead')
                : t('popupSummary', { count: overview.recordings.length, earning })
              : t('popupCouldNotLoad')}
        </p>
      </header>
      <StorageBanner send={send} />
      {permissions && <PermissionPrompt permissions={permissions} />}
      <main class="pp-main" aria-busy={state.kind === 'loading'}>
        {state.kind === 'loading' && <LoadingRows />}
        {state.kind === 'error' && (
          <div class="cc-alert pp-message" role="alert">
            <p>
              <strong>{t('popupLoadFailed')}</strong> {state.message}
            </p>
            <p>{t('popupLoadFailedAdvice')}</p>
          </div>
        )}
        {overview && overview.recordings.length === 0 && (
          <EmptyState title={t('popupEmptyTitle')}>
            <p>{t('popupEmptyIntro')}</p>
            <FirstStepsList />
          </EmptyState>
        )}
        {overview && overview.recordings.length > 0 && <RecordingList recordings={overview.recordings} today={overview.asOf.slice(0, 10)} locale={locale} historyHref={historyHref} />}
      </main>
      <footer class="pp-footer">
        <dl class="pp-lastread" data-testid="last-read">
          {SITES.map((site) => {
            const at = overview?.lastRead[site.id] ?? null;
            return (
              <div key={site.id} class="pp-lastread__item">
                <dt>{site.label}</dt>
                <dd>{overview === null ? '…' : at ? <time dateTime={at}>{t('popupReadAgo', { time: formatRelativeTime(at, now(), locale) })}</time> : t('popupNotRead')}</dd>
              </div>
            );
          })}
        </dl>
        <button type="button" class="cc-button cc-button--primary pp-footer__open" onClick={openHistory}>
          {t('popupOpenHistory')}
        </button>
      </footer>
      <LiveRegion message={announcement} />
    </div>
  );
}

/** Placeholders of the rows' size, so nothing moves when the list arrives. */
function LoadingRows() {
  return (
    <div class="pp-list" aria-hidden="true">
      {[0, 1, 2, 3].map((index) => (
        <div key={index} class="pp-skeleton" />
      ))}
    </div>
  );
}
