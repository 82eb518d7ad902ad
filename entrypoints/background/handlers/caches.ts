/**
 * The costly views kept between messages: the overview (every recording compared) and the
 * money view over the whole history. Both are kept until the data or the settings change; a
 * stopped worker simply computes them again.
 */
import type { Store } from '../../../core/store';
import { moneyByTrack } from '../../../core/views/money';
import type { MoneyTrack } from '../../../core/money';
import type { Overview } from '../../../core/views/types';
import { SITES } from '../../../core/sites';
import { incrementalOverview } from '../overview';
import { viewOptions } from './view-inputs';

/** A visit sends several readings in a row: the overview is computed once they have stopped. */
export const OVERVIEW_REFRESH_DELAY_MS = 300;

async function lastReadBySite(store: Store): Promise<Record<string, string | null>> {
  const readings = await store.listReadings(1000);
  const lastRead: Record<string, string | null> = {};
  for (const site of SITES) {
    lastRead[site.id] = readings.find((reading) => reading.site === site.id && reading.refused === null && reading.status === 'recognised')?.readAt ?? null;
  }
  return lastRead;
}

export function viewCaches(store: () => Promise<Store>, now: () => Date, precomputeOverview: boolean) {
  let overview: { version: number; value: Overview } | null = null;
  // Kept one recording at a time: only what a write touched is read and computed again (../overview.ts).
  const incremental = incrementalOverview();
  let computing: { version: number; value: Promise<Overview> } | null = null;
  let dataVersion = 0;
  // The usual rate per store is the artist's: kept per data version and day.
  let moneyCache: { version: number; day: string; byTrack: Map<string, MoneyTrack> } | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /** The overview of the current data: computed once per data version, however many ask. */
  const currentOverview = (): Promise<Overview> => {
    const version = dataVersion;
    if (overview && overview.version === version) return Promise.resolve(overview.value);
    if (computing && computing.version === version) return computing.value;
    const value = (async () => {
      const opened = await store();
      const [options, lastRead] = await Promise.all([viewOptions(opened, now), lastReadBySite(opened)]);
      const built = await incremental.compute(opened, options, lastRead);
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

  return {
    /** Told what each write touched, so the overview reads only that again. */
    incremental,
    currentOverview,
    async moneyFor(opened: Store, trackId: string): Promise<MoneyTrack | null> {
      const day = now().toISOString().slice(0, 10);
      if (!moneyCache || moneyCache.version !== dataVersion || moneyCache.day !== day) {
        const version = dataVersion;
        moneyCache = { version, day, byTrack: moneyByTrack(await opened.getHistory(), day) };
      }
      return moneyCache.byTrack.get(trackId) ?? null;
    },
    /**
     * Data or settings changed. `noted`: the write told the incremental overview what it
     * touched; a write that did not (any new one) makes it read everything again, so nothing
     * shown can be stale.
     */
    changed(noted = false): void {
      if (!noted) incremental.noteAll();
      dataVersion += 1;
      if (!precomputeOverview) return;
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => {
        // Ahead of the popup; a failure here is met again (and reported) when the popup asks.
        currentOverview().catch(() => undefined);
      }, OVERVIEW_REFRESH_DELAY_MS);
    },
  };
}

export type ViewCaches = ReturnType<typeof viewCaches>;
