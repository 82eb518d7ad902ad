/**
 * The history page (the extension's options page, UI.md): import and export in the header;
 * the recording list with search on the left, the chosen recording on the right; then linking,
 * settings, diagnostics and deleting, each its own section.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { writeHistoryCsv } from '../../core/history/csv';
import { writeHistoryFile } from '../../core/history/write';
import type { Overview } from '../../core/views/types';
import { EmptyState, FirstStepsList } from '../../components/EmptyState';
import { LiveRegion, useAnnouncer } from '../../components/LiveRegion';
import { failureText, type Send } from '../../components/send';
import { PermissionPrompt } from '../../components/PermissionPrompt';
import { StorageBanner } from '../../components/StorageBanner';
import type { PermissionsApi } from '../../core/permissions';
import { DeleteSection } from './DeleteSection';
import { DiagnosticsSection, type StorageInfo } from './DiagnosticsSection';
import { downloadText, exportFileName } from './download';
import { ImportButton, ImportPreview, useImport } from './ImportPanel';
import { LinkingSection } from './LinkingSection';
import { SettingsSection } from './SettingsSection';
import { TrackList } from './TrackList';
import { TrackPanel } from './TrackPanel';

export interface HistoryAppProps {
  send: Send;
  locale?: string;
  now?: () => Date;
  /** The track to show first (from the address: #track=<id>). */
  initialTrackId?: string | null;
  /** Called when the chosen track changes (the page keeps it in its address). */
  onTrackChange?: (trackId: string) => void;
  storage?: StorageInfo | null;
  /** browser.permissions: a prompt appears when a dashboard's access was taken back. */
  permissions?: PermissionsApi;
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
      announce(`Exported ${history.tracks.length} recordings and ${history.observations.length} counts to ${fileName}.`);
    } catch (failure) {
      announce(`The export failed: ${failureText(failure)}. Nothing was changed; try again.`);
    }
  };

  return (
    <div class="hp">
      <header class="hp-header">
        <div class="hp-header__title">
          <h1>Crosscount</h1>
          <p class="cc-muted">Spotify for Artists and your distributor, day by day</p>
        </div>
        <nav class="hp-header__nav" aria-label="Sections">
          <a href="#recordings">Recordings</a>
          <a href="#linking">Link tracks</a>
          <a href="#settings">Settings</a>
          <a href="#diagnostics">Diagnostics</a>
          <a href="#delete">Delete</a>
        </nav>
        <div class="hp-header__actions">
          <ImportButton onFiles={(files) => void importer.choose(files)} />
          <button type="button" class="cc-button" onClick={() => void exportAs('json')}>
            Export JSON
          </button>
          <button type="button" class="cc-button" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
        </div>
      </header>
      <StorageBanner send={send} />
      {permissions && <PermissionPrompt permissions={permissions} />}
      <ImportPreview state={importer.state} onConfirm={(previews) => void importer.confirm(previews)} onCancel={importer.cancel} locale={locale} />
      <main id="recordings" class="hp-main">
        {overview.kind === 'loading' && (
          <div class="hp-layout hp-layout--loading" aria-busy="true">
            <p class="cc-muted">Loading your recordings…</p>
          </div>
        )}
        {overview.kind === 'error' && (
          <div class="cc-alert" role="alert">
            <p>
              <strong>Your recordings could not be loaded.</strong> {overview.message}
            </p>
            <p>Nothing was changed. Reload the page; if it keeps happening, look at Diagnostics below.</p>
          </div>
        )}
        {overview.kind === 'ready' && overview.overview.recordings.length === 0 && (
          <EmptyState title="No recordings yet">
            <p>Crosscount fills in as you browse your own dashboards, or import files you already have (header: Import files…). To start:</p>
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
      <LinkingSection
        send={send}
        version={version}
        announce={announce}
        onChanged={(trackId) => {
          choose(trackId);
          changed();
        }}
      />
      <SettingsSection send={send} announce={announce} onSaved={changed} />
      <DiagnosticsSection send={send} version={version} now={now} locale={locale} storage={storage} announce={announce} />
      <DeleteSection send={send} announce={announce} onExport={() => exportAs('json')} onDeleted={changed} />
      <LiveRegion message={announcement} />
    </div>
  );
}
