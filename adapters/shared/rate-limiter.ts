/** Sustained questions per minute and back-to-back burst that suit a bot in a busy channel. */
export const DEFAULT_RATE_LIMIT = { perMinute: 10, burst: 3 } as const;

/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Questions per minute one user may ask, sustained. @default 10 */
  perMinute?: number;
  /** Questions one user may ask back to back before the rate applies. @default 3 */
  burst?: number;
  /** Users remembered at once; beyond it the longest idle are forgotten. @default 10_000 */
  maxUsers?: number;
  /** Milliseconds from a monotonic clock, for tests. @default performance.now */
  now?: () => number;
}

/** The verdict on one request. */
export type RateDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** When the user may ask again. */
      readonly retryAfterMs: number;
      /** True for the first refusal since the user was last allowed: tell them, once. */
      readonly notify: boolean;
    };

/** A per-user token bucket, keyed by {@link rateLimitKey}. */
export interface RateLimiter {
  /** Takes one token from `key`'s bucket if it has one. */
  take(key: string): RateDecision;
  /** Users currently remembered (bounded by `maxUsers`). */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  notified: boolean;
}

/**
 * The key of one person on one platform. Channels, threads and message ids are deliberately not
 * part of it: asking from another channel, or editing a message, draws on the same bucket.
 */
export function rateLimitKey(platform: string, userId: string): string {
  return `${platform}:${userId}`;
}

/**
 * Creates a platform-neutral token-bucket rate limiter: each user holds up to `burst` tokens,
 * refilled at `perMinute` per minute; a question takes one. Memory is bounded: a user whose
 * bucket would be full again is forgotten (a fresh bucket is the same thing), and beyond
 * `maxUsers` the longest idle go first.
 *
 * @throws {RangeError} when `perMinute`, `burst` or `maxUsers` is not a positive number.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const perMinute = options.perMinute ?? DEFAULT_RATE_LIMIT.perMinute;
  const burst = options.burst ?? DEFAULT_RATE_LIMIT.burst;
  const maxUsers = options.maxUsers ?? 10_000;
  const now = options.now ?? (() => performance.now());
  for (const [name, value] of Object.entries({ perMinute, burst, maxUsers })) {
    if (!(value > 0)) throw new RangeError(`rate limiter: ${name} must be positive, not ${value}`);
  }
  const perMs = perMinute / 60_000;
  const refillMs = burst / perMs;
  // Map order is least recently used first: every take() moves its key to the end.
  const buckets = new Map<string, Bucket>();

  const forgetIdle = (time: number) => {
    for (const [key, bucket] of buckets) {
      if (time - bucket.updatedAt < refillMs && buckets.size < maxUsers) break;
      buckets.delete(key);
    }
  };

  return {
    take(key) {
      const time = now();
      const previous = buckets.get(key);
      buckets.delete(key);
      const bucket: Bucket = previous
        ? {
            ...previous,
            tokens: Math.min(burst, previous.tokens + (time - previous.updatedAt) * perMs),
            updatedAt: time,
          }
        : { tokens: burst, updatedAt: time, notified: false };
      forgetIdle(time);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        bucket.notified = false;
        return { allowed: true };
      }
      const notify = !bucket.notified;
      bucket.notified = true;
      return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / perMs), notify };
    },
    get size() {
      return buckets.size;
    },
  };
}
