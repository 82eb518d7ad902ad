/** Deleting everything, after a confirmation that offers to export first. */
import { t } from '../../components/i18n';
import { useState } from 'preact/hooks';
import { failureText, type Send } from '../../components/send';

interface DeleteSectionProps {
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
      announce(t('deleteDone'));
      onDeleted();
    } catch (failure) {
      setError(t('deleteFailed', { error: failureText(failure) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section id="delete" class="hp-section" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('deleteTitle')}</h2>
      <p class="cc-muted">{t('deleteIntro')}</p>
      {error && (
        <p class="cc-alert" role="alert">
          {error}
        </p>
      )}
      {!confirming ? (
        <button type="button" class="cc-button cc-button--danger" onClick={() => setConfirming(true)}>
          {t('deleteAllButton')}
        </button>
      ) : (
        <div class="cc-note hp-confirm" role="group" aria-labelledby="delete-confirm-title" data-testid="delete-confirm">
          <p id="delete-confirm-title">
            <strong>{t('deleteConfirmTitle')}</strong> {t('deleteConfirmText')}
          </p>
          <div class="hp-actions">
            <button type="button" class="cc-button" onClick={() => void onExport()}>
              {t('deleteExportFirst')}
            </button>
            <button type="button" class="cc-button cc-button--danger" disabled={busy} onClick={remove}>
              {busy ? t('deleteDeleting') : t('deleteEverything')}
            </button>
            <button type="button" class="cc-button" onClick={() => setConfirming(false)}>
              {t('importCancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
