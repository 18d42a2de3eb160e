import { createAnswererCached, loadCorpus } from '../../src/index.js';
import { loadDotEnv } from '../shared/environment.js';
import { createInFlight } from '../shared/in-flight.js';
import { createLogger } from '../shared/logger.js';
import { loggerOptionsFrom, rateLimiterFrom } from '../shared/operations-config.js';
import { installProcessGuards } from '../shared/process-guards.js';
import { createRequestGate } from '../shared/request-gate.js';
import { runMain } from '../shared/run-main.js';
import { createSlackBot } from './app.js';
import { parseSlackConfig } from './config.js';
import { verifyBotToken } from './identity.js';

/** How long closing the HTTP server or the socket may take after the grace period. */
const STOP_GRACE_MS = 3_000;

runMain(async () => {
  loadDotEnv();
  const config = parseSlackConfig(process.env);
  const logger = createLogger(
    loggerOptionsFrom(config, [
      config.SLACK_BOT_TOKEN,
      config.SLACK_APP_TOKEN,
      config.SLACK_SIGNING_SECRET,
    ]),
  );
  installProcessGuards(logger);
  const qa = await createAnswererCached(await loadCorpus(config.CORPUS_DIR), { logger });
  const clientOptions = config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};
  const { team, user, ...identity } = await verifyBotToken(
    config.SLACK_BOT_TOKEN,
    clientOptions,
    logger,
  );
  const gate = createRequestGate({
    platform: 'slack',
    logger,
    limiter: rateLimiterFrom(config),
    inFlight: createInFlight(),
  });
  const bot = createSlackBot({ config, qa, logger, identity, gate });
  const started = await bot.start();
  logger.info(
    { ...started, team, bot: user, documents: qa.documents.length },
    started.mode === 'http'
      ? `Slack bot listening on port ${started.port} (POST /slack/events, GET /healthz)`
      : 'Slack bot connected over Socket Mode',
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal, inFlight: gate.inFlight.size }, 'Slack bot stopping');
      // A socket or keep-alive connection that never closes must not hold the process.
      setTimeout(() => process.exit(), config.SHUTDOWN_GRACE_MS + STOP_GRACE_MS).unref();
      bot.stop({ graceMs: config.SHUTDOWN_GRACE_MS }).then(
        (abandoned) => {
          if (abandoned > 0) logger.warn({ abandoned }, 'stopped with answers still in progress');
          logger.info('Slack bot stopped');
          logger.flush();
        },
        (error: unknown) => {
          logger.error({ err: error }, 'Slack bot did not stop cleanly');
          process.exitCode = 1;
        },
      );
    });
  }
});
