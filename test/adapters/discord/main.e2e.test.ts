import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { describe, expect, it, type TestContext } from 'vitest';
import { COMMANDS } from '../../../adapters/discord/commands.js';
import {
  type DiscordDouble,
  type DiscordDoubleOptions,
  startDiscordDouble,
} from './double/discord-double.js';
import { userPayload } from './double/payloads.js';
import { mentionBot, replyTo } from './harness.js';
import { runNpmScript, type Spawned } from './spawn.js';

// Concurrent tests each clean up through their own context; hooks run in reverse order, so the
// bot stops before its double closes.
async function double(
  context: TestContext,
  options?: DiscordDoubleOptions,
): Promise<DiscordDouble> {
  const started = await startDiscordDouble(options);
  context.onTestFinished(() => started.close());
  return started;
}

function discord(
  context: TestContext,
  env: Record<string, string>,
  args: readonly string[] = [],
): Spawned {
  const bot = runNpmScript('discord', args, env);
  context.onTestFinished(async () => {
    await bot.stop();
  });
  return bot;
}

/** A port on 127.0.0.1 that nothing listens on: bound by the system, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.concurrent('npm run discord', () => {
  it('answers a mention and /ask against a Discord double, and stops on SIGTERM', async (context) => {
    const discordDouble = await double(context);
    const guild = discordDouble.guilds[0];
    if (!guild) throw new Error('no guild');
    const bot = discord(context, {
      DISCORD_TOKEN: 'test-token',
      DISCORD_CLIENT_ID: discordDouble.applicationId,
      DISCORD_API_URL: discordDouble.apiUrl,
    });
    const [session] = await discordDouble.waitForSessions(1);
    expect(session?.token).toBe('test-token');
    const user = userPayload('reader');

    const message = mentionBot(discordDouble, guild, user, 'When do the harbour works start?');
    const reply = await discordDouble.waitForRequest(
      replyTo(message.id),
      'the reply to the mention',
    );
    expect(reply.body.embeds[0].description).toMatch(/¶\d+/);

    const interaction = discordDouble.sendInteraction({
      user,
      channelId: guild.channelId,
      guildId: guild.id,
      command: {
        name: COMMANDS.ask.name,
        options: [{ name: COMMANDS.ask.question, type: 3, value: 'Who is the mayor?' }],
      },
    });
    const answer = await discordDouble.waitForRequest(
      (r) => r.method === 'PATCH' && r.path.includes(`/${interaction.token}/messages/%40original`),
      'the /ask answer',
    );
    expect(answer.body.content).toContain('> Who is the mayor?');

    await bot.stop();
    expect(bot.stderr()).toContain('Discord bot ready');
    expect(bot.stderr()).toContain('stopping');
    expect(bot.stderr()).not.toMatch(/Unexpected error|\n\s+at /);
    expect(bot.stdout()).toBe('');
  });

  it('still exits on SIGTERM when the gateway has gone away', async (context) => {
    const vanishing = await startDiscordDouble();
    const bot = discord(context, {
      DISCORD_TOKEN: 'test-token',
      DISCORD_API_URL: vanishing.apiUrl,
    });
    await vanishing.waitForSessions(1);
    await vanishing.close();
    await bot.stop();
    expect(bot.stderr()).toContain('stopping');
  });

  it('exits 1 naming DISCORD_TOKEN, without a stack trace, when it is missing', async (context) => {
    const bot = discord(context, {});
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(
      /Invalid Discord configuration:\n {2}- DISCORD_TOKEN: is required/,
    );
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  });

  it('shows its usage for --help and exits 0, without a token', async (context) => {
    const bot = discord(context, {}, ['--help']);
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).toContain('Usage: npm run discord -- [--shards auto|N]');
    expect(bot.stderr()).toBe('');
  });

  it('rejects an unknown flag with one clean line', async (context) => {
    const bot = discord(context, {}, ['--bogus']);
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toBe(
      'Unknown option --bogus: run "npm run discord -- --help" for the options.\n',
    );
  });

  it('says in one line, without a stack trace, when Discord cannot be reached', async (context) => {
    const closed = await closedPort();
    const bot = discord(context, {
      DISCORD_TOKEN: 'test-token',
      DISCORD_API_URL: `http://127.0.0.1:${closed}/api`,
      LOG_LEVEL: 'silent',
      DISCORD_LOG_LEVEL: 'silent',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toBe(
      `Could not reach Discord at http://127.0.0.1:${closed}/api (ECONNREFUSED). ` +
        'Check the network connection, and DISCORD_API_URL if it is set.\n',
    );
  });

  it('exits 1 and says so when Discord rejects the token', async (context) => {
    const rejecting = await double(context, { rejectToken: true });
    const bot = discord(context, { DISCORD_TOKEN: 'bad', DISCORD_API_URL: rejecting.apiUrl });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('DISCORD_TOKEN was rejected by Discord');
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  });
});
