/**
 * The background's two costly views, kept between messages until the data or the settings
 * change: the overview (every recording compared, for the popup) and the money view over the
 * whole history. A stopped worker simply computes them again.
 */
import type { Store } from '../../core/store';
import { buildOverview } from '../../core/views/build';
import { moneyByTrack } from '../../core/views/money';
import type { MoneyTrack } from '../../core/money';
import type { Overview } from '../../core/views/types';
import { lastReadBySite, viewOptions } from './views';

/** A visit sends several readings in a row: the overview is computed once they have stopped. */
export const OVERVIEW_REFRESH_DELAY_MS = 300;

/**
 * `changed()` after every write that changes what the views show; with `precompute`, the
 * overview is computed OVERVIEW_REFRESH_DELAY_MS after the last change, so the popup finds it ready.
 */
export function viewCaches(store: () => Promise<Store>, now: () => Date, precompute: boolean) {
  // The overview (every recording compared) is the one costly view: it is kept until the data
    // or the settings change. A stopped worker simply computes it again.
    let overview: { version: number; value: Overview } | null = null;
    let computing: { version: number; value: Promise<Overview> } | null = null;
    let dataVersion = 0;
    // The money view over the whole history (the usual rate per store is the artist's): kept like
    // the overview, per data version and day.
    let moneyCache: { version: number; day: string; byTrack: Map<string, MoneyTrack> } | null = null;
    const moneyFor = async (opened: Store, trackId: string): Promise<MoneyTrack | null> => {
      const day = now().toISOString().slice(0, 10);
      if (!moneyCache || moneyCache.version !== dataVersion || moneyCache.day !== day) {
        const version = dataVersion;
        moneyCache = { version, day, byTrack: moneyByTrack(await opened.getHistory(), day) };
      }
      return moneyCache.byTrack.get(trackId) ?? null;
    };
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    /** The overview of the current data: computed once per data version, however many ask. */
    const currentOverview = (): Promise<Overview> => {
      const version = dataVersion;
      if (overview && overview.version === version) return Promise.resolve(overview.value);
      if (computing && computing.version === version) return computing.value;
      const value = (async () => {
        const opened = await store();
        const built = buildOverview(await opened.getHistory(), await viewOptions(opened, now), await lastReadBySite(opened));
        if (version === dataVersion) overview = { version, value: built };
        return built;
      })();
      computing = { version, value };
      const settle = () => {
        if (computing?.value === value) computing = null;
      };
      value.then(settle, settle);
      return value;
    };
    const changed = () => {
      dataVersion += 1;
      if (!precompute) return;
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => {
        // Ahead of the popup; a failure here is met again (and reported) when the popup asks.
        currentOverview().catch(() => undefined);
      }, OVERVIEW_REFRESH_DELAY_MS);
    };
  return { currentOverview, moneyFor, changed };
}
