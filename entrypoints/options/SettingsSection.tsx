/** The artist's settings, each explained in one line. Saved with the button, announced. */
import { t } from '../../components/i18n';
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Settings } from '../../core/settings';
import { failureText, type Send } from '../../components/send';

interface SettingsSectionProps {
  send: Send;
  announce: (message: string) => void;
  onSaved: () => void;
  /** Shown below the settings form (the site access list). */
  children?: ComponentChildren;
}

interface Draft {
  settleDays: string;
  assumedListenerMinimum: string;
  readInPrivateWindows: boolean;
}

const draftOf = (settings: Settings): Draft => ({
  settleDays: String(settings.settleDays),
  assumedListenerMinimum: settings.assumedListenerMinimum === null ? '' : String(settings.assumedListenerMinimum),
  readInPrivateWindows: settings.readInPrivateWindows,
});

/** The draft as a settings change, or the first problem in it. */
export function parseDraft(draft: Draft): { ok: true; patch: Pick<Settings, 'settleDays' | 'assumedListenerMinimum' | 'readInPrivateWindows'> } | { ok: false; error: string } {
  const settleDays = Number(draft.settleDays);
  if (!/^\d+$/.test(draft.settleDays.trim()) || settleDays < 1 || settleDays > 60) return { ok: false, error: t('settingsBadSettle') };
  const minimumText = draft.assumedListenerMinimum.trim();
  const minimum = minimumText === '' ? null : Number(minimumText);
  if (minimum !== null && (!/^\d+$/.test(minimumText) || minimum > 1_000_000)) return { ok: false, error: t('settingsBadMinimum', { max: 1_000_000 }) };
  return { ok: true, patch: { settleDays, assumedListenerMinimum: minimum, readInPrivateWindows: draft.readInPrivateWindows } };
}

export function SettingsSection({ send, announce, onSaved, children }: SettingsSectionProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    send('ui:getSettings', {})
      .then((settings) => setDraft(draftOf(settings)))
      .catch((failure: unknown) => setError(failureText(failure)));
  }, [send]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    const parsed = parseDraft(draft);
    if (!parsed.ok) {
      setError(t('settingsNotSaved', { problem: parsed.error }));
      return;
    }
    setSaving(true);
    try {
      setDraft(draftOf(await send('ui:setSettings', parsed.patch)));
      setError(null);
      announce(t('settingsSaved'));
      onSaved();
    } catch (failure) {
      setError(t('settingsNotSaved', { problem: failureText(failure) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section id="settings" class="hp-section" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settingsTitle')}</h2>
      {error && (
        <p class="cc-alert" role="alert">
          {error}
        </p>
      )}
      {draft === null ? (
        !error && <p class="cc-muted">{t('settingsLoading')}</p>
      ) : (
        <form class="hp-settings" onSubmit={save} noValidate>
          <div class="hp-field">
            <label for="settle-days">{t('settingsSettle')}</label>
            <input
              id="settle-days"
              type="number"
              min={1}
              max={60}
              inputMode="numeric"
              value={draft.settleDays}
              aria-describedby="settle-days-help"
              onInput={(event) => setDraft({ ...draft, settleDays: (event.currentTarget as HTMLInputElement).value })}
            />
            <p id="settle-days-help" class="cc-muted">
              {t('settingsSettleHelp')}
            </p>
          </div>
          <div class="hp-field">
            <label for="listener-minimum">{t('settingsMinimum')}</label>
            <input
              id="listener-minimum"
              type="number"
              min={0}
              inputMode="numeric"
              placeholder={t('settingsMinimumPlaceholder')}
              value={draft.assumedListenerMinimum}
              aria-describedby="listener-minimum-help"
              onInput={(event) => setDraft({ ...draft, assumedListenerMinimum: (event.currentTarget as HTMLInputElement).value })}
            />
            <p id="listener-minimum-help" class="cc-muted">
              {t('settingsMinimumHelp')}
            </p>
          </div>
          <div class="hp-field hp-field--check">
            <input
              id="private-windows"
              type="checkbox"
              checked={draft.readInPrivateWindows}
              aria-describedby="private-windows-help"
              onChange={(event) => setDraft({ ...draft, readInPrivateWindows: (event.currentTarget as HTMLInputElement).checked })}
            />
            <label for="private-windows">{t('settingsPrivate')}</label>
            <p id="private-windows-help" class="cc-muted">
              {t('settingsPrivateHelp')}
            </p>
          </div>
          <button type="submit" class="cc-button cc-button--primary" disabled={saving}>
            {saving ? t('settingsSaving') : t('settingsSave')}
          </button>
        </form>
      )}
      {children}
    </section>
  );
}
