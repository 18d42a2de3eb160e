import { readFile } from 'node:fs/promises';
import { type BotProcess, startBotProcess } from '../test/adapters/bot-process.js';
import { startDiscordDouble } from '../test/adapters/discord/double/discord-double.js';
import {
  type DoubleGuild,
  snowflake,
  type UserPayload,
  userPayload,
} from '../test/adapters/discord/double/payloads.js';
import { type RedisServer, startRedisServer } from '../test/adapters/shared/redis-server.js';
import { startSlackDouble } from '../test/adapters/slack/doubles.js';
import { blockTexts, FORM, signHeaders, slashCommandBody } from '../test/adapters/slack/harness.js';

/**
 * `npm run load`: 1,000 concurrent signed `/ask` requests spread over two Slack bot replicas in
 * HTTP mode sharing one Redis (as behind a load balancer), and 1,000 mentions at the Discord bot
 * through the Discord double, spread over 50 servers' channels as real traffic is. Each bot runs
 * as its real entry script, with a real redis-server on a free loopback port and the rate limit
 * set high. Reports answered, lost, duplicated and crossed answers, latency p50/p99 and the bot
 * processes' peak RSS; exits 1 if any was lost or duplicated. Every request goes to 127.0.0.1
 * only; the run is bounded in count and in time.
 */

const REQUESTS = 1_000;
const USERS = 20;
/** Servers the Discord mentions come from, one channel each. */
const DISCORD_CHANNELS = 50;
/** The whole run stops by itself after this long, whatever happens. */
const DEADLINE_MS = 180_000;
const SECRET = 'load-test-signing-secret';
const QUESTIONS = [
  'How many troops has Russia gathered near the border?',
  'Who is visiting Kyiv?',
  'What did Blinken say about diplomacy?',
  'When will Blinken meet Lavrov?',
  'Where will the talks take place?',
  'Why is the United States worried?',
  'What does Russia deny?',
  'Who leads Ukraine?',
];
/** Everything the bots read: their own keys, and a rate limit far above this load. */
const COMMON_ENV = {
  CORPUS_DIR: 'corpus',
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_MINUTE: '1000000',
  RATE_LIMIT_BURST: '1000',
};

interface Figures {
  name: string;
  answered: number;
  lost: number;
  duplicated: number;
  /** Answers that echo another request's question; null where replies do not echo it. */
  crossed: number | null;
  latencies: number[];
  totalMs: number;
  peakRssBytes: number;
  served: number;
  exitCode: number | null;
}

const questionFor = (i: number) => `${QUESTIONS[i % QUESTIONS.length]} (request ${i})`;
const requestIdIn = (text: string) => /\(request (\d+)\)/.exec(text)?.[1];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Peak resident set size of a process so far (Linux: VmHWM), in bytes. */
async function peakRss(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  return Number(kib) * 1024;
}

const served = (stderr: string) =>
  stderr.split('\n').filter((line) => line.includes('"msg":"request served"')).length;

async function loadSlack(redis: RedisServer): Promise<Figures> {
  const double = await startSlackDouble();
  const replicas: BotProcess[] = [0, 1].map(() =>
    startBotProcess('adapters/slack/main.ts', {
      ...COMMON_ENV,
      SLACK_BOT_TOKEN: 'xoxb-load-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: double.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL: redis.url,
    }),
  );
  try {
    const urls = await Promise.all(
      replicas.map(async (bot) => {
        const { port } = JSON.parse(await bot.line(/"mode":"http"/)) as { port: number };
        await bot.line(/shared state on Redis/);
        return `http://127.0.0.1:${port}/slack/events`;
      }),
    );
    const seen = new Map<string, number>();
    const latencies: number[] = [];
    let crossed = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const body = slashCommandBody(questionFor(i), double.responseUrl(`r${i}`), {
          user_id: `U${String(i % USERS).padStart(4, '0')}`,
        });
        const sent = performance.now();
        // A round-robin balancer: every other request to the other replica.
        const response = await fetch(urls[i % urls.length] as string, {
          method: 'POST',
          body,
          headers: { 'content-type': FORM, ...signHeaders(body, undefined, SECRET) },
        }).catch(() => null);
        if (response?.status !== 200) return;
        const message = (await response.json()) as { blocks?: unknown };
        latencies.push(performance.now() - sent);
        const texts = blockTexts(message.blocks);
        const id = requestIdIn(texts[0] ?? '');
        if (id !== String(i)) crossed += 1;
        if (!texts.some((text) => text.startsWith('> '))) return;
        seen.set(String(i), (seen.get(String(i)) ?? 0) + 1);
      }),
    );
    const totalMs = performance.now() - started;
    const peaks = await Promise.all(replicas.map((bot) => peakRss(bot.child.pid)));
    for (const bot of replicas) bot.child.kill('SIGTERM');
    const exitCodes = await Promise.all(replicas.map((bot) => bot.exited));
    // An /ask answer travels in the HTTP response; any Web API post would be a duplicate.
    const extra = double.calls.filter((call) => call.method !== 'auth.test').length;
    const servedBy = replicas.map((bot) => served(bot.stderr()));
    return {
      name:
        `Slack HTTP mode: ${REQUESTS} concurrent signed /ask requests from ${USERS} users, ` +
        `round-robin over 2 replicas sharing one Redis (served ${servedBy.join(' + ')})`,
      answered: seen.size,
      lost: REQUESTS - seen.size,
      duplicated: [...seen.values()].filter((n) => n > 1).length + extra + double.responses.length,
      crossed,
      latencies,
      totalMs,
      peakRssBytes: Math.max(...peaks),
      served: servedBy.reduce((a, b) => a + b, 0),
      exitCode: exitCodes.find((code) => code !== 0) ?? 0,
    };
  } finally {
    await Promise.all(replicas.map((bot) => bot.kill()));
    await double.close();
  }
}

