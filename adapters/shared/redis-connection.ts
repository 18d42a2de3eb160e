import { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import type { BotMetrics } from './metrics.js';

/**
 * The link to Redis that replicas share state through (retry de-duplication, rate limits, the
 * questions behind buttons), and the rule for when it is down: each store falls back to its
 * in-process twin, the bot keeps answering, one warning is logged per outage and one line when
 * Redis is back.
 */
export interface RedisConnection {
  readonly client: Redis;
  /** False from a failed request until Redis is ready again. */
  readonly available: boolean;
  /** Notes that `store` was served locally because Redis failed: warns once per outage. */
  fellBack(store: string, error?: unknown): void;
  /** Runs `remote` against Redis; when it fails, notes the fallback and runs `local`. */
  withFallback<T>(
    store: string,
    remote: (client: Redis) => Promise<T>,
    local: () => T | Promise<T>,
  ): Promise<T>;
  close(): Promise<void>;
}

/** Options for {@link connectRedis}. */
export interface RedisConnectionOptions {
  logger: Logger;
  metrics?: Pick<BotMetrics, 'countRedisFallback' | 'setRedisUp'>;
  /** How long start-up waits for Redis before going on with local stores. @default 5000 */
  connectTimeoutMs?: number;
  /** How long one request may take before the local store answers instead. @default 500 */
  commandTimeoutMs?: number;
}

/** Reconnection waits: quick at first, then every two seconds for as long as it takes. */
const retryDelay = (attempt: number) => Math.min(100 * attempt, 2_000);

/**
 * Connects to the Redis at `url` (`redis://` or `rediss://`), waiting at most
 * `connectTimeoutMs`: an unreachable Redis is an outage from the start, not a failure to start.
 */
export async function connectRedis(
  url: string,
  options: RedisConnectionOptions,
): Promise<RedisConnection> {
  const { logger, metrics } = options;
  const client = new Redis(url, {
    lazyConnect: true,
    // Requests fail at once while disconnected, so the local stores answer without delay.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    retryStrategy: retryDelay,
  });
  let available = true;
  metrics?.setRedisUp(true);
  const down = (reason: unknown) => {
    if (!available) return;
    available = false;
    metrics?.setRedisUp(false);
    logger.warn(
      { err: reason },
      'Redis unavailable: rate limits, retry de-duplication and button questions use this process only until it is back',
    );
  };
  // Without a listener an 'error' event would crash the process; outages are reported by down().
  client.on('error', (error) => logger.debug({ err: error }, 'Redis connection error'));
  client.on('close', () => down(new Error('connection closed')));
  client.on('ready', () => {
    if (available) return;
    available = true;
    metrics?.setRedisUp(true);
    logger.info('Redis is back: shared state is on Redis again');
  });

  const waitMs = options.connectTimeoutMs ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${waitMs} ms`)), waitMs);
      }),
    ]);
  } catch (error) {
    down(error);
  } finally {
    clearTimeout(timer);
  }

  const connection: RedisConnection = {
    client,
    get available() {
      return available && client.status === 'ready';
    },
    fellBack(store, error) {
      metrics?.countRedisFallback(store);
      down(error ?? new Error(`Redis status ${client.status}`));
    },
    async withFallback(store, remote, local) {
      if (!connection.available) {
        connection.fellBack(store);
        return local();
      }
      try {
        return await remote(client);
      } catch (error) {
        connection.fellBack(store, error);
        return local();
      }
    },
    async close() {
      client.removeAllListeners('close');
      client.disconnect();
    },
  };
  return connection;
}
