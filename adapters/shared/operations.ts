import {
  createHealth,
  type Health,
  type OpsServer,
  registryText,
  startOpsServer,
} from './health.js';
import { type LiveCorpus, startLiveCorpus } from './live-corpus.js';
import type { Logger } from './logger.js';
import { type BotMetrics, createBotMetrics } from './metrics.js';
import { type OperationsConfig, rateLimiterFrom } from './operations-config.js';
import type { RateLimiter } from './rate-limiter.js';
import { connectRedis, type RedisConnection } from './redis-connection.js';

/** What every bot runs beside its platform client: metrics, health, shared state, the corpus. */
export interface Operations {
  readonly metrics: BotMetrics;
  readonly health: Health;
  /** Shared state for replicas; null without `REDIS_URL`. */
  readonly redis: RedisConnection | null;
  readonly limiter: RateLimiter;
  /** The health and metrics server on `METRICS_PORT`; null when unset. */
  readonly server: OpsServer | null;
  /** The corpus, followed as it changes (unless `CORPUS_WATCH=false`). */
  readonly corpus: LiveCorpus;
  /** Stops watching the corpus, closes the server and the Redis connection. */
  close(): Promise<void>;
}

/** Options for {@link startOperations}. */
export interface OperationsOptions {
  logger: Logger;
  /** Serve `/healthz` and `/metrics` on `METRICS_PORT` when set. @default true */
  serveMetrics?: boolean;
}

/**
 * Starts a bot's operations in the order that keeps them truthful: metrics and the health
 * server first (answering 503 while the index loads), then Redis (an unreachable one is an
 * outage, not a failure to start), then the corpus. The platform connection is the caller's:
 * it sets `health` to connected when it is up.
 *
 * @throws {CorpusError} when the corpus does not load.
 */
export async function startOperations(
  config: OperationsConfig & { CORPUS_DIR: string },
  options: OperationsOptions,
): Promise<Operations> {
  const { logger } = options;
  const metrics = createBotMetrics();
  const health = createHealth();
  const server =
    config.METRICS_PORT !== undefined && options.serveMetrics !== false
      ? await startOpsServer({
          port: config.METRICS_PORT,
          host: config.METRICS_HOST,
          health,
          metrics: registryText(metrics.registry),
        })
      : null;
  if (server) {
    logger.info({ port: server.port }, 'serving GET /healthz and GET /metrics');
  }
  const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL, { logger, metrics }) : null;
  if (redis?.available) logger.info('shared state on Redis');
  try {
    const corpus = await startLiveCorpus({
      dir: config.CORPUS_DIR,
      logger,
      watch: config.CORPUS_WATCH,
      debounceMs: config.CORPUS_DEBOUNCE_MS,
      cacheDir: config.INDEX_CACHE_DIR,
      metrics,
      health,
    });
    // `kill -HUP`: read the folder again now (after a symlink swap of the corpus, say).
    const onHangup = () => {
      logger.info('SIGHUP: reloading the corpus');
      void corpus.reload();
    };
    process.on('SIGHUP', onHangup);
    return {
      metrics,
      health,
      redis,
      limiter: rateLimiterFrom(config, redis ?? undefined),
      server,
      corpus,
      async close() {
        process.off('SIGHUP', onHangup);
        await corpus.close();
        await server?.close();
        await redis?.close();
      },
    };
  } catch (error) {
    await server?.close();
    await redis?.close();
    throw error;
  }
}
