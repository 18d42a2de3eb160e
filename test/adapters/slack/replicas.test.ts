import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/shared/logger.js';
import { createRateLimiter } from '../../../adapters/shared/rate-limiter.js';
import { connectRedis, type RedisConnection } from '../../../adapters/shared/redis-connection.js';
import { createRedisEventIds } from '../../../adapters/slack/dedupe.js';
import { useRedisServer } from '../shared/redis-server.js';
import { BOT_USER_ID } from './doubles.js';
import {
  blockTexts,
  eventBody,
  FORM,
  type HttpBot,
  JSON_TYPE,
  slashCommandBody,
  useAnswerers,
  useSlackDouble,
} from './harness.js';

const redis = useRedisServer();
const slack = useSlackDouble();
const qa = useAnswerers({ bundled: 'corpus' });
const connections: RedisConnection[] = [];
/** What each replica's Redis connection logged, by replica. */
const redisLogs: Record<string, unknown>[][] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close();
  redisLogs.splice(0);
});

/** Two HTTP-mode bots, each with its own Redis connection, behind one imaginary balancer. */
async function startReplicas(limits: { perMinute: number; burst: number }): Promise<HttpBot[]> {
  const replicas: HttpBot[] = [];
  for (let i = 0; i < 2; i += 1) {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    const connection = await connectRedis(redis.url, {
      logger: createLogger({ level: 'info', destination }),
    });
    connections.push(connection);
    redisLogs.push(lines);
    replicas.push(
      await slack.startHttpBot({
        qa: qa.bundled,
        eventIds: createRedisEventIds(connection),
        limiter: createRateLimiter({ ...limits, redis: connection }),
      }),
    );
  }
  return replicas;
}

const mention = (text: string) => ({
  type: 'app_mention',
  user: 'U1',
  text: `<@${BOT_USER_ID}> ${text}`,
  ts: '1700000000.000100',
  channel: 'C1',
  event_ts: '1700000000.000100',
});

/** An `/ask` sent to `bot`; resolves with the texts of the ephemeral reply. */
async function ask(bot: HttpBot, question: string, user: string, id: string): Promise<string[]> {
  const body = slashCommandBody(question, slack.double.responseUrl(id), { user_id: user });
  const response = await bot.postSigned(body, FORM);
  expect(response.status).toBe(200);
  const text = await response.text();
  if (text === '') return [];
  return blockTexts((JSON.parse(text) as { blocks?: unknown }).blocks);
}

const answered = (texts: string[]) => texts.some((t) => t.startsWith('> '));

describe('two Slack HTTP replicas sharing a real Redis', () => {
  it('answers an event delivered to both (a retry that reached the other replica) once', async ({
    annotate,
  }) => {
    const [a, b] = await startReplicas({ perMinute: 600, burst: 50 });
    const event = mention('Who is Blinken meeting?');
    const first = await a?.postSigned(eventBody(event, 'EvBoth'), JSON_TYPE);
    const retry = await b?.postSigned(eventBody(event, 'EvBoth'), JSON_TYPE, {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect([first?.status, retry?.status]).toEqual([200, 200]);
    expect(slack.double.callsOf('chat.postMessage')).toHaveLength(1);
    expect(b?.logs.some((l) => l.msg === 'Skipped a repeated delivery of a Slack event')).toBe(
      true,
    );
    await annotate(
      `2 deliveries of one event (one per replica): ${slack.double.callsOf('chat.postMessage').length} chat.postMessage`,
    );
  });

  it("holds a user's burst spread over both replicas to one shared limit", async ({ annotate }) => {
    const replicas = await startReplicas({ perMinute: 10, burst: 3 });
    const replies: string[][] = [];
    for (let i = 0; i < 6; i += 1) {
      const bot = replicas[i % 2] as HttpBot;
      replies.push(await ask(bot, 'Who is Blinken meeting?', 'UBURST', `burst-${i}`));
    }
    expect(replies.map(answered)).toEqual([true, true, true, false, false, false]);
    // Told once (by whichever replica refused first), then silent acknowledgements.
    expect(replies[3]).toEqual([
      expect.stringMatching(/^You are asking faster than I can answer\. Please wait 1[78] seconds/),
    ]);
    expect(replies.slice(4)).toEqual([[], []]);
    await annotate(
      `6 questions alternating over 2 replicas, burst 3: ${replies.filter(answered).length} answered, 1 told "${replies[3]?.[0]}", 2 silent`,
    );
  });

  it('keeps answering through a Redis crash and restart, and both return to sharing', async ({
    annotate,
  }) => {
    const replicas = await startReplicas({ perMinute: 6_000, burst: 1_000 });
    let sent = 0;
    const asked: Record<string, number> = {};
    const askBoth = async (phase: string) => {
      asked[phase] = (asked[phase] ?? 0) + replicas.length;
      const results = await Promise.all(
        replicas.map((bot, i) =>
          ask(bot, 'How many troops has Russia gathered?', `U${i}`, `${phase}-${sent++}`),
        ),
      );
      return results.map(answered);
    };
    expect(await askBoth('before')).toEqual([true, true]);
    await redis.kill();
    for (let round = 0; round < 5; round += 1)
      expect(await askBoth('outage')).toEqual([true, true]);
    await redis.restart();
    const restartedAt = Date.now();
    const deadline = restartedAt + 15_000;
    while (!connections.every((c) => c.available)) {
      if (Date.now() > deadline) throw new Error('the replicas did not reconnect to Redis');
      expect(await askBoth('reconnecting')).toEqual([true, true]);
    }
    const reconnectedMs = Date.now() - restartedAt;
    expect(await askBoth('after')).toEqual([true, true]);
    // Shared again: a retry reaching the other replica is answered once.
    const event = mention('Who leads Ukraine?');
    await replicas[0]?.postSigned(eventBody(event, 'EvAfterRestart'), JSON_TYPE);
    await replicas[1]?.postSigned(eventBody(event, 'EvAfterRestart'), JSON_TYPE);
    expect(slack.double.callsOf('chat.postMessage')).toHaveLength(1);
    // One warning per replica for the outage, and one line when Redis is back.
    const said = (prefix: string) =>
      redisLogs.map((lines) => lines.filter((l) => String(l.msg).startsWith(prefix)).length);
    expect(said('Redis unavailable')).toEqual([1, 1]);
    expect(said('Redis is back')).toEqual([1, 1]);
    await annotate(
      `${sent} questions, all answered (${JSON.stringify(asked)}); both replicas back on Redis ${reconnectedMs} ms after the restart, each having warned once`,
    );
  }, 40_000);
});
