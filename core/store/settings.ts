/**
 * Settings as stored: whatever record is there (an older version's, or a damaged one) is read
 * field by field, so one bad field falls back to its default instead of losing the others.
 * A patch is checked before it is applied, and written in one transaction.
 */
import { settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../settings';
import { SETTINGS, SETTINGS_KEY } from './schema';
import type { Store } from './store';
import type { Transact } from './transactions';

export { settingsPatchSchema, type SettingsPatch } from '../settings';

export function settingsFromRecord(record: unknown): Settings {
  const source = record && typeof record === 'object' ? (record as Record<string, unknown>) : {};
  const valid: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    if (!Object.hasOwn(source, key)) continue;
    const parsed = field.safeParse(source[key]);
    if (parsed.success) valid[key] = parsed.data;
  }
  return settingsSchema.parse(valid);
}

export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) next[key] = value;
  return settingsSchema.parse(next);
}

export function settingsMethods(transact: Transact): Pick<Store, 'getSettings' | 'setSettings'> {
  return {
    async getSettings() {
      return transact('Reading the settings', [SETTINGS], 'readonly', 'default', async (tx) =>
        settingsFromRecord(await tx.objectStore(SETTINGS).get(SETTINGS_KEY)),
      );
    },

    async setSettings(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`Settings not saved: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
      }
      const checked = parsed.data;
      return transact('Saving the settings', [SETTINGS], 'readwrite', 'default', async (tx) => {
        const settingsStore = tx.objectStore(SETTINGS);
        const next = applySettingsPatch(settingsFromRecord(await settingsStore.get(SETTINGS_KEY)), checked);
        await settingsStore.put(next, SETTINGS_KEY);
        return next;
      });
    },
  };
}
