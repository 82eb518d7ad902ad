/**
 * A banner for when the browser does not let Crosscount read a dashboard (host access revoked
 * or withheld): without it the content scripts do not run and the artist would see silence.
 * Shows nothing while every host is granted. Mount it in the popup and the history page with
 * `<PermissionPrompt permissions={browser.permissions} />`.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { HOST_PERMISSIONS } from '../core/sites';
import { missingHostPermissions, requestHostPermissions, sitesForOrigins, type PermissionsApi } from '../core/permissions';
import { formatAlternatives, t } from './i18n';

interface PermissionPromptProps {
  permissions: PermissionsApi;
  /** The origins Crosscount needs (the manifest's host permissions). */
  origins?: readonly string[];
}

type Outcome = null | 'declined' | { failed: string };

export function PermissionPrompt({ permissions, origins = HOST_PERMISSIONS }: PermissionPromptProps) {
  const [missing, setMissing] = useState<readonly string[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const check = useCallback(async () => {
    try {
      setMissing(await missingHostPermissions(permissions, origins));
    } catch {
      // The browser could not say: showing a banner that may be wrong would be worse.
      setMissing([]);
    }
  }, [permissions, origins]);

  useEffect(() => {
    void check();
    // Access can be given or taken back from the browser's own menus while a page is open.
    const recheck = () => void check();
    permissions.onAdded?.addListener(recheck);
    permissions.onRemoved?.addListener(recheck);
    return () => {
      permissions.onAdded?.removeListener(recheck);
      permissions.onRemoved?.removeListener(recheck);
    };
  }, [permissions, check]);

  if (missing.length === 0) return null;

  const allow = () => {
    setOutcome(null);
    // Synchronously in the click handler: browsers only ask the user during a user gesture.
    requestHostPermissions(permissions, missing).then(
      (granted) => {
        setOutcome(granted ? null : 'declined');
        void check();
      },
      (error: unknown) => setOutcome({ failed: error instanceof Error ? error.message : String(error) }),
    );
  };

  const names = sitesForOrigins(missing).map((site) => site.label);
  return (
    <div class="cc-permission-prompt" role="status" data-testid="permission-prompt">
      <p>
        {t('permissionCannotRead', { sites: names.length > 0 ? formatAlternatives(names) : t('permissionYourDashboards') })}{' '}
        <button type="button" class="cc-permission-prompt__allow" data-testid="permission-allow" onClick={allow}>
          {t('permissionAllow')}
        </button>
      </p>
      {outcome === 'declined' && <p data-testid="permission-declined">{t('permissionDeclined')}</p>}
      {outcome !== null && outcome !== 'declined' && <p data-testid="permission-failed">{t('permissionFailed', { error: outcome.failed })}</p>}
    </div>
  );
}
