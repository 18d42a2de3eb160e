import { describe, expect, it, type TestContext } from 'vitest';
import {
  describeScrape,
  healthOnceItIs,
  histogramCount,
  metricValue,
  questionsByOutcome,
  scrapeMetrics,
} from '../shared/prometheus.js';
import { type DiscordDouble, startDiscordDouble } from './double/discord-double.js';
import { snowflake, userPayload } from './double/payloads.js';
import { FIXTURE_CORPUS, mentionBot, replyTo } from './harness.js';
import { runNpmScript, type Spawned } from './spawn.js';

/** Resolves with the port of the bot's health and metrics server, from its log line. */
async function opsPort(bot: Spawned, servers = 1): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const lines = bot
      .stderr()
      .split('\n')
      .filter((l) => l.includes('serving GET /healthz'));
    const line = lines[servers - 1];
    if (line) return (JSON.parse(line) as { port: number }).port;
    if (Date.now() > deadline) throw new Error(`no health server in:\n${bot.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function start(context: TestContext, double: DiscordDouble, args: string[] = []): Spawned {
  const bot = runNpmScript('discord', args, {
    DISCORD_TOKEN: 'test-token',
    DISCORD_API_URL: double.apiUrl,
    METRICS_PORT: '0',
    METRICS_HOST: '127.0.0.1',
  });
  context.onTestFinished(async () => {
    await bot.stop();
  });
  return bot;
}

async function ask(double: DiscordDouble, guildIndex: number, question: string): Promise<void> {
  const guild = double.guilds[guildIndex];
  if (!guild) throw new Error('no guild');
  const message = mentionBot(double, guild, userPayload('reader'), question);
  await double.waitForRequest(replyTo(message.id), `the reply in ${guild.name}`);
}

describe.concurrent('Discord health and metrics (METRICS_PORT)', () => {
  it('is healthy once connected, 503 while the gateway is down, and counts what it served', async (context) => {
    const double = await startDiscordDouble();
    context.onTestFinished(() => double.close());
    const bot = start(context, double);
    const base = `http://127.0.0.1:${await opsPort(bot)}`;
    expect(await healthOnceItIs(base, 200)).toEqual({
      ok: true,
      index: 'loaded',
      platform: 'connected',
    });

    await ask(double, 0, 'When do the harbour works start?');
    await ask(double, 0, 'Is there a recipe for apple pie?');
    const metrics = await scrapeMetrics(base);
    expect(questionsByOutcome(metrics, 'discord')).toEqual({ answered: 1, not_found: 1 });
    expect(histogramCount(metrics, 'article_qa_answer_duration_seconds')).toBe(2);
    expect(metricValue(metrics, 'article_qa_articles_loaded')).toBe(2);
    expect(metricValue(metrics, 'article_qa_paragraphs_loaded')).toBeGreaterThan(2);
    expect(metricValue(metrics, 'article_qa_corpus_reloads_total')).toBe(0);
    expect(metricValue(metrics, 'article_qa_corpus_reload_failures_total')).toBe(0);
    expect(metrics.some((f) => f.name === 'process_resident_memory_bytes')).toBe(true);

    // The gateway drops the connection: unhealthy until discord.js has reconnected.
    double.sessions[0]?.socket.terminate();
    const down = await healthOnceItIs(base, 503);
    expect(down).toEqual({ ok: false, index: 'loaded', platform: 'disconnected' });
    await healthOnceItIs(base, 200);
    await context.annotate(
      `Discord, /healthz 503 ${JSON.stringify(down)} while the gateway was down; ${describeScrape(metrics, 'discord')}`,
    );
  });

  it('serves the health of every shard and their summed metrics from the manager', async (context) => {
    const guilds = [0, 1].map((id) => ({
      id: snowflake({ id, total: 2 }),
      name: `Guild on shard ${id}`,
      channelId: snowflake(),
    }));
    const double = await startDiscordDouble({ shards: 2, guilds });
    context.onTestFinished(() => double.close());
    const bot = start(context, double, ['--shards', '2']);
    const base = `http://127.0.0.1:${await opsPort(bot)}`;
    await double.waitForSessions(2);
    expect(await healthOnceItIs(base, 200, 30_000)).toMatchObject({ ok: true });
    await ask(double, 0, 'When do the harbour works start?');
    await ask(double, 1, 'When do the harbour works start?');
    const metrics = await scrapeMetrics(base);
    expect(metricValue(metrics, 'article_qa_questions_total', { outcome: 'answered' })).toBe(2);
    // Each shard loads the corpus: the manager reports it once, not once per shard.
    expect(metricValue(metrics, 'article_qa_articles_loaded')).toBe(2);
    // Only the manager serves: the shards were told not to.
    expect(
      bot
        .stderr()
        .split('\n')
        .filter((l) => l.includes('serving GET /healthz')),
    ).toHaveLength(1);
    expect(FIXTURE_CORPUS).toBe('test/fixtures/discord-corpus');
  });
});
