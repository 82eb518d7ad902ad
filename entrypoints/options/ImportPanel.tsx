/**
 * Import: choose several files, see what each adds (or why it cannot be read), then add them.
 * Nothing is stored before the artist confirms, and the background stores all or nothing.
 */
import { useState } from 'preact/hooks';
import { sourceName } from '../../core/compare/format';
import type { ImportResult } from '../../core/messaging/protocol';
import { formatCount, formatDay } from '../../components/format';
import { failureText, type Send } from '../../components/send';
import { importPayload, readImportFiles, type FileInput, type FilePreview } from './import-files';

export const IMPORT_ACCEPT = '.json,.csv,.tsv,.txt,.zip,.xlsx';

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
        Import files…
      </label>
    </span>
  );
}

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; count: number }
  | { kind: 'preview'; previews: FilePreview[] }
  | { kind: 'saving'; previews: FilePreview[] }
  | { kind: 'done'; result: ImportResult; files: number }
  | { kind: 'failed'; previews: FilePreview[]; message: string };

export async function filesToInputs(files: readonly File[]): Promise<FileInput[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/** The import's state and actions, for the header button and the preview. */
export function useImport(send: Send, now: () => Date, announce: (message: string) => void, onImported: () => void) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const choose = async (files: File[]) => {
    setState({ kind: 'reading', count: files.length });
    const previews = await readImportFiles(await filesToInputs(files), now());
    setState({ kind: 'preview', previews });
    const good = previews.filter((entry) => entry.ok).length;
    const bad = previews.length - good;
    announce(`${good} of ${previews.length} ${previews.length === 1 ? 'file' : 'files'} can be imported${bad > 0 ? `; ${bad} cannot be read` : ''}. The preview is below the header.`);
  };
  const confirm = async (previews: FilePreview[]) => {
    const payload = importPayload(previews, now());
    if (!payload) return;
    setState({ kind: 'saving', previews });
    try {
      const result = await send('ui:importHistory', payload);
      setState({ kind: 'done', result, files: previews.filter((entry) => entry.ok).length });
      announce(`Imported: ${result.tracksAdded} new recordings, ${result.observationsAdded} new counts.`);
      onImported();
    } catch (failure) {
      setState({ kind: 'failed', previews, message: failureText(failure) });
      announce('The import failed. Nothing was changed.');
    }
  };
  return { state, choose, confirm, cancel: () => setState({ kind: 'idle' }) };
}

export function ImportPreview({ state, onConfirm, onCancel, locale }: { state: ImportState; onConfirm: (previews: FilePreview[]) => void; onCancel: () => void; locale?: string }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'reading') {
    return (
      <section class="hp-import" aria-busy="true" aria-labelledby="import-title">
        <h2 id="import-title">Import</h2>
        <p>
          Reading {state.count} {state.count === 1 ? 'file' : 'files'}…
        </p>
      </section>
    );
  }
  if (state.kind === 'done') {
    const { result } = state;
    return (
      <section class="hp-import" aria-labelledby="import-title" data-testid="import-done">
        <h2 id="import-title">Import</h2>
        <p>
          Imported {state.files} {state.files === 1 ? 'file' : 'files'}: {formatCount(result.tracksAdded, locale)} new {result.tracksAdded === 1 ? 'recording' : 'recordings'},{' '}
          {formatCount(result.observationsAdded, locale)} new counts
          {result.observationsUnchanged > 0 && ` (${formatCount(result.observationsUnchanged, locale)} were already known)`}.
        </p>
        <button type="button" class="cc-button" onClick={onCancel}>
          Close
        </button>
      </section>
    );
  }
  const { previews } = state;
  const good = previews.filter((entry): entry is Extract<FilePreview, { ok: true }> => entry.ok);
  const bad = previews.filter((entry): entry is Extract<FilePreview, { ok: false }> => !entry.ok);
  return (
    <section class="hp-import" aria-labelledby="import-title" data-testid="import-preview">
      <h2 id="import-title">Import: what will be added</h2>
      {state.kind === 'failed' && (
        <div class="cc-alert" role="alert">
          <p>
            <strong>The import failed:</strong> {state.message}
          </p>
          <p>Nothing was changed: files are added all together or not at all. Check the files below and try again.</p>
        </div>
      )}
      {good.length > 0 && (
        <table class="cc-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Read as</th>
              <th scope="col" class="cc-num">
                Recordings
              </th>
              <th scope="col" class="cc-num">
                Counts
              </th>
              <th scope="col">Days</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {good.map((entry) => (
              <tr key={entry.fileName}>
                <th scope="row" class="hp-import__file">
                  {entry.fileName}
                </th>
                <td>{entry.format}</td>
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
            <strong>
              {bad.length === 1 ? 'This file cannot be read' : `These ${bad.length} files cannot be read`}; nothing from {bad.length === 1 ? 'it' : 'them'} will be added:
            </strong>
          </p>
          <ul>
            {bad.map((entry) => (
              <li key={entry.fileName}>
                <strong>{entry.fileName}</strong>: {entry.error}
              </li>
            ))}
          </ul>
          <p>
            What to do: use the file exactly as Spotify for Artists, your distributor or Crosscount saved it (not re-saved from a spreadsheet). For Spotify for Artists, download each song's timeline
            from its stats page.
          </p>
        </div>
      )}
      {good.length === 0 ? (
        <p>Nothing was changed.</p>
      ) : (
        <p class="cc-muted">Counts already stored are not counted twice; a newer value for a day is kept as a revision.</p>
      )}
      <div class="hp-actions">
        {good.length > 0 && (
          <button type="button" class="cc-button cc-button--primary" disabled={state.kind === 'saving'} onClick={() => onConfirm(previews)}>
            {state.kind === 'saving' ? 'Adding…' : `Add ${good.length === 1 ? 'this file' : `these ${good.length} files`}`}
          </button>
        )}
        <button type="button" class="cc-button" onClick={onCancel} disabled={state.kind === 'saving'}>
          {good.length > 0 ? 'Cancel' : 'Close'}
        </button>
      </div>
    </section>
  );
}
