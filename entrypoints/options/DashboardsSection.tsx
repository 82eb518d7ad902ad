/**
 * The history page's Dashboards section (docs/ui.md "Dashboards"): add a distributor's
 * dashboard, see each added one with its site access (give it, or remove the dashboard and its
 * access), open its page, and review its recipes; export every recipe to a file, import one.
 */
import { useState } from 'preact/hooks';
import { formatMessage, t } from '../../components/i18n';
import { AddDashboard } from '../../components/AddDashboard';
import { failureText, type Send } from '../../components/send';
import type { SiteAccessApi } from '../../components/site-access';
import { originPattern } from '../../core/taught-sites';
import type { DashboardEntry } from '../../core/messaging/protocol';
import { downloadText } from './download';
import { RecipeItem } from './RecipeItem';
import type { DashboardsState } from './use-dashboards';

export interface DashboardsSectionProps {
  send: Send;
  permissions: SiteAccessApi;
  dashboards: { state: DashboardsState; reload: () => void };
  announce: (message: string) => void;
  now?: () => Date;
  /** What the recipes read changed (one deleted with its readings): the recordings are loaded again. */
  onDataChanged: () => void;
}

interface DashboardItemProps {
  entry: DashboardEntry;
  permissions: SiteAccessApi;
  send: Send;
  announce: (message: string) => void;
  changed: () => void;
}

