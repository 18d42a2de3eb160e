import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import type { types } from '@slack/bolt';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { createLogger } from '../../../adapters/shared/logger.js';
import type { RateLimiter } from '../../../adapters/shared/rate-limiter.js';
import { createRequestGate } from '../../../adapters/shared/request-gate.js';
import { createSlackBot, type SlackBot } from '../../../adapters/slack/app.js';
import { parseSlackConfig } from '../../../adapters/slack/config.js';
import type { EventIdStore } from '../../../adapters/slack/dedupe.js';
import { type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';
import { BOT_ID, BOT_USER_ID, type SlackDouble, startSlackDouble } from './doubles.js';

export const SIGNING_SECRET = 'test-signing-secret';

/** Log lines written by the bot, parsed. */
export interface LogCapture {
  readonly lines: Record<string, unknown>[];
}

export function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

/** A running HTTP-mode bot on 127.0.0.1 with helpers to send it signed Slack requests. */
export interface HttpBot {
  readonly bot: SlackBot;
  readonly baseUrl: string;
  readonly logs: Record<string, unknown>[];
  /** POSTs a raw body to /slack/events with the given headers. */
  post(body: string, headers: Record<string, string>): Promise<Response>;
  /** POSTs a correctly signed body (form or JSON by content type). */
  postSigned(
    body: string,
    contentType: string,
    extraHeaders?: Record<string, string>,
  ): Promise<Response>;
  stop(): Promise<void>;
}

export interface HttpBotOptions {
  qa: Answerer;
  double: SlackDouble;
  eventIds?: EventIdStore;
  /** Per-user rate limit; none by default. */
  limiter?: RateLimiter;
  /** `SLACK_COMMAND`. @default "/ask" */
  command?: string;
}

export async function startHttpBot(options: HttpBotOptions): Promise<HttpBot> {
  const { logger, lines } = captureLogger();
  const config = parseSlackConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.double.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    ...(options.command ? { SLACK_COMMAND: options.command } : {}),
  });
  const bot = createSlackBot({
    config,
    qa: options.qa,
    logger,
    identity: { botId: BOT_ID, botUserId: BOT_USER_ID },
    processBeforeResponse: true,
    clientOptions: { retryConfig: { retries: 0 } },
    ...(options.eventIds ? { eventIds: options.eventIds } : {}),
    gate: createRequestGate({ platform: 'slack', logger, limiter: options.limiter ?? null }),
  });
  const { port } = await bot.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${baseUrl}/slack/events`, { method: 'POST', body, headers });
  return {
    bot,
    baseUrl,
    logs: lines,
    post,
    postSigned: (body, contentType, extraHeaders = {}) =>
      post(body, { 'content-type': contentType, ...signHeaders(body), ...extraHeaders }),
    async stop() {
      await bot.stop();
    },
  };
}

/**
 * Answerers over the corpus folders `dirs` names, for all the tests of a file: the returned
 * record is filled in before the first test runs.
 */
export function useAnswerers<K extends string>(
  dirs: Record<K, string>,
): Readonly<Record<K, Answerer>> {
  const answerers = {} as Record<K, Answerer>;
  beforeAll(async () => {
    for (const [name, dir] of Object.entries(dirs) as [K, string][]) {
      answerers[name] = createAnswerer(await loadCorpus(dir));
    }
  });
  return answerers;
}

/** Per test of a file: a fresh Slack double, and the bots started on it. */
export interface SlackTestBed {
  /** This test's double. */
  readonly double: SlackDouble;
  /** Starts an HTTP-mode bot on this test's double; it stops after the test. */
  startHttpBot(options: Omit<HttpBotOptions, 'double'>): Promise<HttpBot>;
  /** Stops `bot` after the test, before the double closes (a Socket Mode bot, say). */
  stopAfterTest<B extends { stop(): Promise<unknown> }>(bot: B): B;
}

/** Starts a Slack double before each test of the file and, after it, stops its bots, then it. */
export function useSlackDouble(): SlackTestBed {
  let current: SlackDouble | undefined;
  const bots: { stop(): Promise<unknown> }[] = [];
  beforeEach(async () => {
    current = await startSlackDouble();
  });
  afterEach(async () => {
    // Bots first, waiting for their sockets to close, so no client tries to reconnect.
    for (const bot of bots.splice(0)) await bot.stop();
    await current?.close();
    current = undefined;
  });
  const bed: SlackTestBed = {
    get double() {
      if (!current) throw new Error('the Slack double runs only during a test');
      return current;
    },
    async startHttpBot(options) {
      return bed.stopAfterTest(await startHttpBot({ ...options, double: bed.double }));
    },
    stopAfterTest(bot) {
      bots.push(bot);
      return bot;
    },
  };
  return bed;
}

/** Slack's v0 signature headers for `body` at `timestamp` (seconds). */
export function signHeaders(
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
  secret = SIGNING_SECRET,
): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** The form body Slack sends for a slash command; `overrides` sets other fields (user_id…). */
export function slashCommandBody(
  text: string,
  responseUrl: string,
  overrides: Record<string, string> = {},
): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'asker',
    command: '/ask',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: '1.2.3',
    ...overrides,
  }).toString();
}

/** The form body Slack sends when a button is clicked. */
export function blockActionBody(
  button: types.Button,
  responseUrl: string,
  container: Record<string, unknown> = { type: 'message', is_ephemeral: true, channel_id: 'C1' },
): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'test' },
    user: { id: 'U2', username: 'clicker', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container,
    trigger_id: '1.2.4',
    channel: { id: 'C1', name: 'general' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: button.action_id,
        block_id: 'b1',
        text: button.text,
        value: button.value,
        action_ts: '1700000001.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The JSON body of an Events API delivery. */
export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: 'T1', user_id: BOT_USER_ID, is_bot: true }],
    event,
  });
}

/** Every mrkdwn/plain text in a message's blocks, in order. */
export function blockTexts(blocks: unknown): string[] {
  const texts: string[] = [];
  for (const block of (blocks ?? []) as types.KnownBlock[]) {
    if (block.type === 'section' && block.text) texts.push(block.text.text);
    if (block.type === 'context') {
      for (const element of block.elements) if ('text' in element) texts.push(element.text);
    }
  }
  return texts;
}

/** The buttons of a message, by action id. */
export function buttonsOf(blocks: unknown): Map<string, types.Button> {
  const buttons = new Map<string, types.Button>();
  for (const block of (blocks ?? []) as types.KnownBlock[]) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements) {
      if (element.type === 'button' && element.action_id) buttons.set(element.action_id, element);
    }
  }
  return buttons;
}

/** The verbatim quote inside an excerpt section: `> ` lines, unescaped, ellipsis dropped. */
export function quoteOf(sectionText: string): string {
  return sectionText
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/ ?…$/, '');
}

/** The button `actionId` of a message; fails the test when it is missing. */
export function buttonOf(blocks: unknown, actionId: string): types.Button {
  const button = buttonsOf(blocks).get(actionId);
  if (!button) throw new Error(`no ${actionId} button in ${JSON.stringify(blocks)}`);
  return button;
}
