import { z } from 'zod';
import { blankAsMissing } from './environment.js';
import type { LoggerOptions } from './logger.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimiter } from './rate-limiter.js';
import type { RedisConnection } from './redis-connection.js';

/** pino's levels, for `LOG_LEVEL`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = (example: string) =>
  z.coerce
    .number({ error: `must be a port number such as ${example}` })
    .int(`must be a whole port number such as ${example}`)
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535');

/** The keys of a corpus followed as it changes: the bots' and the REPL's. */
export const CorpusWatchShape = {
  /** The snapshot folder (index snapshots, one analysis file per article). @default ".cache/index" */
  INDEX_CACHE_DIR: z.preprocess(blankAsMissing, z.string().trim().min(1).optional()),
  /** Reload the corpus when its articles change. @default true */
  CORPUS_WATCH: z.preprocess(
    blankAsMissing,
    z.stringbool({ error: 'must be true or false' }).default(true),
  ),
  /** Quiet time after a burst of changes before reloading, in ms. @default 500 */
  CORPUS_DEBOUNCE_MS: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'must be a number of milliseconds such as 500' })
      .int('must be a whole number of milliseconds')
      .min(0, 'must be 0 or more')
      .max(60_000, 'must be at most 60000 (a minute)')
      .default(500),
  ),
};

/**
 * The operational keys every chat adapter reads on top of its own: logging, rate limiting,
 * the shutdown grace period, the corpus watch, shared state and metrics. Each is documented in
 * `.env.example`.
 */
export const OperationsConfigShape = {
  ...CorpusWatchShape,
  /** Redis for state shared by replicas and shards; unset: this process only. */
  REDIS_URL: z.preprocess(
    blankAsMissing,
    z
      .url({
        protocol: /^rediss?$/,
        error: 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379 (or unset)',
      })
      .optional(),
  ),
  /** Port of GET /healthz and GET /metrics; unset: none (Slack HTTP mode serves both on PORT). */
  METRICS_PORT: z.preprocess(blankAsMissing, port('9464').optional()),
  /** Interface of METRICS_PORT. @default all interfaces */
  METRICS_HOST: z.preprocess(blankAsMissing, z.string().trim().min(1).optional()),
  /** Log level on stderr. @default "info" */
  LOG_LEVEL: z.preprocess(
    blankAsMissing,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  /** `json` lines for production, `pretty` for reading in a terminal. @default "json" */
  LOG_FORMAT: z.preprocess(
    blankAsMissing,
    z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).default('json'),
  ),
  /** Questions per minute one user may ask, sustained. @default 10 */
  RATE_LIMIT_PER_MINUTE: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'must be a number of questions per minute such as 10' })
      .positive('must be more than 0, such as 10')
      .default(DEFAULT_RATE_LIMIT.perMinute),
  ),
  /** Questions one user may ask back to back before the rate applies. @default 3 */
  RATE_LIMIT_BURST: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'must be a whole number such as 3' })
      .int('must be a whole number such as 3')
      .min(1, 'must be at least 1')
      .default(DEFAULT_RATE_LIMIT.burst),
  ),
  /** How long a stopping bot lets answers in progress finish, in milliseconds. @default 10000 */
  SHUTDOWN_GRACE_MS: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'must be a number of milliseconds such as 10000' })
      .int('must be a whole number of milliseconds')
      .min(0, 'must be 0 or more')
      .max(600_000, 'must be at most 600000 (10 minutes)')
      .default(10_000),
  ),
};

/** The operational settings, as parsed. */
export interface OperationsConfig {
  INDEX_CACHE_DIR?: string | undefined;
  CORPUS_WATCH: boolean;
  CORPUS_DEBOUNCE_MS: number;
  REDIS_URL?: string | undefined;
  METRICS_PORT?: number | undefined;
  METRICS_HOST?: string | undefined;
  LOG_LEVEL: (typeof LOG_LEVELS)[number];
  LOG_FORMAT: 'json' | 'pretty';
  RATE_LIMIT_PER_MINUTE: number;
  RATE_LIMIT_BURST: number;
  SHUTDOWN_GRACE_MS: number;
}

/** Logger options from the operational settings; `secrets` are blanked in every line. */
export function loggerOptionsFrom(
  config: Pick<OperationsConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>,
  secrets: readonly (string | undefined)[] = [],
): LoggerOptions {
  return { level: config.LOG_LEVEL, pretty: config.LOG_FORMAT === 'pretty', secrets };
}

/** The per-user rate limiter the settings describe, counted in Redis when there is one. */
export function rateLimiterFrom(
  config: Pick<OperationsConfig, 'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_BURST'>,
  redis?: RedisConnection,
): RateLimiter {
  return createRateLimiter({
    perMinute: config.RATE_LIMIT_PER_MINUTE,
    burst: config.RATE_LIMIT_BURST,
    redis,
  });
}