function DashboardItem({ entry, permissions, send, announce, changed }: DashboardItemProps) {
  const { site, access, recipes } = entry;
  const origin = originPattern(site.host);
  const titleId = `dashboard-${site.id}`;
  const [failed, setFailed] = useState<string | null>(null);
  const giveAccess = () => {
    // In the click itself: the browser asks the artist only during the gesture.
    permissions.request({ origins: [origin] }).then(
      (granted) => {
        announce(granted ? t('dashboardsAccessGiven', { host: site.host }) : t('dashboardsDeclined', { host: site.host }));
        changed();
      },
      (failure: unknown) => setFailed(t('dashboardsAddFailed', { error: failureText(failure) })),
    );
  };
  const remove = () => {
    permissions
      .remove({ origins: [origin] })
      .then(() => send('ui:removeDashboard', { id: site.id }))
      .then(
        () => announce(t('dashboardsRemoved', { site: site.label })),
        (failure: unknown) => setFailed(t('recipeActionFailed', { error: failureText(failure) })),
      )
      .finally(changed);
  };
  return (
    <li class="hp-dashboard" data-testid="dashboard" aria-labelledby={titleId}>
      <h3 id={titleId}>{site.label}</h3>
      <p class="cc-muted">
        {site.host} · {t('dashboardsAddedOn', { date: { date: site.addedAt.slice(0, 10) } })}
      </p>
      <p data-testid="dashboard-access">
        {access ? (
          <span class="cc-chip cc-chip--expected">{t('dashboardsAccessGranted')}</span>
        ) : (
          <>
            <span class="cc-chip cc-chip--unexplained">{t('dashboardsAccessMissing')}</span>{' '}
            <button type="button" class="cc-button cc-button--primary" onClick={giveAccess}>
              {t('dashboardsGiveAccess')}
            </button>
          </>
        )}
      </p>
      {failed && (
        <p class="cc-alert" role="alert">
          {failed}
        </p>
      )}
      <div class="hp-actions">
        <a class="cc-button" href={`https://${site.host}/`} target="_blank" rel="noopener noreferrer">
          {t('dashboardsOpen', { host: site.host })}
        </a>
        <button type="button" class="cc-button cc-button--danger" aria-label={t('dashboardsRemoveLabel', { site: site.label })} onClick={remove}>
          {t('dashboardsRemove')}
        </button>
      </div>
      <h4 class="cc-visually-hidden">{t('recipesFor', { site: site.label })}</h4>
      {recipes.length === 0 ? (
        <p class="cc-muted">{t('recipesNone')}</p>
      ) : (
        <ul class="hp-recipes" aria-label={t('recipesFor', { site: site.label })}>
          {recipes.map((recipe) => (
            <RecipeItem key={recipe.recipe.id} send={send} entry={recipe} announce={announce} onChanged={changed} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function DashboardsSection({ send, permissions, dashboards, announce, now, onDataChanged }: DashboardsSectionProps) {
  const { state, reload } = dashboards;
  // What the last export or import did, beside its buttons (and announced).
  const [fileLine, setFileLine] = useState<{ kind: 'done' | 'refused'; text: string } | null>(null);
  const say = (kind: 'done' | 'refused', text: string) => {
    setFileLine({ kind, text });
    announce(text);
  };
  // A recipe deleted with its readings changes the recordings too.
  const changed = () => {
    reload();
    onDataChanged();
  };
  const exportRecipes = async () => {
    try {
      const { fileName, text, count } = await send('ui:exportRecipes', {});
      downloadText(fileName, text, 'application/json');
      say('done', t('recipesExported', { count, file: fileName }));
    } catch (failure) {
      say('refused', t('recipeActionFailed', { error: failureText(failure) }));
    }
  };
  const importRecipes = async (file: File) => {
    try {
      const result = await send('ui:importRecipes', { fileName: file.name, text: await file.text() });
      if ('refused' in result) {
        say('refused', formatMessage(result.refused));
        return;
      }
      // A file of recipes Crosscount already has is "nothing new", not "0 new recipes".
      if (result.imported === 0 && result.unchanged > 0) say('done', t('recipesImportedNothingNew', { count: result.unchanged, file: file.name }));
      else say('done', `${t('recipesImported', { count: result.imported, file: file.name })} ${result.unchanged > 0 ? t('recipesAlreadyHere', { count: result.unchanged }) : ''}`.trim());
      reload();
    } catch (failure) {
      say('refused', t('recipeActionFailed', { error: failureText(failure) }));
    }
  };
  return (
    <section id="dashboards" class="hp-section" aria-labelledby="dashboards-title" data-testid="dashboards">
      <h2 id="dashboards-title">{t('dashboardsTitle')}</h2>
      <p class="cc-muted">{t('dashboardsIntro')}</p>
      <AddDashboard send={send} permissions={permissions} now={now} onAdded={reload} />
      {state.kind === 'loading' && <p class="cc-muted">{t('dashboardsLoading')}</p>}
      {state.kind === 'error' && (
        <p class="cc-alert" role="alert">
          {t('dashboardsLoadFailed', { error: state.message })}
        </p>
      )}
      {state.kind === 'ready' && (
        <>
          {state.list.scriptsFailure && (
            <p class="cc-alert" role="alert" data-testid="dashboards-scripts-failure">
              {t('dashboardsScriptsFailed', { error: state.list.scriptsFailure })}
            </p>
          )}
          {state.list.dashboards.length === 0 ? (
            <p class="cc-muted">{t('dashboardsNone')}</p>
          ) : (
            <ul class="hp-dashboards" aria-labelledby="dashboards-title">
              {state.list.dashboards.map((entry) => (
                <DashboardItem key={entry.site.id} entry={entry} permissions={permissions} send={send} announce={announce} changed={changed} />
              ))}
            </ul>
          )}
          {state.list.builtIn.length > 0 && (
            <>
              <h3>{t('recipesBuiltIn')}</h3>
              <ul class="hp-recipes" data-testid="built-in-recipes">
                {state.list.builtIn.map((entry) => (
                  <RecipeItem key={entry.recipe.id} send={send} entry={entry} announce={announce} onChanged={changed} />
                ))}
              </ul>
            </>
          )}
          {state.list.otherRecipes.length > 0 && (
            <>
              <h3>{t('recipesOther')}</h3>
              <ul class="hp-recipes">
                {state.list.otherRecipes.map((entry) => (
                  <RecipeItem key={entry.recipe.id} send={send} entry={entry} announce={announce} onChanged={changed} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <div class="hp-actions">
        <button type="button" class="cc-button" onClick={() => void exportRecipes()}>
          {t('recipesExport')}
        </button>
        <span class="hp-import-button">
          <input
            id="import-recipes"
            class="cc-visually-hidden hp-import-button__input"
            type="file"
            accept=".json,application/json"
            data-testid="recipes-input"
            onChange={(event) => {
              const input = event.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void importRecipes(file);
            }}
          />
          <label for="import-recipes" class="cc-button">
            {t('recipesImport')}
          </label>
        </span>
      </div>
      {fileLine && (
        <p class={fileLine.kind === 'refused' ? 'cc-alert' : 'cc-note'} data-testid="recipes-file-line">
          {fileLine.text}
        </p>
      )}
    </section>
  );
}
