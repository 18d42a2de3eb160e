import { describe, expect, it, type TestContext } from 'vitest';
import { type DiscordDoubleOptions, startDiscordDouble } from './double/discord-double.js';
import { runNpmScript } from './spawn.js';

async function startDouble({ onTestFinished }: TestContext, options?: DiscordDoubleOptions) {
  const double = await startDiscordDouble(options);
  onTestFinished(() => double.close());
  return double;
}

describe.concurrent('npm run discord:deploy', () => {
  it('registers /ask, /source and /help in the configured guild through DISCORD_API_URL', async (context) => {
    const double = await startDouble(context);
    const guildId = double.guilds[0]?.id ?? '';
    const run = runNpmScript('discord:deploy', [], {
      DISCORD_TOKEN: 'test-token',
      DISCORD_CLIENT_ID: double.applicationId,
      DISCORD_GUILD_ID: guildId,
      DISCORD_API_URL: double.apiUrl,
    });
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toBe(`Registered 3 slash commands in server ${guildId}.\n`);
    const put = double.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${double.applicationId}/guilds/${guildId}/commands`);
    expect(put?.headers.authorization).toBe('Bot test-token');
    expect(put?.body.map((c: { name: string }) => c.name)).toEqual(['ask', 'source', 'help']);
  });

  it('shows its usage for --help and exits 0 without calling Discord', async () => {
    const run = runNpmScript('discord:deploy', ['--help'], {});
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain('Usage: npm run discord:deploy');
    expect(run.stderr()).toBe('');
  });

  it('exits 1 with the reason and what to check when Discord refuses', async (context) => {
    const double = await startDouble(context, { rejectToken: true });
    const run = runNpmScript('discord:deploy', [], {
      DISCORD_TOKEN: 'bad-token',
      DISCORD_CLIENT_ID: double.applicationId,
      DISCORD_API_URL: double.apiUrl,
    });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/Could not register the slash commands globally .*401/);
    expect(run.stderr()).toContain('Check DISCORD_TOKEN and DISCORD_CLIENT_ID');
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it('exits 1 naming DISCORD_CLIENT_ID when it is missing', async () => {
    const run = runNpmScript('discord:deploy', [], { DISCORD_TOKEN: 'test-token' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/DISCORD_CLIENT_ID: is required to deploy commands/);
  });
});
