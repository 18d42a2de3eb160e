import { parseConfig } from '../../src/index.js';
import { type CommandSpec, HELP_FLAG, readCommandLine } from '../shared/command-line.js';
import { loadDotEnv } from '../shared/environment.js';
import { registryText } from '../shared/health.js';
import { createInFlight } from '../shared/in-flight.js';
import { createLogger, type Logger } from '../shared/logger.js';
import { withDeadline } from '../shared/network-errors.js';
import { type Operations, startOperations } from '../shared/operations.js';
import { loggerOptionsFrom } from '../shared/operations-config.js';
import { installProcessGuards } from '../shared/process-guards.js';
import { createRequestGate } from '../shared/request-gate.js';
import { runMain } from '../shared/run-main.js';
import { createSlackBot } from './app.js';
import {
  isSocketMode,
  parseSlackConfig,
  SlackCommandSchema,
  type SlackConfig,
  slackSilent,
} from './config.js';
import { createRedisEventIds } from './dedupe.js';
import { verifyBotToken } from './identity.js';
import { renderManifest } from './manifest.js';

/** How long closing the HTTP server or the socket may take after the grace period. */
const STOP_GRACE_MS = 3_000;

export const SLACK_USAGE = `Usage: npm run slack -- [options]

Runs the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT. Its settings
come from the environment or .env (see .env.example).

Options:
  --manifest   print the app manifest for SLACK_COMMAND (default /ask) and exit, to create or
               update the app at https://api.slack.com/apps
  -h, --help   show this help`;

const SLACK_COMMAND_LINE: CommandSpec = {
  command: 'npm run slack',
  flags: { manifest: { type: 'boolean' }, ...HELP_FLAG },
};

runMain(async () => {
  loadDotEnv();
  const flags = readCommandLine(SLACK_COMMAND_LINE, process.argv.slice(2)).values;
  if (flags.help) {
    process.stdout.write(`${SLACK_USAGE}\n`);
    return;
  }
  if (flags.manifest) {
    const { SLACK_COMMAND } = parseConfig(SlackCommandSchema, process.env, 'Slack configuration');
    process.stdout.write(await renderManifest(SLACK_COMMAND));
    return;
  }
  const config = parseSlackConfig(process.env);
  const logger = createLogger(
    loggerOptionsFrom(config, [
      config.SLACK_BOT_TOKEN,
      config.SLACK_APP_TOKEN,
      config.SLACK_SIGNING_SECRET,
    ]),
  );
  installProcessGuards(logger);
  const ops = await startOperations(config, { logger });
  // A failed start ends the process: the corpus watch and the servers must not hold it open.
  const { bot, gate } = await startSlack(config, ops, logger).catch(async (error: unknown) => {
    await ops.close();
    throw error;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal, inFlight: gate.inFlight.size }, 'Slack bot stopping');
      // A socket or keep-alive connection that never closes must not hold the process.
      setTimeout(() => process.exit(), config.SHUTDOWN_GRACE_MS + STOP_GRACE_MS).unref();
      const stopped = async () => {
        const abandoned = await bot.stop({ graceMs: config.SHUTDOWN_GRACE_MS });
        await ops.close();
        if (abandoned > 0) logger.warn({ abandoned }, 'stopped with answers still in progress');
        logger.info('Slack bot stopped');
        logger.flush();
      };
      stopped().catch((error: unknown) => {
        logger.error({ err: error }, 'Slack bot did not stop cleanly');
        process.exitCode = 1;
      });
    });
  }
});

/** Checks the token, wires the app and starts it (HTTP or Socket Mode). */
async function startSlack(config: SlackConfig, ops: Operations, logger: Logger) {
  const qa = ops.corpus.answerer;
  const clientOptions = config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};
  // A host that accepts the connection and never answers would otherwise hang start-up silently.
  const startWithin = <T>(step: string, work: Promise<T>) =>
    withDeadline(work, config.SLACK_START_TIMEOUT_MS, () =>
      slackSilent(config.SLACK_API_URL, step, config.SLACK_START_TIMEOUT_MS),
    );
  const { team, user, ...identity } = await startWithin(
    'auth.test',
    verifyBotToken(config.SLACK_BOT_TOKEN, clientOptions, logger),
  );
  const gate = createRequestGate({
    platform: 'slack',
    logger,
    limiter: ops.limiter,
    inFlight: createInFlight(),
    metrics: ops.metrics,
  });
  const bot = createSlackBot({
    config,
    qa,
    logger,
    identity,
    gate,
    health: ops.health,
    // HTTP mode serves /metrics beside /healthz on its own port, as METRICS_PORT would.
    ...(isSocketMode(config) ? {} : { metrics: registryText(ops.metrics.registry) }),
    ...(ops.redis ? { eventIds: createRedisEventIds(ops.redis) } : {}),
  });
  const started = await startWithin(
    isSocketMode(config) ? 'apps.connections.open and the Socket Mode connection' : 'start',
    bot.start(),
  );
  logger.info(
    { ...started, team, bot: user, documents: qa.documents.length },
    started.mode === 'http'
      ? `Slack bot listening on port ${started.port} (POST /slack/events, GET /healthz, GET /metrics)`
      : 'Slack bot connected over Socket Mode',
  );
  return { bot, gate };
}
