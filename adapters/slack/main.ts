import { createAnswererCached, loadCorpus } from '../../src/index.js';
import { runMain } from '../cli/run-main.js';
import { loadDotEnv } from '../shared/environment.js';
import { createLogger } from '../shared/logger.js';
import { createSlackBot } from './app.js';
import { parseSlackConfig } from './config.js';
import { verifyBotToken } from './identity.js';

runMain(async () => {
  loadDotEnv();
  const config = parseSlackConfig(process.env);
  const logger = createLogger();
  const qa = await createAnswererCached(await loadCorpus(config.CORPUS_DIR), { logger });
  const clientOptions = config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};
  const { team, user, ...identity } = await verifyBotToken(
    config.SLACK_BOT_TOKEN,
    clientOptions,
    logger,
  );
  const bot = createSlackBot({ config, qa, logger, identity });
  const started = await bot.start();
  logger.info(
    { ...started, team, bot: user, documents: qa.documents.length },
    started.mode === 'http'
      ? `Slack bot listening on port ${started.port} (POST /slack/events, GET /healthz)`
      : 'Slack bot connected over Socket Mode',
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'Slack bot stopping');
      bot.stop().then(
        () => logger.flush(),
        (error: unknown) => {
          logger.error({ err: error }, 'Slack bot did not stop cleanly');
          process.exitCode = 1;
        },
      );
    });
  }
});