async function loadDiscord(redis: RedisServer): Promise<Figures> {
  const guilds: DoubleGuild[] = Array.from({ length: DISCORD_CHANNELS }, (_, i) => ({
    id: snowflake(),
    name: `Server ${i + 1}`,
    channelId: snowflake(),
  }));
  const double = await startDiscordDouble({ guilds });
  const bot = startBotProcess('adapters/discord/main.ts', {
    ...COMMON_ENV,
    DISCORD_TOKEN: 'load-test-token',
    DISCORD_API_URL: double.apiUrl,
    REDIS_URL: redis.url,
  });
  try {
    await double.waitForSessions(1);
    const users: UserPayload[] = Array.from({ length: USERS }, (_, i) => userPayload(`user${i}`));
    const sentAt = new Map<string, number>();
    const requestOf = new Map<string, number>();
    const replies = new Map<string, number>();
    const withExcerpts = new Set<string>();
    const latencies: number[] = [];
    let resolveAll = () => {};
    const allAnswered = new Promise<void>((resolve) => {
      resolveAll = resolve;
    });
    const onReply = () => {
      for (const request of double.requests.splice(0)) {
        const id = request.body?.message_reference?.message_id as string | undefined;
        if (request.method !== 'POST' || id === undefined || !sentAt.has(id)) continue;
        replies.set(id, (replies.get(id) ?? 0) + 1);
        if (replies.get(id) === 1) latencies.push(performance.now() - (sentAt.get(id) ?? 0));
        // A reply without excerpts (an apology, a notice) is not an answer.
        if (request.body.embeds?.length) withExcerpts.add(id);
        if (replies.size === REQUESTS) resolveAll();
      }
    };
    const poll = setInterval(onReply, 20);
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i += 1) {
      const guild = guilds[i % guilds.length] as DoubleGuild;
      const message = double.sendMessage({
        author: users[i % USERS] as UserPayload,
        content: `<@${double.bot.id}> ${questionFor(i)}`,
        channelId: guild.channelId,
        guildId: guild.id,
        mentions: [double.bot],
      });
      sentAt.set(message.id, performance.now());
      requestOf.set(message.id, i);
    }
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, DEADLINE_MS).unref());
    await Promise.race([allAnswered, deadline]);
    clearInterval(poll);
    onReply();
    const totalMs = performance.now() - started;
    const peakRssBytes = await peakRss(bot.child.pid);
    bot.child.kill('SIGTERM');
    const exitCode = await bot.exited;
    onReply();
    const answered = [...withExcerpts].filter((id) => requestOf.has(id)).length;
    return {
      name: `Discord: ${REQUESTS} mentions from ${USERS} users in ${DISCORD_CHANNELS} servers' channels through the gateway double`,
      answered,
      lost: REQUESTS - answered,
      duplicated: [...replies.values()].filter((n) => n > 1).length,
      // A mention's reply refers to its message and does not repeat the question.
      crossed: null,
      latencies,
      totalMs,
      peakRssBytes,
      served: served(bot.stderr()),
      exitCode,
    };
  } finally {
    await bot.kill();
    await double.close();
  }
}

function report(figures: Figures): string {
  const sorted = [...figures.latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return [
    figures.name,
    `  answered ${figures.answered}/${REQUESTS}, lost ${figures.lost}, duplicated ${figures.duplicated}` +
      (figures.crossed === null ? '' : `, crossed ${figures.crossed}`),
    `  latency p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}; all answered in ${ms(figures.totalMs)}`,
    `  bot process peak RSS ${(figures.peakRssBytes / 2 ** 20).toFixed(0)} MiB; ${figures.served} "request served" log lines; exit code after SIGTERM ${figures.exitCode}`,
  ].join('\n');
}

const timer = setTimeout(() => {
  process.stderr.write(`load: gave up after ${DEADLINE_MS / 1000} s\n`);
  process.exit(1);
}, DEADLINE_MS + 30_000);
timer.unref();

const redis = await startRedisServer();
let results: Figures[];
try {
  results = [await loadSlack(redis), await loadDiscord(redis)];
} finally {
  await redis.stop();
}
process.stdout.write(`${results.map(report).join('\n\n')}\n`);
const failed = results.some(
  (r) => r.lost > 0 || r.duplicated > 0 || (r.crossed ?? 0) > 0 || r.exitCode !== 0,
);
process.exitCode = failed ? 1 : 0;
