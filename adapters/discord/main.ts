import { fileURLToPath } from 'node:url';
import { createAnswerer, loadCorpus, parseConfig } from '../../src/index.js';
import { runMain } from '../cli/run-main.js';
import { loadDotEnv } from '../shared/environment.js';
import { createLogger } from '../shared/logger.js';
import { startBot } from './client.js';
import { DiscordConfigSchema } from './config.js';
import { parseShardFlags, startShardManager, stopShardManager } from './sharding.js';

runMain(async () => {
  loadDotEnv();
  // A shard process is this same script, started by the ShardingManager with SHARDS set.
  const isShard = process.env.SHARDING_MANAGER !== undefined;
  const plan = isShard ? null : parseShardFlags(process.argv.slice(2));
  const config = parseConfig(DiscordConfigSchema, process.env, 'Discord configuration');
  const logger = createLogger({ level: config.DISCORD_LOG_LEVEL });
  const corpus = await loadCorpus(config.CORPUS_DIR);

  if (plan) {
    const file = fileURLToPath(import.meta.url);
    const manager = await startShardManager({
      file,
      token: config.DISCORD_TOKEN,
      apiUrl: config.DISCORD_API_URL,
      plan,
      logger,
      execArgv: file.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [],
    });
    onStopSignal(() => stopShardManager(manager));
    return;
  }

  const client = await startBot({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    qa: createAnswerer(corpus),
    logger,
  });
  const stop = async () => {
    logger.info('stopping');
    await client.destroy();
  };
  onStopSignal(stop);
  // An orphaned shard (its manager gone) would otherwise keep serving unsupervised.
  if (isShard) process.once('disconnect', () => void stop());
});

function onStopSignal(stop: () => unknown): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
}
