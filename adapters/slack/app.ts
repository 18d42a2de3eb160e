import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AllMiddlewareArgs,
  App,
  type CustomRoute,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import { type Answerer, DEFAULT_EXCERPTS } from '../../src/index.js';
import { createHealth, type Health, healthHandler, metricsHandler } from '../shared/health.js';
import type { Logger } from '../shared/logger.js';
import {
  createRequestGate,
  type RequestGate,
  type RequestOutcome,
} from '../shared/request-gate.js';
import { createBoltLogger } from './bolt-logger.js';
import {
  createGlobalErrorHandler,
  guardListener,
  type ListenerKind,
  serveListener,
} from './boundary.js';
import { isSocketMode, type SlackConfig } from './config.js';
import {
  createDeduplicationMiddleware,
  createRecentEventIds,
  type EventIdStore,
} from './dedupe.js';
import { createAppMentionListener } from './listeners/app-mention.js';
import { createAskCommandListener } from './listeners/ask-command.js';
import type { ListenerDeps } from './listeners/deps.js';
import { createDirectMessageListener } from './listeners/direct-message.js';
import { createMoreActionListener } from './listeners/more-action.js';
import { createShareActionListener } from './listeners/share-action.js';
import { MORE_ACTION_ID, SHARE_ACTION_ID } from './render.js';

/** The bot's own ids; known up front they spare Bolt an `auth.test` call. */
export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/** Options for {@link createSlackBot}. */
export interface SlackBotOptions {
  config: Readonly<SlackConfig>;
  qa: Answerer;
  logger: Logger;
  identity?: BotIdentity;
  /**
   * Hold the HTTP response until listeners finish (for FaaS hosts, and tests that assert without
   * waiting). Slash commands answer inside the ack either way. @default false
   */
  processBeforeResponse?: boolean;
  /** Remembers Events API ids so retries are answered once. @default in-process, 15 minutes */
  eventIds?: EventIdStore;
  /** Extra Web API client options (e.g. `retryConfig`), merged over those from the config. */
  clientOptions?: webApi.WebClientOptions;
  /** Excerpts per answer. @default DEFAULT_EXCERPTS */
  top?: number;
  /** Rate limit, input bounds, shutdown tracking and request logs. @default no rate limit */
  gate?: RequestGate;
  /**
   * What `GET /healthz` reports (HTTP mode); the bot marks the platform connected once it
   * listens (HTTP) or its socket is open (Socket Mode). @default a health of its own
   */
  health?: Health;
  /** What `GET /metrics` serves in HTTP mode. @default no /metrics route */
  metrics?: () => Promise<{ type: string; text: string }>;
}

/** Where a started bot is reachable. */
export interface StartedSlackBot {
  mode: 'http' | 'socket';
  /** HTTP mode: the port actually bound (useful with PORT=0). */
  port?: number;
}

/** A wired Bolt app with start and stop that suit both modes. */
export interface SlackBot {
  readonly app: App;
  readonly mode: 'http' | 'socket';
  start(): Promise<StartedSlackBot>;
  /**
   * Stops taking requests, closes the HTTP server or the socket, and waits up to `graceMs` for
   * answers in progress; resolves with how many were abandoned. @default graceMs 0
   */
  stop(options?: { graceMs?: number }): Promise<number>;
}

/**
 * Web API retries for answers: a few quick tries, then the error boundary apologises. The
 * client's default keeps retrying a failing call for about half an hour.
 */
export const ANSWER_RETRY_CONFIG: webApi.RetryOptions = { retries: 2, factor: 2 };

/**
 * `GET /healthz` for load balancers: 200 once the index is loaded and the bot listens, 503
 * before; and `GET /metrics` when given.
 */
export function operationsRoutes(
  health: Health,
  metrics?: () => Promise<{ type: string; text: string }>,
): CustomRoute[] {
  const routes: CustomRoute[] = [
    { path: '/healthz', method: ['GET', 'HEAD'], handler: healthHandler(health) },
  ];
  if (metrics) routes.push({ path: '/metrics', method: ['GET'], handler: metricsHandler(metrics) });
  return routes;
}

