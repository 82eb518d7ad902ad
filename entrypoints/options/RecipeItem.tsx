/**
 * One recipe on the history page: what it reads in plain words, renaming it in place (text
 * only), and deleting it after a confirmation that offers to delete what it read too. A
 * built-in recipe (core/recipes/built-in.ts) is shown read-only: no rename, no delete.
 */
import { useState } from 'preact/hooks';
import { describeRecipe } from '../../core/recipes/describe';
import type { BuiltInRecipeEntry, RecipeEntry } from '../../core/messaging/protocol';
import { formatMessage, t } from '../../components/i18n';
import { failureText, type Send } from '../../components/send';

export interface RecipeItemProps {
  send: Send;
  entry: RecipeEntry | BuiltInRecipeEntry;
  announce: (message: string) => void;
  /** A recipe was renamed or deleted: the list is loaded again. */
  onChanged: () => void;
}

type Mode = { kind: 'view' } | { kind: 'renaming'; name: string } | { kind: 'deleting'; withReadings: boolean };

export function RecipeItem({ send, entry, announce, onChanged }: RecipeItemProps) {
  const { recipe, readings } = entry;
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = `recipe-name-${recipe.id}`;

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      const done = await action();
      setError(null);
      setMode({ kind: 'view' });
      announce(done);
      onChanged();
    } catch (failure) {
      setError(t('recipeActionFailed', { error: failureText(failure) }));
    } finally {
      setBusy(false);
    }
  };
  const rename = (event: Event, name: string) => {
    event.preventDefault();
    void run(async () => t('recipeRenamed', { name: (await send('ui:renameRecipe', { id: recipe.id, name })).recipe.name }));
  };
  const remove = (withReadings: boolean) =>
    void run(async () => {
      const { revisionsRemoved } = await send('ui:deleteRecipe', { id: recipe.id, withReadings });
      return withReadings ? t('recipeDeletedWithReadings', { name: recipe.name, count: revisionsRemoved }) : t('recipeDeleted', { name: recipe.name });
    });

  return (
    <li class="hp-recipe" data-testid={recipe.origin === 'built-in' ? 'built-in-recipe' : 'recipe'} aria-labelledby={nameId}>
      {mode.kind === 'renaming' ? (
        <form class="hp-recipe__rename" onSubmit={(event) => rename(event, mode.name)}>
          <label for={`${nameId}-input`}>{t('recipeRenameLabel', { name: recipe.name })}</label>
          <input
            id={`${nameId}-input`}
            type="text"
            maxLength={80}
            value={mode.name}
            onInput={(event) => setMode({ kind: 'renaming', name: (event.currentTarget as HTMLInputElement).value })}
            onKeyDown={(event) => event.key === 'Escape' && setMode({ kind: 'view' })}
          />
          <button type="submit" class="cc-button cc-button--primary" disabled={busy}>
            {t('recipeSave')}
          </button>
          <button type="button" class="cc-button" onClick={() => setMode({ kind: 'view' })}>
            {t('importCancel')}
          </button>
        </form>
      ) : (
        <h4 id={nameId} class="hp-recipe__name">
          {recipe.name}
        </h4>
      )}
      <ul class="hp-recipe__review">
        {describeRecipe(recipe).map((line) => (
          <li key={line.key}>{formatMessage(line)}</li>
        ))}
        <li>{t('recipeReadings', { count: readings })}</li>
      </ul>
      {error && (
        <p class="cc-alert" role="alert">
          {error}
        </p>
      )}
      {mode.kind === 'deleting' ? (
        <div class="cc-note hp-confirm" role="group" aria-labelledby={`${nameId}-confirm`} data-testid="recipe-delete-confirm">
          <p id={`${nameId}-confirm`}>
            <strong>{t('recipeDeleteConfirm', { name: recipe.name })}</strong>
          </p>
          <div class="hp-field hp-field--check">
            <input
              id={`${nameId}-with-readings`}
              type="checkbox"
              checked={mode.withReadings}
              aria-describedby={`${nameId}-with-readings-help`}
              onChange={(event) => setMode({ kind: 'deleting', withReadings: (event.currentTarget as HTMLInputElement).checked })}
            />
            <label for={`${nameId}-with-readings`}>{t('recipeDeleteAlsoReadings', { count: readings })}</label>
            <p id={`${nameId}-with-readings-help`} class="cc-muted">
              {t('recipeDeleteKeepsReadings')}
            </p>
          </div>
          <div class="hp-actions">
            <button type="button" class="cc-button cc-button--danger" disabled={busy} onClick={() => remove(mode.withReadings)}>
              {t('recipeDeleteYes')}
            </button>
            <button type="button" class="cc-button" onClick={() => setMode({ kind: 'view' })}>
              {t('importCancel')}
            </button>
          </div>
        </div>
      ) : (
        mode.kind === 'view' &&
        recipe.origin !== 'built-in' && (
          <div class="hp-actions">
            <button type="button" class="cc-button" aria-describedby={nameId} onClick={() => setMode({ kind: 'renaming', name: recipe.name })}>
              {t('recipeRename')}
            </button>
            <button type="button" class="cc-button cc-button--danger" aria-describedby={nameId} onClick={() => setMode({ kind: 'deleting', withReadings: false })}>
              {t('recipeDelete')}
            </button>
          </div>
        )
      )}
    </li>
  );
}
