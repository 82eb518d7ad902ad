/**
 * Settings as stored: whatever record is there (an older version's, or a damaged one) is read
 * field by field, so one bad field falls back to its default instead of losing the others.
 */
import { settingsSchema, type Settings } from '../settings';
import { z } from '../zod';

type SettingsShape = typeof settingsSchema.shape;

/**
 * A change to some settings. Unlike `settingsSchema.partial()`, absent fields stay absent
 * (the partial schema would fill them with defaults and reset what the artist chose).
 */
export const settingsPatchSchema = z.object(
  Object.fromEntries(
    Object.entries(settingsSchema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? field.unwrap() : field).optional()]),
  ) as {
    [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>>;
  },
);
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

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