/**
 * Builds the Slack app: Socket Mode when `SLACK_APP_TOKEN` is set, else HTTP on
 * `POST /slack/events` with signature verification and `GET /healthz`. Registers retry
 * de-duplication, every listener behind the one error boundary, and Bolt's global error handler.
 */
export function createSlackBot(options: SlackBotOptions): SlackBot {
  const { config, logger } = options;
  // Given an answerer, the index is loaded; the caller who loads it later passes a health.
  const health = options.health ?? createHealth({ index: 'loaded' });
  const boltLogger = createBoltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: ANSWER_RETRY_CONFIG,
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...options.clientOptions,
  };
  const socket = isSocketMode(config)
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN,
        logger: boltLogger,
        // The Socket Mode client mutates its options, so it gets its own copy.
        installerOptions: { clientOptions: { ...clientOptions } },
      })
    : null;
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    ...(options.identity ?? {}),
    logger: boltLogger,
    clientOptions,
    // No conversation state: any replica can serve any request.
    convoStore: false,
    extendedErrorHandler: true,
    ...(socket
      ? { receiver: socket }
      : {
          signingSecret: config.SLACK_SIGNING_SECRET ?? '',
          customRoutes: operationsRoutes(health, options.metrics),
          processBeforeResponse: options.processBeforeResponse ?? false,
        }),
  });

  const gate = options.gate ?? createRequestGate({ platform: 'slack', logger });
  const deps: ListenerDeps = {
    qa: options.qa,
    top: options.top ?? DEFAULT_EXCERPTS,
    gate,
    command: config.SLACK_COMMAND,
  };
  // Each listener runs as one request of the gate, behind the one catch of guardListener.
  const serve = <A extends AllMiddlewareArgs>(
    kind: ListenerKind,
    event: string,
    listener: (args: A) => Promise<RequestOutcome>,
  ) => serveListener(gate, event, guardListener(kind, logger, listener));
  app.error(createGlobalErrorHandler(logger));
  app.use(createDeduplicationMiddleware(options.eventIds ?? createRecentEventIds(), logger));
  app.command(config.SLACK_COMMAND, serve('command', 'ask', createAskCommandListener(deps)));
  app.event('app_mention', serve('event', 'app_mention', createAppMentionListener(deps)));
  app.event('message', serve('event', 'message', createDirectMessageListener(deps)));
  app.action(SHARE_ACTION_ID, serve('action', 'share', createShareActionListener(deps)));
  app.action(MORE_ACTION_ID, serve('action', 'more', createMoreActionListener(deps)));

  return {
    app,
    mode: socket ? 'socket' : 'http',
    async start() {
      if (socket) {
        socket.client.on('connected', () => health.set({ platform: 'connected' }));
        // 'close' comes at once; 'reconnecting' only after the client's reconnect delay.
        for (const event of ['close', 'disconnected', 'reconnecting'] as const) {
          socket.client.on(event, () => health.set({ platform: 'disconnected' }));
        }
        await app.start();
        health.set({ platform: 'connected' });
        return { mode: 'socket' };
      }
      const listen = { port: config.PORT, ...(config.HOST ? { host: config.HOST } : {}) };
      const server = (await app.start(listen)) as Server;
      health.set({ platform: 'connected' });
      return { mode: 'http', port: (server.address() as AddressInfo).port };
    },
    async stop(stopOptions = {}) {
      // Refuse new requests first; answers already taken go on while the intake closes.
      health.set({ platform: 'disconnected' });
      const drained = gate.inFlight.drain(stopOptions.graceMs ?? 0);
      if (!socket) {
        await app.stop();
        return drained;
      }
      // Bolt's stop() returns before the socket has closed; wait for it, so nothing outlives us.
      const disconnected = new Promise<void>((resolve) => {
        socket.client.once('disconnected', () => resolve());
      });
      await app.stop();
      await disconnected;
      return drained;
    },
  };
}
