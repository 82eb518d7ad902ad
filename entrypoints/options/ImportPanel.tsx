/**
 * Import: choose several files, see what each adds (or why it cannot be read), then add them.
 * The files are read in a worker (import-reader.ts), with progress and a Cancel button; nothing
 * is stored before the artist confirms, and the background stores all or nothing, so
 * cancelling at any point before that leaves the store as it was.
 */
import { formatMessage, t } from '../../components/i18n';
import { useRef, useState } from 'preact/hooks';
import { sourceName } from '../../core/compare/format';
import type { ImportResult } from '../../core/messaging/protocol';
import { formatCount, formatDay } from '../../components/format';
import { failureText, type Send } from '../../components/send';
import { createImportReader, type ImportReader } from './import-reader';
import type { FileSummary, ImportProgress } from './import-session';

const IMPORT_ACCEPT = '.json,.csv,.tsv,.txt,.zip,.xlsx';

/** The header's "Import files…" control: a real file input, labelled, keyboard-usable. */
export function ImportButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  return (
    <span class="hp-import-button">
      <input
        id="import-files"
        class="cc-visually-hidden hp-import-button__input"
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        data-testid="import-input"
        onChange={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          const files = [...(input.files ?? [])];
          input.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <label for="import-files" class="cc-button">
        {t('importButton')}
      </label>
    </span>
  );
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; count: number; progress?: ImportProgress }
  | { kind: 'preview'; previews: FileSummary[] }
  | { kind: 'saving'; previews: FileSummary[] }
  | { kind: 'done'; result: ImportResult; files: number }
  | { kind: 'failed'; previews: FileSummary[]; message: string };

/** The import's state and actions, for the header button and the preview. */
export function useImport(send: Send, now: () => Date, announce: (message: string) => void, onImported: () => void) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const reader = useRef<ImportReader | null>(null);
  const choose = async (files: File[]) => {
    reader.current?.stop();
    const current = createImportReader();
    reader.current = current;
    setState({ kind: 'reading', count: files.length });
    let previews: FileSummary[];
    try {
      previews = await current.read(files, now(), (progress) => {
        if (reader.current === current) setState({ kind: 'reading', count: files.length, progress });
      });
    } catch (failure) {
      if (reader.current !== current) return;
      setState({ kind: 'failed', previews: [], message: failureText(failure) });
      announce(t('importFailedAnnounce'));
      return;
    }
    // Cancelled (or another choice made) while reading: what was read is dropped.
    if (reader.current !== current) return;
    setState({ kind: 'preview', previews });
    const good = previews.filter((entry) => entry.ok).length;
    const bad = previews.length - good;
    announce(bad > 0 ? t('importChosenSomeBad', { good, total: previews.length, bad }) : t('importChosen', { good, total: previews.length }));
  };
  const confirm = async (previews: FileSummary[]) => {
    const current = reader.current;
    if (!current) return;
    setState({ kind: 'saving', previews });
    try {
      // The worker merges what it read into the one history file the background stores whole.
      const payload = await current.payload(now());
      if (!payload) return setState({ kind: 'preview', previews });
      const result = await send('ui:importHistory', payload);
      // Stored: the worker's copy of the files is no longer needed.
      current.stop();
      if (reader.current === current) reader.current = null;
      setState({ kind: 'done', result, files: previews.filter((entry) => entry.ok).length });
      announce(t('importDoneAnnounce', { recordings: result.tracksAdded, counts: result.observationsAdded }));
      onImported();
    } catch (failure) {
      setState({ kind: 'failed', previews, message: failureText(failure) });
      announce(t('importFailedAnnounce'));
    }
  };
  const cancel = () => {
    const wasReading = state.kind === 'reading';
    reader.current?.stop();
    reader.current = null;
    setState({ kind: 'idle' });
    if (wasReading) announce(t('importCancelled'));
  };
  return { state, choose, confirm, cancel };
}

