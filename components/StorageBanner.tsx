/**
 * A banner for when Crosscount's database fails (it cannot be opened, the disk is full,
 * Firefox is set to "never remember history"): the artist must not find out weeks later
 * that nothing was saved. Says what happened, what is safe and what to do (docs/ui.md). Shows
 * nothing while the database is fine, or when the background cannot be asked (the screen
 * around it already says that).
 */
import { useEffect, useState } from 'preact/hooks';
import type { StoreStatus } from '../core/messaging/protocol';
import type { Send } from './send';
import { t } from './i18n';

interface StorageBannerProps {
  send: Send;
  /** Ask again after this long while failing (the artist may free space meanwhile); 0: never. */
  recheckMs?: number;
}

/** What to do about a failure, by the browser's error name behind it. */
export function storageAdvice(code: string | null): string {
  switch (code) {
    case 'QuotaExceededError':
      return t('storageAdviceQuota');
    case 'InvalidStateError':
    case 'UnknownError':
      return t('storageAdviceHistory');
    case 'VersionError':
      return t('storageAdviceUpdate');
    case 'migration':
      return t('storageAdviceMigration');
    default:
      return t('storageAdviceDefault');
  }
}

export function StorageBanner({ send, recheckMs = 30_000 }: StorageBannerProps) {
  const [status, setStatus] = useState<StoreStatus | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      send('ui:status', {}).then(
        (answer) => {
          if (!live) return;
          setStatus(answer);
          if (answer.store === 'failed' && recheckMs > 0) timer = setTimeout(ask, recheckMs);
        },
        // No answer at all: the page's own error says so; a guess here would be worse.
        () => live && setStatus(null),
      );
    };
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [send, recheckMs]);

  if (!status || status.store === 'ok') return null;
  return (
    <div class="cc-alert cc-storage-banner" role="alert" data-testid="storage-banner">
      <p>
        <strong>{t('storageCannotSave')}</strong> {status.message}
      </p>
      <p>
        {t('storageKept')} {status.readingPaused ? t('storagePaused') : ''}
      </p>
      <p>{storageAdvice(status.code)}</p>
    </div>
  );
}
