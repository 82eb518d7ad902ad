/**
 * Adding a distributor's dashboard (docs/ui.md "Dashboards"), on the history page and the
 * welcome page: pick a known distributor or give the address of a stats page. The click asks
 * the browser for access to exactly that site, first and synchronously (Firefox shows the
 * prompt only inside the user's gesture: nothing is awaited before it), then the background
 * adds the dashboard and registers its scripts.
 */
import { useState } from 'preact/hooks';
import { DISTRIBUTORS, OTHER_DISTRIBUTOR } from '../core/recipes/distributors';
import { originPattern, taughtSiteFor, type AddressProblem } from '../core/taught-sites';
import type { DashboardEntry } from '../core/messaging/protocol';
import { failureText, type Send } from './send';
import { t } from './i18n';
import type { SiteAccessApi } from './site-access';

export interface AddDashboardProps {
  send: Send;
  permissions: SiteAccessApi;
  now?: () => Date;
  /** Called with the dashboard once it is added (with access). */
  onAdded: (entry: DashboardEntry) => void;
  /** Distinguishes the form's ids when a page holds it more than once. */
  idPrefix?: string;
}

const PROBLEM_KEYS = {
  'address-invalid': 'dashboardsProblemInvalid',
  'address-not-https': 'dashboardsProblemNotHttps',
  'address-built-in': 'dashboardsProblemBuiltIn',
  'address-needed': 'dashboardsProblemNeeded',
} as const satisfies Record<AddressProblem, string>;

export function addressProblemText(problem: AddressProblem): string {
  return t(PROBLEM_KEYS[problem]);
}

export function distributorLabel(id: string, label: string): string {
  return id === OTHER_DISTRIBUTOR ? t('dashboardsOtherAddress') : label;
}

type Outcome = null | { kind: 'problem'; text: string } | { kind: 'added'; text: string };

export function AddDashboard({ send, permissions, now = () => new Date(), onAdded, idPrefix = 'add-dashboard' }: AddDashboardProps) {
  const [distributor, setDistributor] = useState(DISTRIBUTORS[0]!.id);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const picked = DISTRIBUTORS.find((each) => each.id === distributor);
  // A known distributor's public host needs no address; the others (and "another address") do.
  const needsAddress = !picked || picked.hosts.length === 0;

  const add = (event: Event) => {
    event.preventDefault();
    const pick = { distributor, address: needsAddress ? address : '' };
    const made = taughtSiteFor(pick, now().toISOString());
    if ('problem' in made) {
      setOutcome({ kind: 'problem', text: addressProblemText(made.problem) });
      return;
    }
    const { host, label } = made.site;
    // The very first thing the click does: the browser shows its prompt only during the gesture.
    const asked = permissions.request({ origins: [originPattern(host)] });
    setBusy(true);
    setOutcome(null);
    asked
      .then(async (granted) => {
        if (!granted) {
          setOutcome({ kind: 'problem', text: t('dashboardsDeclined', { host }) });
          return;
        }
        const result = await send('ui:addDashboard', pick);
        if ('problem' in result) {
          setOutcome({ kind: 'problem', text: addressProblemText(result.problem) });
          return;
        }
        setAddress('');
        setOutcome({ kind: 'added', text: t('dashboardsAdded', { site: label }) });
        onAdded(result.added);
      })
      .catch((failure: unknown) => setOutcome({ kind: 'problem', text: t('dashboardsAddFailed', { error: failureText(failure) }) }))
      .finally(() => setBusy(false));
  };

  return (
    <form class="cc-add-dashboard" onSubmit={add} noValidate data-testid="add-dashboard">
      <div class="cc-add-dashboard__field">
        <label for={`${idPrefix}-distributor`}>{t('dashboardsDistributor')}</label>
        <select id={`${idPrefix}-distributor`} value={distributor} onChange={(event) => setDistributor((event.currentTarget as HTMLSelectElement).value)}>
          {DISTRIBUTORS.map((each) => (
            <option key={each.id} value={each.id}>
              {distributorLabel(each.id, each.label)}
            </option>
          ))}
        </select>
      </div>
      {needsAddress && (
        <div class="cc-add-dashboard__field">
          <label for={`${idPrefix}-address`}>{t('dashboardsAddress')}</label>
          <input
            id={`${idPrefix}-address`}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            maxLength={2000}
            value={address}
            aria-describedby={`${idPrefix}-address-help`}
            aria-invalid={outcome?.kind === 'problem'}
            onInput={(event) => setAddress((event.currentTarget as HTMLInputElement).value)}
          />
          <p id={`${idPrefix}-address-help`} class="cc-muted">
            {t('dashboardsAddressHelp')}
          </p>
        </div>
      )}
      <button type="submit" class="cc-button cc-button--primary" disabled={busy}>
        {busy ? t('dashboardsAdding') : t('dashboardsAdd')}
      </button>
      {outcome?.kind === 'problem' && (
        <p class="cc-alert" role="alert" data-testid="add-dashboard-problem">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'added' && (
        <p class="cc-note" role="status" data-testid="add-dashboard-added">
          {outcome.text}
        </p>
      )}
    </form>
  );
}
