/**
 * Rate and volume limits for what a page can push at us (test/reliability/README.md, "page
 * channel limits"). A token bucket: `capacity` tokens, refilled at `perSecond`; taking more
 * than is left is refused and takes nothing. Time comes from `now` (milliseconds), so tests
 * drive it without waiting. No zod, no browser: content scripts and the background share it.
 */

interface BucketOptions {
  /** The most that can be taken at once after a quiet spell (the burst). */
  capacity: number;
  /** Tokens added per second, up to `capacity`. */
  perSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly options: BucketOptions,
    now: number,
  ) {
    this.tokens = options.capacity;
    this.last = now;
  }

  /** Takes `amount` tokens if there are that many; false (and nothing taken) otherwise. */
  take(amount: number, now: number): boolean {
    // A clock that goes back (a changed system time) refills nothing and never goes negative.
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.options.capacity, this.tokens + elapsed * this.options.perSecond);
    if (amount > this.tokens) return false;
    this.tokens -= amount;
    return true;
  }

  /** Returns tokens taken for something that did not happen after all. */
  giveBack(amount: number): void {
    this.tokens = Math.min(this.options.capacity, this.tokens + amount);
  }
}

/**
 * The page channel's limits, per tab (each tab has its own content script): at most 20
 * messages a second with bursts of 60, and 32 M characters a minute with bursts of 32 M.
 * Why these: loading a Spotify for Artists or iMusician page sends 5–30 data responses at once,
 * and a visit's responses add up to a few MB, so real pages stay far below; a page posting
 * thousands of messages or hundreds of MB is cut off after a burst. A message at the size cap
 * (4 M characters, lib/page-observer.ts) still fits eight times a minute.
 */
export const PAGE_CHANNEL_LIMITS = {
  messages: { capacity: 60, perSecond: 20 },
  characters: { capacity: 32 * 1024 * 1024, perSecond: (32 * 1024 * 1024) / 60 },
} as const satisfies Record<string, BucketOptions>;

export interface DroppedCount {
  messages: number;
  /** Characters of the dropped messages' bodies (about bytes for the JSON the dashboards send). */
  characters: number;
}

/** Admits page messages within PAGE_CHANNEL_LIMITS and counts the ones it drops. */
export function createChannelLimiter(now: () => number, limits: { messages: BucketOptions; characters: BucketOptions } = PAGE_CHANNEL_LIMITS) {
  const messages = new TokenBucket(limits.messages, now());
  const characters = new TokenBucket(limits.characters, now());
  let dropped: DroppedCount = { messages: 0, characters: 0 };
  return {
    /** True when a message of `size` characters may be read; else it is counted as dropped. */
    admit(size: number): boolean {
      const at = now();
      // Both checks before taking, so a message refused by volume does not use up the rate.
      const fitsRate = messages.take(1, at);
      if (fitsRate && characters.take(size, at)) return true;
      if (fitsRate) messages.giveBack(1);
      dropped = { messages: dropped.messages + 1, characters: dropped.characters + size };
      return false;
    },
    /** The drops since the last call (then zero again), or null when nothing was dropped. */
    takeDropped(): DroppedCount | null {
      if (dropped.messages === 0) return null;
      const taken = dropped;
      dropped = { messages: 0, characters: 0 };
      return taken;
    },
  };
}

export type ChannelLimiter = ReturnType<typeof createChannelLimiter>;

/**
 * The background's check on content scripts: what the page channel lets through to be read
 * (each admitted response is handed over, `cs:parseResponse`: PAGE_CHANNEL_LIMITS' 20 a second,
 * bursts of 60) plus 10 a second, bursts of 40, for everything else (a reading every 400 ms,
 * the overlay's and badges' requests stay far below). The tabs remembered are bounded: the
 * least recently seen is forgotten first.
 */
export const TAB_MESSAGE_LIMIT: BucketOptions = { capacity: 40 + 60, perSecond: 10 + 20 };
const MAX_TABS_REMEMBERED = 500;

export function createTabLimiter(now: () => number, limit: BucketOptions = TAB_MESSAGE_LIMIT) {
  const buckets = new Map<number, TokenBucket>();
  let refused = 0;
  return {
    /** True when tab `tabId` may send one more message now. */
    admit(tabId: number): boolean {
      let bucket = buckets.get(tabId);
      if (bucket) buckets.delete(tabId);
      else bucket = new TokenBucket(limit, now());
      buckets.set(tabId, bucket);
      while (buckets.size > MAX_TABS_REMEMBERED) buckets.delete(buckets.keys().next().value!);
      if (bucket.take(1, now())) return true;
      refused += 1;
      return false;
    },
    /** How many messages were refused since the background started. */
    refusedCount(): number {
      return refused;
    },
  };
}

export type TabLimiter = ReturnType<typeof createTabLimiter>;
