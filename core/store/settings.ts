/**
 * Settings as stored: whatever record is there (an older version's, or a damaged one) is read
 * field by field, so one bad field falls back to its default instead of losing the others.
 */
import { settingsSchema, type Settings, type SettingsPatch } from '../settings';

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
