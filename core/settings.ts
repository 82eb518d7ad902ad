import { z } from './zod';
import { DEFAULT_SETTLE_DAYS } from './model/settle';

/** The artist's settings; every field has a default so an old or empty record fills in. */
export const settingsSchema = z.object({
  /** Days a distributor day may still change before it counts as settled (docs/domain.md: ~5 days). */
  settleDays: z.number().int().min(1).max(60).default(DEFAULT_SETTLE_DAYS),
  /** An assumed unique-listener minimum for eligibility; Spotify does not publish it. */
  assumedListenerMinimum: z.number().int().min(0).max(1_000_000).nullable().default(null),
  /** Readings from private/incognito windows are stored only when the artist opts in. */
  readInPrivateWindows: z.boolean().default(false),
  /** The dashboard panel was folded away by the artist (remembered across pages). */
  overlayCollapsed: z.boolean().default(false),
});
export type Settings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

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
