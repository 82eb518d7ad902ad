/**
 * A small seeded generator of realistic histories for comparison tests: S4A daily streams with
 * a weekday rhythm and counting noise, read the next evening; distributor trends that keep a
 * steady share of them, arrive days later, and may carry incidents, gaps, late days that start
 * at 0, a day shift, or an all-store view.
 */
import { addDays, type Day } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { Observation, Track } from '../../../core/model/schema';

/** mulberry32: tiny, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson count: exact for small means, normal approximation above 50. */
export function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) {
    const u = Math.max(random(), 1e-12);
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** Binomial thinning: each of n streams kept with probability p (normal approximation when large). */
export function thin(random: () => number, n: number, p: number): number {
  if (n <= 0) return 0;
  if (n > 200) {
    const u = Math.max(random(), 1e-12);
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal)));
  }
  let kept = 0;
  for (let i = 0; i < n; i++) if (random() < p) kept++;
  return kept;
}

export interface DistributorPlan {
  source?: string;
  store?: string;
  /** Share of S4A's streams the distributor shows (above 1 for all-store views). */
  ratio: number;
  /** The distributor's day d carries S4A's day d − lagDays. */
  lagDays?: number;
  /** Days after the day when the value is read (default 5). */
  delayDays?: number;
  /** Day offsets whose settled value is multiplied by a factor (an incident). */
  incidents?: Record<number, number>;
  /** Day offsets the distributor never reports. */
  gaps?: number[];
  /** Day offsets first read as 0 one day after the day, then at their value after delayDays. */
  risesFromZero?: number[];
}

export interface TrackPlan {
  id: string;
  isrc?: string | null;
  title?: string;
  start: Day;
  days: number;
  /** Mean S4A streams a day. */
  mean: number;
  /** Weekday rhythm amplitude (default 0.25: weekends busier). */
  weekly?: number;
  /** Day offsets S4A has no value for. */
  spotifyGaps?: number[];
  distributors?: DistributorPlan[];
}

const spotifyReadAt = (day: Day) => `${addDays(day, 1)}T20:00:00.000Z`;
const distributorReadAt = (day: Day, delay: number) => `${addDays(day, delay)}T08:00:00.000Z`;

export function syntheticHistory(plans: readonly TrackPlan[], seed = 1): History {
  const random = seededRandom(seed);
  const tracks: Track[] = [];
  const observations: Observation[] = [];
  for (const [index, plan] of plans.entries()) {
    tracks.push({
      id: plan.id,
      isrc: plan.isrc === undefined ? `CHXXX24${String(index + 1).padStart(5, '0')}` : plan.isrc,
      title: plan.title ?? `Song ${index + 1}`,
      artists: ['The Synthetics'],
      spotifyTrackIds: [],
      distributorIds: { imusician: String(1000 + index) },
    });
    // S4A's underlying counts, with a margin so shifted distributors have something to carry.
    const margin = 3;
    const truth = new Map<number, number>();
    for (let offset = -margin; offset < plan.days + margin; offset++) {
      const weekday = new Date(Date.parse(addDays(plan.start, offset))).getUTCDay();
      const rhythm = 1 + (plan.weekly ?? 0.25) * (weekday === 5 || weekday === 6 ? 1 : weekday === 0 ? 0.4 : -0.3);
      truth.set(offset, poisson(random, plan.mean * rhythm));
    }
    const spotifyGaps = new Set(plan.spotifyGaps ?? []);
    for (let offset = 0; offset < plan.days; offset++) {
      if (spotifyGaps.has(offset)) continue;
      const day = addDays(plan.start, offset);
      observations.push({ track: plan.id, source: 'spotify', store: 'spotify', metric: 'streams', day, value: truth.get(offset)!, observedAt: spotifyReadAt(day) });
    }
    for (const distributor of plan.distributors ?? [{ ratio: 0.9 }]) {
      const source = distributor.source ?? 'imusician';
      const store = distributor.store ?? 'spotify';
      const delay = distributor.delayDays ?? 5;
      const gaps = new Set(distributor.gaps ?? []);
      const rises = new Set(distributor.risesFromZero ?? []);
      for (let offset = 0; offset < plan.days; offset++) {
        if (gaps.has(offset)) continue;
        const day = addDays(plan.start, offset);
        const carried = truth.get(offset - (distributor.lagDays ?? 0)) ?? 0;
        const base = distributor.ratio <= 1 ? thin(random, carried, distributor.ratio) : carried + poisson(random, carried * (distributor.ratio - 1));
        const value = Math.round(base * (distributor.incidents?.[offset] ?? 1));
        if (rises.has(offset)) {
          observations.push({ track: plan.id, source, store, metric: 'streams', day, value: 0, observedAt: distributorReadAt(day, 1) });
        }
        observations.push({ track: plan.id, source, store, metric: 'streams', day, value, observedAt: distributorReadAt(day, delay) });
      }
    }
  }
  return { tracks, observations };
}

/** End of the plan's last day plus `extraDays`, as a canonical instant. */
export function endOfPlan(plan: Pick<TrackPlan, 'start' | 'days'>, extraDays = 0): string {
  return `${addDays(plan.start, plan.days - 1 + extraDays)}T23:59:59.999Z`;
}
