import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import type { Client } from 'discord.js';
import { pino } from 'pino';
import { startBot } from '../../../adapters/discord/client.js';
import type { RateLimiter } from '../../../adapters/shared/rate-limiter.js';
import { createRequestGate } from '../../../adapters/shared/request-gate.js';
import { type Answerer, createAnswerer, loadCorpus } from '../../../src/index.js';
import {
  type DiscordDouble,
  type DiscordDoubleOptions,
  startDiscordDouble,
} from './double/discord-double.js';
import { type UserPayload, userPayload } from './double/payloads.js';

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

/** Starts a double and the bot against it; `wrap` may replace the answerer (e.g. to inject a failure). */
export async function startHarness(
  options: {
    double?: DiscordDoubleOptions;
    wrap?: (qa: Answerer) => Answerer;
    /** Per-user rate limit; none by default. */
    limiter?: RateLimiter;
    /** pino level of the captured log. @default "info" */
    logLevel?: string;
  } = {},
): Promise<BotHarness> {
  const qa = createAnswerer(await loadCorpus(FIXTURE_CORPUS));
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
