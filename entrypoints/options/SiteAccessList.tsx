/**
 * Which sites Crosscount may read, in the settings: the built-in dashboards (access from the
 * install, which the browser's menus can take back) and the dashboards the artist added, each
 * of whose access can be taken back here (the dashboard stays added, with "Give access").
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import { failureText } from '../../components/send';
import type { SiteAccessApi } from '../../components/site-access';
import { missingHostPermissions } from '../../core/permissions';
import { SITES } from '../../core/sites';
import { originPattern } from '../../core/taught-sites';
import type { DashboardsState } from './use-dashboards';

export interface SiteAccessListProps {
  permissions: SiteAccessApi;
  dashboards: { state: DashboardsState; reload: () => void };
  announce: (message: string) => void;
}

export function SiteAccessList({ permissions, dashboards, announce }: SiteAccessListProps) {
  const { state, reload } = dashboards;
  const [missingBuiltIn, setMissingBuiltIn] = useState<ReadonlySet<string> | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all(SITES.map(async (site): Promise<string | null> => ((await missingHostPermissions(permissions, site.matches)).length > 0 ? site.id : null)))
      .then((ids) => live && setMissingBuiltIn(new Set(ids.filter((id): id is string => id !== null))))
      .catch(() => live && setMissingBuiltIn(null));
    return () => {
      live = false;
    };
    // The dashboards' list is loaded again on every access change: so is this.
  }, [permissions, state]);

  const takeBack = (host: string) => {
    permissions.remove({ origins: [originPattern(host)] }).then(
      (removed) => {
        if (removed) announce(t('settingsAccessRemoved', { host }));
        reload();
      },
      (failure: unknown) => announce(t('recipeActionFailed', { error: failureText(failure) })),
    );
  };

  const added = state.kind === 'ready' ? state.list.dashboards.filter((entry) => entry.access) : [];
  return (
    <div class="hp-site-access" data-testid="site-access">
      <h3 id="site-access-title">{t('settingsAccessTitle')}</h3>
      <p class="cc-muted">{t('settingsAccessIntro')}</p>
      <ul aria-labelledby="site-access-title">
        {SITES.map((site) => (
          <li key={site.id}>
            {site.label} · {missingBuiltIn === null ? '' : missingBuiltIn.has(site.id) ? t('dashboardsAccessMissing') : t('dashboardsAccessGranted')}
          </li>
        ))}
        {added.map(({ site }) => (
          <li key={site.id}>
            {site.label} ({site.host}) · {t('dashboardsAccessGranted')}{' '}
            <button type="button" class="cc-button" aria-label={t('settingsAccessRemoveLabel', { host: site.host })} onClick={() => takeBack(site.host)}>
              {t('settingsAccessRemove')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
