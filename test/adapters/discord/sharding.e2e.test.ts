import { describe, expect, it, type TestContext } from 'vitest';
import { type DiscordDouble, startDiscordDouble } from './double/discord-double.js';
import { shardOf, snowflake, userPayload } from './double/payloads.js';
import { mentionBot, replyTo } from './harness.js';
import { runNpmScript, type Spawned } from './spawn.js';

/** A double recommending two shards, with one guild on each. */
async function twoShardDouble({ onTestFinished }: TestContext): Promise<DiscordDouble> {
  const guilds = [0, 1].map((id) => ({
    id: snowflake({ id, total: 2 }),
    name: `Guild on shard ${id}`,
    channelId: snowflake(),
  }));
  const double = await startDiscordDouble({ shards: 2, guilds });
  onTestFinished(() => double.close());
  return double;
}

function start({ onTestFinished }: TestContext, double: DiscordDouble, args: string[]): Spawned {
  const bot = runNpmScript('discord', args, {
    DISCORD_TOKEN: 'test-token',
    DISCORD_API_URL: double.apiUrl,
  });
  // Registered after the double's, so it runs first: stop the shards, then close the double.
  onTestFinished(async () => {
    await bot.stop();
  });
  return bot;
}

async function mentionIsAnswered(double: DiscordDouble, guildIndex: number): Promise<void> {
  const guild = double.guilds[guildIndex];
  if (!guild) throw new Error('no guild');
  const message = mentionBot(
    double,
    guild,
    userPayload('reader'),
    'When do the harbour works start?',
  );
  const reply = await double.waitForRequest(replyTo(message.id), `the reply in ${guild.name}`);
  expect(reply.body.embeds.length).toBeGreaterThan(0);
}

describe.concurrent('npm run discord with the ShardingManager', () => {
  // Each test cleans up through its own context: concurrent tests must not share hooks.
  it('--shards auto spawns the recommended two shards, which both identify and answer', async (context) => {
    const double = await twoShardDouble(context);
    expect(double.guilds.map((g) => shardOf(g.id, 2))).toEqual([0, 1]);
    const bot = start(context, double, ['--shards', 'auto']);
    const sessions = await double.waitForSessions(2);
    expect(sessions.map((s) => s.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    await Promise.all([mentionIsAnswered(double, 0), mentionIsAnswered(double, 1)]);
    expect(bot.stderr()).toContain('shard ready');
  });

  it('--total-shards 2 --shard-list 1 runs only shard 1 of 2 on this machine', async (context) => {
    const double = await twoShardDouble(context);
    start(context, double, ['--total-shards', '2', '--shard-list', '1']);
    const [session] = await double.waitForSessions(1);
    expect(session?.shard).toEqual([1, 2]);
    await mentionIsAnswered(double, 1);
    expect(double.sessions).toHaveLength(1);
  });
});