export function ImportPreview({ state, onConfirm, onCancel, locale }: { state: ImportState; onConfirm: (previews: FileSummary[]) => void; onCancel: () => void; locale?: string }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'reading') {
    const { progress } = state;
    return (
      <section class="hp-import" aria-busy="true" aria-labelledby="import-title" data-testid="import-reading">
        <h2 id="import-title">{t('importTitle')}</h2>
        <p>{t('importReading', { count: state.count })}</p>
        {progress && progress.fileName !== '' && (
          <p class="cc-muted" data-testid="import-progress-text">
            {t('importReadingFile', { fileName: progress.fileName, file: progress.file, files: progress.files })}
          </p>
        )}
        <progress class="hp-import__progress" aria-label={t('importProgressLabel')} max={Math.max(1, progress?.bytesTotal ?? 1)} value={progress?.bytesDone ?? 0} />
        <div class="hp-actions">
          <button type="button" class="cc-button" onClick={onCancel} data-testid="import-stop">
            {t('importCancel')}
          </button>
        </div>
      </section>
    );
  }
  if (state.kind === 'done') {
    const { result } = state;
    return (
      <section class="hp-import" aria-labelledby="import-title" data-testid="import-done">
        <h2 id="import-title">{t('importTitle')}</h2>
        <p>
          {t('importDone', { count: state.files, recordings: result.tracksAdded, counts: result.observationsAdded })}
          {result.observationsUnchanged > 0 && ` ${t('importAlreadyKnown', { count: result.observationsUnchanged })}`}
        </p>
        <button type="button" class="cc-button" onClick={onCancel}>
          {t('importClose')}
        </button>
      </section>
    );
  }
  const { previews } = state;
  const good = previews.filter((entry): entry is Extract<FileSummary, { ok: true }> => entry.ok);
  const bad = previews.filter((entry): entry is Extract<FileSummary, { ok: false }> => !entry.ok);
  return (
    <section class="hp-import" aria-labelledby="import-title" data-testid="import-preview">
      <h2 id="import-title">{t('importPreviewTitle')}</h2>
      {state.kind === 'failed' && (
        <div class="cc-alert" role="alert">
          <p>
            <strong>{t('importFailed')}</strong> {state.message}
          </p>
          <p>{t('importFailedSafe')}</p>
        </div>
      )}
      {good.length > 0 && (
        <table class="cc-table">
          <thead>
            <tr>
              <th scope="col">{t('importColFile')}</th>
              <th scope="col">{t('importColReadAs')}</th>
              <th scope="col" class="cc-num">
                {t('importColRecordings')}
              </th>
              <th scope="col" class="cc-num">
                {t('importColCounts')}
              </th>
              <th scope="col">{t('importColDays')}</th>
              <th scope="col">{t('importColFrom')}</th>
            </tr>
          </thead>
          <tbody>
            {good.map((entry) => (
              <tr key={entry.fileName}>
                <th scope="row" class="hp-import__file">
                  {entry.fileName}
                </th>
                <td>{formatName(entry.format)}</td>
                <td class="cc-num">{formatCount(entry.tracks, locale)}</td>
                <td class="cc-num">{formatCount(entry.observations, locale)}</td>
                <td>{entry.firstDay && entry.lastDay ? `${formatDay(entry.firstDay, locale)} ${entry.firstDay.slice(0, 4)} – ${formatDay(entry.lastDay, locale)} ${entry.lastDay.slice(0, 4)}` : '—'}</td>
                <td>{entry.sources.map(sourceName).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {bad.length > 0 && (
        <div class="cc-alert" data-testid="import-errors">
          <p>
            <strong>{t('importBad', { count: bad.length })}</strong>
          </p>
          <ul>
            {bad.map((entry) => (
              <li key={entry.fileName}>
                <strong>{entry.fileName}</strong>: {formatMessage(entry.error)}
              </li>
            ))}
          </ul>
          <p>{t('importWhatToDo')}</p>
        </div>
      )}
      {good.length === 0 ? (
        <p>{t('importNothingChanged')}</p>
      ) : (
        <p class="cc-muted">{t('importNotTwice')}</p>
      )}
      <div class="hp-actions">
        {good.length > 0 && (
          <button type="button" class="cc-button cc-button--primary" disabled={state.kind === 'saving'} onClick={() => onConfirm(previews)}>
            {state.kind === 'saving' ? t('importAdding') : t('importAdd', { count: good.length })}
          </button>
        )}
        <button type="button" class="cc-button" onClick={onCancel} disabled={state.kind === 'saving'}>
          {good.length > 0 ? t('importCancel') : t('importClose')}
        </button>
      </div>
    </section>
  );
}

/** What a file was read as, in the artist's language: the importer's name phrased (core/import/registry.ts). */
export function formatName(importer: string): string {
  if (importer === 'history') return t('importFormatHistory');
  if (importer === 'spotify-csv') return t('importFormatSpotify');
  return importer === '' ? '—' : t('importFormatReport', { name: sourceName(importer) });
}
