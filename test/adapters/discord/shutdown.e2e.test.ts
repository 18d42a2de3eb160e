import { describe, expect, it } from 'vitest';
import { useBotProcesses } from '../bot-process-hooks.js';
import { startDiscordDouble } from './double/discord-double.js';
import { userPayload } from './double/payloads.js';
import { FIXTURE_CORPUS, mentionBot, replyTo } from './harness.js';

const processes = useBotProcesses();
const startBot = (env: Record<string, string>) =>
  processes.start('adapters/discord/main.ts', { CORPUS_DIR: FIXTURE_CORPUS, ...env });

describe('Discord bot shutdown', () => {
  it('on SIGTERM finishes the answer being sent, takes no new question, and exits 0', async () => {
    const d = processes.double(await startDiscordDouble());
    const guild = d.guilds[0];
    if (!guild) throw new Error('no guild');
    const bot = startBot({ DISCORD_TOKEN: 'test-token', DISCORD_API_URL: d.apiUrl });
    await d.waitForSessions(1);
    const reader = userPayload('reader');
    const ask = () => mentionBot(d, guild, reader, 'When do the harbour works start?');

    const held = d.holdNext((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    const first = ask();
    await d.waitForRequest(replyTo(first.id), 'the reply, held by the double');
    bot.child.kill('SIGTERM');
    await bot.line(/"msg":"stopping"/);
    const late = ask();
    held.release();

    expect(await bot.exited).toBe(0);
    const served = await bot.line(/"msg":"request served"/);
    expect(JSON.parse(served)).toMatchObject({ outcome: 'answered', userId: reader.id });
    const log = bot.stderr();
    expect(log.indexOf('"stopping"')).toBeLessThan(log.indexOf(served));
    // The client was closed only after the answer had been delivered.
    expect(log.indexOf(served)).toBeLessThan(log.indexOf('"disconnecting"'));
    expect(d.requests.some(replyTo(late.id))).toBe(false);
    expect(bot.stderr()).not.toMatch(/abandoned|Unexpected error/);
  });

  it('fails fast on a rejected token: one clear line, exit 1, no retrying', async () => {
    const double = processes.double(await startDiscordDouble({ rejectToken: true }));
    const bot = startBot({ DISCORD_TOKEN: 'wrong-token', DISCORD_API_URL: double.apiUrl });
    expect(await bot.exited).toBe(1);
    const plain = bot
      .stderr()
      .split('\n')
      .filter((line) => line && !line.startsWith('{'));
    expect(plain).toEqual([
      'DISCORD_TOKEN was rejected by Discord. Reset it at https://discord.com/developers/applications → your application → Bot, and update .env.',
    ]);
    expect(double.requests.filter((r) => r.path === '/gateway/bot').length).toBeLessThanOrEqual(1);
  });
});
