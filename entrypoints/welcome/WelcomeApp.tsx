/**
 * The first-run page (opened once, after install), in the artist's language: what Crosscount
 * does, the two pages to open, adding the artist's own distributor's dashboard, how to import a
 * report, and what stays private.
 */
import { useState } from 'preact/hooks';
import { AddDashboard } from '../../components/AddDashboard';
import type { Send } from '../../components/send';
import type { SiteAccessApi } from '../../components/site-access';
import { FirstStepsList } from '../../components/EmptyState';
import { ELIGIBILITY_THRESHOLD } from '../../core/eligibility/rules';
import { t, tParts } from '../../components/i18n';

export interface WelcomeAppProps {
  historyHref: string;
  /** The popup's keyboard shortcut as the manifest suggests it ("Alt+Shift+C"). */
  shortcut: string;
  send: Send;
  /** browser.permissions: adding a dashboard asks for access to exactly its site. */
  permissions: SiteAccessApi;
}

export function WelcomeApp({ historyHref, shortcut, send, permissions }: WelcomeAppProps) {
  const [added, setAdded] = useState<{ label: string; host: string } | null>(null);
  return (
    <main class="wl" data-testid="welcome">
      <header class="wl-header">
        <img class="wl-header__icon" src="/icon/128.png" alt="" width={64} height={64} />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p class="wl-intro">{t('welcomeIntro', { threshold: ELIGIBILITY_THRESHOLD })}</p>
      <section aria-labelledby="wl-open">
        <h2 id="wl-open">{t('welcomeOpenTitle')}</h2>
        <FirstStepsList />
        <p>{t('welcomePanel')}</p>
      </section>
      <section aria-labelledby="wl-dashboard" data-testid="welcome-dashboard">
        <h2 id="wl-dashboard">{t('welcomeDashboardTitle')}</h2>
        <p>{t('welcomeDashboardIntro')}</p>
        <AddDashboard send={send} permissions={permissions} idPrefix="wl-add" onAdded={({ site }) => setAdded({ label: site.label, host: site.host })} />
        {added && (
          <p>
            <a class="cc-button" href={`https://${added.host}/`} target="_blank" rel="noopener noreferrer">
              {t('dashboardsOpen', { host: added.host })}
            </a>
          </p>
        )}
      </section>
      <section aria-labelledby="wl-import">
        <h2 id="wl-import">{t('welcomeImportTitle')}</h2>
        <p>{tParts('welcomeImport', { button: <strong>{t('importButton')}</strong> })}</p>
        <p>
          <a class="cc-button cc-button--primary" href={historyHref}>
            {t('welcomeOpenHistory')}
          </a>
        </p>
      </section>
      <section aria-labelledby="wl-private">
        <h2 id="wl-private">{t('welcomePrivateTitle')}</h2>
        <ul>
          <li>{t('welcomePrivateLocal')}</li>
          <li>{t('welcomePrivateNothingSent')}</li>
          <li>{t('welcomePrivateScope')}</li>
          <li>{t('welcomePrivateDelete')}</li>
        </ul>
      </section>
      <p class="cc-muted">{tParts('welcomeShortcut', { keys: <kbd>{shortcut}</kbd> })}</p>
    </main>
  );
}
