import { fileURLToPath } from 'node:url';
import { createAnswererCached, loadCorpus, parseConfig } from '../../src/index.js';
import { loadDotEnv } from '../shared/environment.js';
import { createInFlight } from '../shared/in-flight.js';
import { createLogger } from '../shared/logger.js';
import { loggerOptionsFrom, rateLimiterFrom } from '../shared/operations-config.js';
import { installProcessGuards } from '../shared/process-guards.js';
import { createRequestGate } from '../shared/request-gate.js';
import { runMain } from '../shared/run-main.js';
import { createSnapshotLogger } from '../shared/snapshot-logger.js';
import { startBot } from './client.js';
import { DiscordConfigSchema } from './config.js';
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
  const corpus = await loadCorpus(config.CORPUS_DIR);
  // discord.js reports shard status over IPC without a callback; once the manager is gone that
  // send fails with EPIPE, which Node raises as a process 'error' event and would crash on.
  // While stopping it is expected: the manager has already closed the channel.
  if (isShard) {
    process.on('error', (error) =>
      logger[stopping.signal.aborted ? 'debug' : 'warn']({ err: error }, 'shard IPC error'),
    );
  }

  if (plan) {
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
      signal: stopping.signal,
    });
    return;
  }

  const inFlight = createInFlight();
  const gate = createRequestGate({
    platform: 'discord',
    logger,
    limiter: rateLimiterFrom(config),
    inFlight,
  });
  const client = await startBot({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    qa: await createAnswererCached(corpus, {
      logger: createSnapshotLogger({
        info: (message) => logger.info(message),
        warn: (message) => logger.warn(message),
      }),
    }),
    logger,
    gate,
  });
  const stop = async () => {
    // Stop taking questions, let the answers being sent finish (bounded), then disconnect.
    logger.info({ inFlight: inFlight.size }, 'stopping');
    const abandoned = await inFlight.drain(config.SHUTDOWN_GRACE_MS);
    if (abandoned > 0) logger.warn({ abandoned }, 'stopped with answers still in progress');
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
