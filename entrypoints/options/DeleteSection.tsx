/** Deleting everything, after a confirmation that offers to export first. */
import { useState } from 'preact/hooks';
import { failureText, type Send } from '../../components/send';

export interface DeleteSectionProps {
  send: Send;
  announce: (message: string) => void;
  onExport: () => Promise<void>;
  onDeleted: () => void;
}

export function DeleteSection({ send, announce, onExport, onDeleted }: DeleteSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await send('ui:deleteAll', { confirm: 'delete everything' });
      setConfirming(false);
      setError(null);
      announce('Everything was deleted.');
      onDeleted();
    } catch (failure) {
      setError(`${failureText(failure)} Nothing was deleted; try again.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section id="delete" class="hp-section" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete all data</h2>
      <p class="cc-muted">Removes every recording, count, visit and setting Crosscount keeps in this browser. Your dashboards are not touched.</p>
      {error && (
        <p class="cc-alert" role="alert">
          {error}
        </p>
      )}
      {!confirming ? (
        <button type="button" class="cc-button cc-button--danger" onClick={() => setConfirming(true)}>
          Delete all data…
        </button>
      ) : (
        <div class="cc-note hp-confirm" role="group" aria-labelledby="delete-confirm-title" data-testid="delete-confirm">
          <p id="delete-confirm-title">
            <strong>Delete everything?</strong> This cannot be undone. Export your history first to keep a copy you can import again.
          </p>
          <div class="hp-actions">
            <button type="button" class="cc-button" onClick={() => void onExport()}>
              Export first (JSON)
            </button>
            <button type="button" class="cc-button cc-button--danger" disabled={busy} onClick={remove}>
              {busy ? 'Deleting…' : 'Delete everything'}
            </button>
            <button type="button" class="cc-button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
