import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createQuestionStore,
  createSharedQuestionStore,
  decodeMoreId,
  encodeMoreId,
} from '../../../adapters/discord/more-button.js';
import { createLogger } from '../../../adapters/shared/logger.js';
import { createBotMetrics } from '../../../adapters/shared/metrics.js';
import { createRateLimiter } from '../../../adapters/shared/rate-limiter.js';
import { connectRedis, type RedisConnection } from '../../../adapters/shared/redis-connection.js';
import { createRedisEventIds } from '../../../adapters/slack/dedupe.js';
import { useRedisServer } from './redis-server.js';

const redis = useRedisServer();
const open: RedisConnection[] = [];

afterEach(async () => {
  for (const connection of open.splice(0)) await connection.close();
});

/** A connection with its own captured log and metrics, as one replica would have. */
async function replica() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const metrics = createBotMetrics({ defaultMetrics: false });
  const connection = await connectRedis(redis.url, {
    logger: createLogger({ level: 'info', destination }),
    metrics,
  });
  open.push(connection);
  return { connection, lines, metrics };
}

/** Polls `check` until it holds (a deadline, not a sleep, is what bounds the wait). */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('shared state on a real Redis', () => {
  it('counts one allowance for a user across replicas, and tells them once', async () => {
    const [a, b] = [await replica(), await replica()];
    const limits = { perMinute: 10, burst: 3 };
    const limiters = [
      createRateLimiter({ ...limits, redis: a.connection }),
      createRateLimiter({ ...limits, redis: b.connection }),
    ];
    const key = `slack:U-${Date.now()}`;
    const verdicts = [];
    for (let i = 0; i < 6; i += 1) verdicts.push(await limiters[i % 2]?.take(key));
    expect(verdicts.map((v) => v?.allowed)).toEqual([true, true, true, false, false, false]);
    expect(verdicts.filter((v) => v?.allowed === false && v.notify)).toHaveLength(1);
  });

  it('lets one replica claim a Slack event id, whichever receives it', async () => {
    const [a, b] = [await replica(), await replica()];
    const stores = [createRedisEventIds(a.connection), createRedisEventIds(b.connection)];
    const id = `Ev-${Date.now()}`;
    expect(await Promise.all([stores[0]?.claim(id), stores[1]?.claim(id)])).toEqual(
      expect.arrayContaining([true, false]),
    );
    expect(await stores[0]?.claim(id)).toBe(false);
  });

  it('finds the long question behind a More button on another replica', async () => {
    const [a, b] = [await replica(), await replica()];
    const question = `Why ${'exactly '.repeat(40)}did the ferry stop?`;
    const id = encodeMoreId({ question, offset: 3 }, createSharedQuestionStore(a.connection));
    await until(
      async () =>
        (await a.connection.client.exists(`article-qa:question:${id.split(':')[3]}`)) === 1,
      'the question in Redis',
    );
    const elsewhere = createSharedQuestionStore(b.connection, createQuestionStore());
    expect(await decodeMoreId(id, elsewhere)).toEqual({ question, offset: 3 });
  });

  it('falls back to the local store while Redis is down, warning once, then returns to it', async () => {
    const { connection, lines, metrics } = await replica();
    const limiter = createRateLimiter({ perMinute: 60, burst: 2, redis: connection });
    const events = createRedisEventIds(connection);
    expect(await limiter.take('u:before')).toEqual({ allowed: true });

    await redis.kill();
    await until(() => !connection.available, 'the connection to notice');
    // Everything still answers: from this process's own stores.
    expect(await limiter.take('u:outage')).toEqual({ allowed: true });
    expect(await limiter.take('u:outage')).toEqual({ allowed: true });
    expect(await limiter.take('u:outage')).toMatchObject({ allowed: false, notify: true });
    expect(await events.claim('EvOutage')).toBe(true);
    expect(await events.claim('EvOutage')).toBe(false);
    const warnings = lines.filter((l) => String(l.msg).startsWith('Redis unavailable'));
    expect(warnings).toHaveLength(1);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/article_qa_redis_fallbacks_total\{store="rate-limit"\} [3-9]/);
    expect(text).toMatch(/article_qa_redis_fallbacks_total\{store="slack-events"\} 2/);
    expect(text).toMatch(/article_qa_redis_up 0/);

    await redis.restart();
    await until(() => connection.available, 'the connection to come back', 15_000);
    expect(
      lines.filter((l) => l.msg === 'Redis is back: shared state is on Redis again'),
    ).toHaveLength(1);
    expect(await events.claim('EvAfter')).toBe(true);
    expect(await connection.client.exists('article-qa:slack-event:EvAfter')).toBe(1);
    expect(await metrics.registry.metrics()).toMatch(/article_qa_redis_up 1/);
  }, 40_000);
});
