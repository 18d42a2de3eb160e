import { fileURLToPath } from 'node:url';
import { loadCorpus, parseConfig } from '../../src/index.js';
import { loadDotEnv } from '../shared/environment.js';
import { createHealth, startOpsServer } from '../shared/health.js';
import { createInFlight } from '../shared/in-flight.js';
import { createLogger } from '../shared/logger.js';
import { startOperations } from '../shared/operations.js';
import { loggerOptionsFrom } from '../shared/operations-config.js';
import { installProcessGuards } from '../shared/process-guards.js';
import { createRequestGate } from '../shared/request-gate.js';
import { runMain } from '../shared/run-main.js';
import { startBot } from './client.js';
import { DiscordConfigSchema } from './config.js';
import { createSharedQuestionStore } from './more-button.js';
import { answerMetricsRequests, createShardOperations } from './shard-operations.js';
import { DISCORD_USAGE, parseShardFlags, startShardManager } from './sharding.js';

/** How long a stopping bot may take to close its gateway connections before it just exits. */
const STOP_GRACE_MS = 3_000;

runMain(async () => {
  // Listen before anything slow starts, so a signal during startup still stops cleanly.
  const stopping = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => stopping.abort());
  }
  // A shard process is this same script, forked by the ShardingManager with SHARDS set. When
  // its manager goes away, so does the shard, rather than serving unsupervised.
  const isShard = process.env.SHARDING_MANAGER !== undefined;
  if (isShard) process.once('disconnect', () => stopping.abort());

  loadDotEnv();
  const plan = isShard ? null : parseShardFlags(process.argv.slice(2));
  if (plan === 'help') {
    process.stdout.write(`${DISCORD_USAGE}\n`);
    return;
  }
  const config = parseConfig(DiscordConfigSchema, process.env, 'Discord configuration');
  const logger = createLogger({
    ...loggerOptionsFrom(config, [config.DISCORD_TOKEN]),
    level: config.DISCORD_LOG_LEVEL ?? config.LOG_LEVEL,
  });
  installProcessGuards(logger);
  // discord.js reports shard status over IPC without a callback; once the manager is gone that
  // send fails with EPIPE, which Node raises as a process 'error' event and would crash on.
  // While stopping it is expected: the manager has already closed the channel.
  if (isShard) {
    process.on('error', (error) =>
      logger[stopping.signal.aborted ? 'debug' : 'warn']({ err: error }, 'shard IPC error'),
    );
  }

  if (plan) {
    // The manager checks the corpus loads before spawning shards that would each fail on it.
    await loadCorpus(config.CORPUS_DIR);
    const health = createHealth();
    const shards = createShardOperations(health);
    const server =
      config.METRICS_PORT === undefined
        ? null
        : await startOpsServer({
            port: config.METRICS_PORT,
            host: config.METRICS_HOST,
            health,
            metrics: shards.metrics,
          });
    if (server) logger.info({ port: server.port }, 'serving GET /healthz and GET /metrics');
    stopping.signal.addEventListener('abort', () => void server?.close(), { once: true });
    const file = fileURLToPath(import.meta.url);
    await startShardManager({
      file,
      token: config.DISCORD_TOKEN,
      apiUrl: config.DISCORD_API_URL,
      plan,
      logger,
      execArgv: [
        // Each shard gets the heap sizes the manager was started with (`npm run discord`).
        ...process.execArgv.filter((flag) => /^--(?:max|min)-(?:semi|old)-space-size=/.test(flag)),
        ...(file.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : []),
      ],
      // The manager serves health and metrics for all of its shards.
      env: { METRICS_PORT: '' },
      onManager: (manager, count) => shards.attach(manager, count),
      signal: stopping.signal,
    });
    return;
  }

  const ops = await startOperations(config, { logger });
  if (isShard) answerMetricsRequests(ops.metrics.registry);
  const inFlight = createInFlight();
  const gate = createRequestGate({
    platform: 'discord',
    logger,
    limiter: ops.limiter,
    inFlight,
    metrics: ops.metrics,
  });
  // A failed login ends the process: the corpus watch and the servers must not hold it open.
  const client = await startBot({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    qa: ops.corpus.answerer,
    logger,
    gate,
    health: ops.health,
    ...(ops.redis ? { store: createSharedQuestionStore(ops.redis) } : {}),
  }).catch(async (error: unknown) => {
    await ops.close();
    throw error;
  });
  const stop = async () => {
    // Stop taking questions, let the answers being sent finish (bounded), then disconnect.
    logger.info({ inFlight: inFlight.size }, 'stopping');
    const abandoned = await inFlight.drain(config.SHUTDOWN_GRACE_MS);
    if (abandoned > 0) logger.warn({ abandoned }, 'stopped with answers still in progress');
    // The corpus watch stops and the index is saved before the bounded wait below starts.
    await ops.close();
    logger.info('disconnecting');
    // With the gateway unreachable, @discordjs/ws keeps its reconnect loop running even after
    // destroy() (it only sees an "idle" shard; cf. discord.js#10382), so bound the wait.
    setTimeout(() => process.exit(), STOP_GRACE_MS).unref();
    await client.destroy();
    // An open IPC channel would keep a shard process alive after its client is gone.
    if (process.connected) process.disconnect();
  };
  if (stopping.signal.aborted) await stop();
  else stopping.signal.addEventListener('abort', () => void stop(), { once: true });
});
