/**
 * The history page (the extension's options page, docs/ui.md): import and export in the header;
 * the recording list with search on the left, the chosen recording on the right; then the added
 * dashboards, linking, settings (with the site access), diagnostics and deleting, each its own section.
 */
import { t } from '../../components/i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { writeHistoryCsv } from '../../core/history/csv';
import { writeHistoryFile } from '../../core/history/write';
import type { Overview } from '../../core/views/types';
import { EmptyState, FirstStepsList } from '../../components/EmptyState';
import { LiveRegion, useAnnouncer } from '../../components/LiveRegion';
import { failureText, type Send } from '../../components/send';
import { PermissionPrompt } from '../../components/PermissionPrompt';
import { StorageBanner } from '../../components/StorageBanner';
import type { SiteAccessApi } from '../../components/site-access';
import { DashboardsSection } from './DashboardsSection';
import { SiteAccessList } from './SiteAccessList';
import { useDashboards } from './use-dashboards';
import { DeleteSection } from './DeleteSection';
import { DiagnosticsSection, type StorageInfo } from './DiagnosticsSection';
import { downloadText, exportFileName } from './download';
import { ImportButton, ImportPreview, useImport } from './ImportPanel';
import { LinkingSection } from './LinkingSection';
import { SettingsSection } from './SettingsSection';
import { TrackList } from './TrackList';
import { TrackPanel } from './TrackPanel';

interface HistoryAppProps {
  send: Send;
  locale?: string;
  now?: () => Date;
  /** The track to show first (from the address: #track=<id>). */
  initialTrackId?: string | null;
  /** Called when the chosen track changes (the page keeps it in its address). */
  onTrackChange?: (trackId: string) => void;
  storage?: StorageInfo | null;
  /**
   * browser.permissions: a prompt appears when a built-in dashboard's access was taken back, and
   * the Dashboards section and the site access list use it (both shown only with it).
   */
  permissions?: SiteAccessApi;
}

type OverviewState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; overview: Overview };

const defaultNow = () => new Date();

export function HistoryApp({ send, locale, now = defaultNow, initialTrackId = null, onTrackChange, storage, permissions }: HistoryAppProps) {
  const [announcement, announce] = useAnnouncer();
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((value) => value + 1), []);
  const [overview, setOverview] = useState<OverviewState>({ kind: 'loading' });
  const [selected, setSelected] = useState<string | null>(initialTrackId);
  const importer = useImport(send, now, announce, changed);
  const dashboards = useDashboards(send, permissions);

  useEffect(() => {
    let live = true;
    send('ui:overview', {})
      .then((value) => live && setOverview({ kind: 'ready', overview: value }))
      .catch((failure: unknown) => live && setOverview({ kind: 'error', message: failureText(failure) }));
    return () => {
      live = false;
    };
  }, [send, version]);

  // Keep a valid selection: the first recording when none (or a vanished one) is chosen.
  const recordings = overview.kind === 'ready' ? overview.overview.recordings : null;
  useEffect(() => {
    if (!recordings) return;
    const known = selected !== null && recordings.some((recording) => recording.trackIds.includes(selected));
    if (!known) setSelected(recordings[0]?.trackIds[0] ?? null);
  }, [recordings, selected]);

  const choose = (trackId: string) => {
    setSelected(trackId);
    onTrackChange?.(trackId);
  };

  const exportAs = async (kind: 'json' | 'csv') => {
    try {
      const history = await send('ui:getHistory', {});
      const at = now();
      const fileName = exportFileName(at, kind);
      if (kind === 'json') downloadText(fileName, writeHistoryFile(history, at), 'application/json');
      else downloadText(fileName, writeHistoryCsv(history), 'text/csv;charset=utf-8');
      announce(t('historyExported', { recordings: history.tracks.length, counts: history.observations.length, file: fileName }));
    } catch (failure) {
      announce(t('historyExportFailed', { error: failureText(failure) }));
    }
  };

  return (
    <div class="hp">
      <header class="hp-header">
        <div class="hp-header__title">
          <h1>Crosscount</h1>
          <p class="cc-muted">{t('historyTagline')}</p>
        </div>
        <nav class="hp-header__nav" aria-label={t('historySections')}>
          <a href="#recordings">{t('historyNavRecordings')}</a>
          {permissions && <a href="#dashboards">{t('historyNavDashboards')}</a>}
          <a href="#linking">{t('historyNavLinking')}</a>
          <a href="#settings">{t('historyNavSettings')}</a>
          <a href="#diagnostics">{t('historyNavDiagnostics')}</a>
          <a href="#delete">{t('historyNavDelete')}</a>
        </nav>
        <div class="hp-header__actions">
          <ImportButton onFiles={(files) => void importer.choose(files)} />
          <button type="button" class="cc-button" onClick={() => void exportAs('json')}>
            {t('historyExportJson')}
          </button>
          <button type="button" class="cc-button" onClick={() => void exportAs('csv')}>
            {t('historyExportCsv')}
          </button>
        </div>
      </header>
      <StorageBanner send={send} />
      {permissions && <PermissionPrompt permissions={permissions} />}
      <ImportPreview state={importer.state} onConfirm={(previews) => void importer.confirm(previews)} onCancel={importer.cancel} locale={locale} />
      <main id="recordings" class="hp-main">
        {overview.kind === 'loading' && (
          <div class="hp-layout hp-layout--loading" aria-busy="true">
            <p class="cc-muted">{t('historyLoading')}</p>
          </div>
        )}
        {overview.kind === 'error' && (
          <div class="cc-alert" role="alert">
            <p>
              <strong>{t('historyLoadFailed')}</strong> {overview.message}
            </p>
            <p>{t('historyLoadFailedAdvice')}</p>
          </div>
        )}
        {overview.kind === 'ready' && overview.overview.recordings.length === 0 && (
          <EmptyState title={t('popupEmptyTitle')}>
            <p>{t('historyEmptyIntro')}</p>
            <FirstStepsList />
          </EmptyState>
        )}
        {overview.kind === 'ready' && overview.overview.recordings.length > 0 && (
          <div class="hp-layout">
            <TrackList recordings={overview.overview.recordings} selectedTrackId={selected} onSelect={choose} locale={locale} />
            {selected && <TrackPanel send={send} trackId={selected} version={version} locale={locale} now={now} announce={announce} />}
          </div>
        )}
      </main>
      {permissions && <DashboardsSection send={send} permissions={permissions} dashboards={dashboards} announce={announce} now={now} onDataChanged={changed} />}
      <LinkingSection
        send={send}
        version={version}
        announce={announce}
        onChanged={(trackId) => {
          choose(trackId);
          changed();
        }}
      />
      <SettingsSection send={send} announce={announce} onSaved={changed}>
        {permissions && <SiteAccessList permissions={permissions} dashboards={dashboards} announce={announce} />}
      </SettingsSection>
      <DiagnosticsSection send={send} version={version} now={now} locale={locale} storage={storage} announce={announce} />
      <DeleteSection send={send} announce={announce} onExport={() => exportAs('json')} onDeleted={changed} />
      <LiveRegion message={announcement} />
    </div>
  );
}
