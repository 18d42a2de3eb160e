import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import type { Client } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { startBot } from '../../../adapters/discord/client.js';
import type { RateLimiter } from '../../../adapters/shared/rate-limiter.js';
import { createRequestGate } from '../../../adapters/shared/request-gate.js';
import { type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';
import {
  type DiscordDouble,
  type DiscordDoubleOptions,
  type RecordedRequest,
  startDiscordDouble,
} from './double/discord-double.js';
import {
  type DoubleGuild,
  messagePayload,
  snowflake,
  type UserPayload,
  userPayload,
} from './double/payloads.js';

/** The fixture corpus of this suite: a harbour article (with Markdown and mention bait) and a very long paragraph. */
export const FIXTURE_CORPUS = 'test/fixtures/discord-corpus';

/** A running bot (real discord.js Client) connected to a fresh Discord double. */
export interface BotHarness {
  double: DiscordDouble;
  client: Client;
  qa: Answerer;
  /** A human user to send messages as. */
  user: UserPayload;
  /** Parsed pino log lines. */
  logs: Record<string, unknown>[];
  /** Resolves once a log line (already written or still to come) matches. */
  waitForLog(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Options for {@link startHarness}. */
export interface HarnessOptions {
  double?: DiscordDoubleOptions;
  /** Replaces the answerer (to inject a failure, say). */
  wrap?: (qa: Answerer) => Answerer;
  /** Per-user rate limit; none by default. */
  limiter?: RateLimiter;
  /** pino level of the captured log. @default "info" */
  logLevel?: string;
  /** @default FIXTURE_CORPUS */
  corpus?: string;
}

/** Starts a double and the bot against it. */
export async function startHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const qa = createAnswerer(await loadCorpus(options.corpus ?? FIXTURE_CORPUS));
  const double = await startDiscordDouble(options.double);
  const logs: Record<string, unknown>[] = [];
  const logged = new EventEmitter();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
      logged.emit('line');
      done();
    },
  });
  const waitForLog = (match: (line: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const check = () => {
        const found = logs.find(match);
        if (!found) return;
        logged.off('line', check);
        resolve(found);
      };
      logged.on('line', check);
      check();
    });
  const logger = pino({ level: options.logLevel ?? 'info' }, sink);
  const client = await startBot({
    token: 'test-token',
    apiUrl: double.apiUrl,
    qa: options.wrap ? options.wrap(qa) : qa,
    logger,
    gate: createRequestGate({ platform: 'discord', logger, limiter: options.limiter ?? null }),
  });
  return {
    double,
    client,
    qa,
    user: userPayload('reader'),
    logs,
    waitForLog,
    async stop() {
      // Destroy first: a client whose gateway vanishes keeps reconnecting and holds the process.
      await client.destroy();
      await double.close();
    },
  };
}

/**
 * One bot for all the tests of a file: started before the first, stopped after the last. The
 * returned harness is filled in once the bot has started.
 */
export function useHarness(options: HarnessOptions = {}): BotHarness {
  const harness = {} as BotHarness;
  beforeAll(async () => {
    Object.assign(harness, await startHarness(options));
  });
  afterAll(async () => {
    await harness.stop?.();
  });
  return harness;
}

/** Undoes Discord Markdown escapes (a backslash before punctuation), to compare with the article. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}

/** The quoted text of an embed description: its `> ` lines, unescaped, without the ellipsis. */
export function quotedText(description: string): string {
  const quoted = description
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2))
    .join('\n');
  return unescapeMarkdown(quoted).replace(/ ?…$/, '');
}

/** A slash command option as the gateway sends it. */
export type CommandOption = { name: string; type: number; value: string | number | boolean };
/** Discord's option types used by the bot's commands. */
export const OPTION = { STRING: 3, INTEGER: 4, BOOLEAN: 5 } as const;

function firstGuild(h: BotHarness) {
  const guild = h.double.guilds[0];
  if (!guild) throw new Error('the double has no guild');
  return guild;
}

/** Posts `content` from `author` in `guild`'s channel, mentioning the bot first. */
export function mentionBot(
  double: DiscordDouble,
  guild: DoubleGuild,
  author: UserPayload,
  content: string,
) {
  return double.sendMessage({
    author,
    content: `<@${double.bot.id}> ${content}`,
    channelId: guild.channelId,
    guildId: guild.id,
    mentions: [double.bot],
  });
}

/** Posts `content` in the guild channel from `author` (the harness user), mentioning the bot first. */
export function sendMention(h: BotHarness, content: string, author: UserPayload = h.user) {
  return mentionBot(h.double, firstGuild(h), author, content);
}

/** Sends `content` to the bot in a direct message from `author` (the harness user). */
export function sendDirectMessage(h: BotHarness, content: string, author: UserPayload = h.user) {
  return h.double.sendMessage({ author, content, channelId: snowflake() });
}

/** Runs slash command `name` in the guild channel as `user` (the harness user). */
export function sendCommand(
  h: BotHarness,
  name: string,
  options: CommandOption[],
  user: UserPayload = h.user,
) {
  const guild = firstGuild(h);
  return h.double.sendInteraction({
    user,
    channelId: guild.channelId,
    guildId: guild.id,
    command: { name, options },
  });
}

/** Clicks a button with `customId` under an earlier bot message (ephemeral when `flags` say so). */
export function clickButton(h: BotHarness, customId: string, flags = 0) {
  const guild = firstGuild(h);
  const message = messagePayload({
    author: h.double.bot,
    content: 'an earlier answer',
    channelId: guild.channelId,
    guildId: guild.id,
    flags,
  });
  return h.double.sendInteraction({
    user: h.user,
    channelId: guild.channelId,
    guildId: guild.id,
    button: { customId, message },
  });
}

/** The bot's reply to message `messageId`. */
export const replyTo = (messageId: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.body?.message_reference?.message_id === messageId;

/** The bot's first response to an interaction (a reply, a deferral or suggestions). */
export const callbackOf = (i: { id: string; token: string }) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path === `/interactions/${i.id}/${i.token}/callback`;

/** The edit that fills in a deferred interaction's reply. */
export const originalOf = (h: BotHarness, i: { token: string }) => (r: RecordedRequest) =>
  r.method === 'PATCH' &&
  r.path === `/webhooks/${h.double.applicationId}/${i.token}/messages/%40original`;

/** A follow-up message to an interaction. */
export const followUpOf = (h: BotHarness, i: { token: string }) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path === `/webhooks/${h.double.applicationId}/${i.token}`;
