import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisConnection } from './redis-connection.js';

type LimiterOptions = ConstructorParameters<typeof RateLimiterMemory>[0];

/** Sustained questions per minute and back-to-back burst that suit a bot in a busy channel. */
export const DEFAULT_RATE_LIMIT = { perMinute: 10, burst: 3 } as const;

/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Questions per minute one user may ask, sustained. @default 10 */
  perMinute?: number;
  /** Questions one user may ask back to back before the rate applies. @default 3 */
  burst?: number;
  /**
   * Shared state for replicas: the limit is counted in Redis, so a user's questions spread over
   * several processes draw on one allowance; while Redis is down, each process counts alone.
   * @default none: this process only
   */
  redis?: RedisConnection | undefined;
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

/** A per-user limit, keyed by {@link rateLimitKey}. */
export interface RateLimiter {
  /** Counts one request against `key`'s allowance. */
  take(key: string): Promise<RateDecision>;
}

/**
 * The key of one person on one platform. Channels, threads and message ids are deliberately not
 * part of it: asking from another channel, or editing a message, draws on the same allowance.
 */
export function rateLimitKey(platform: string, userId: string): string {
  return `${platform}:${userId}`;
}

/**
 * The window in which `burst` questions are allowed, so that they come back at `perMinute`:
 * 3 questions every 18 seconds for 3 and 10 a minute. Whole seconds (Redis keys expire in
 * seconds), at least one.
 */
export function windowSeconds(perMinute: number, burst: number): number {
  return Math.max(1, Math.ceil((burst * 60) / perMinute));
}

/**
 * Creates a per-user rate limiter with rate-limiter-flexible: each user may ask `burst`
 * questions back to back, then waits for the window (see {@link windowSeconds}) to open again,
 * which holds them to `perMinute` over time. Counted in Redis when `redis` is given (with an
 * in-process twin that takes over during an outage), else in this process; either way memory is
 * bounded by the users active within one window.
 *
 * @throws {RangeError} when `perMinute` or `burst` is not a positive number.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const perMinute = options.perMinute ?? DEFAULT_RATE_LIMIT.perMinute;
  const burst = options.burst ?? DEFAULT_RATE_LIMIT.burst;
  for (const [name, value] of Object.entries({ perMinute, burst })) {
    if (!(value > 0)) throw new RangeError(`rate limiter: ${name} must be positive, not ${value}`);
  }
  const limits = {
    points: Math.floor(burst),
    duration: windowSeconds(perMinute, burst),
    keyPrefix: 'article-qa:rate',
  } satisfies LimiterOptions;
  const { redis } = options;
  const local = redis
    ? new ObservedMemoryLimiter(limits, () => redis.fellBack('rate-limit'))
    : new RateLimiterMemory(limits);
  const limiter = redis
    ? new RateLimiterRedis({
        ...limits,
        storeClient: redis.client,
        rejectIfRedisNotReady: true,
        insuranceLimiter: local,
      })
    : local;

  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return {
          allowed: false,
          retryAfterMs: refusal.msBeforeNext,
          // Every refused request counts too: the first one over is the one to tell.
          notify: refusal.consumedPoints === limits.points + 1,
        };
      }
    },
  };
}

/** The in-process twin of the Redis limiter, which says when it has to stand in. */
class ObservedMemoryLimiter extends RateLimiterMemory {
  constructor(
    options: LimiterOptions,
    private readonly standingIn: () => void,
  ) {
    super(options);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>) {
    this.standingIn();
    return super.consume(...args);
  }
}
